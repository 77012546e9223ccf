import { SECI_STAGES, SeciStage } from '@spiraal/domain';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { spiralMessages } from './messages';
import { countIn, Move } from './spiral-moves';
import './spiral.css';

interface SpiralInWordsProps {
  stageCounts: { stage: SeciStage; count: number }[];
  moves: Move[];
}

/** The picture as tables: items per stage, and the moves between stages in the period. */
export function SpiralInWords({ stageCounts, moves }: SpiralInWordsProps) {
  const m = useMessages(spiralMessages);
  const im = useMessages(itemMessages);
  return (
    <div className="spiral-words">
      <table className="data-table">
        <caption>{m.stageTable}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colStage}</th>
            <th scope="col" className="number">
              {m.colItems}
            </th>
          </tr>
        </thead>
        <tbody>
          {SECI_STAGES.map((stage) => (
            <tr key={stage}>
              <th scope="row">{im.stages[stage]}</th>
              <td className="number">{countIn(stageCounts, stage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {moves.length ? (
        <table className="data-table">
          <caption>{m.moveTable}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colMove}</th>
              <th scope="col" className="number">
                {m.colCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {moves.map((move) => (
              <tr key={`${move.from}-${move.to}`}>
                <th scope="row">{m.move(im.stages[move.from], im.stages[move.to])}</th>
                <td className="number">{move.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{m.noMovesYet}</p>
      )}
    </div>
  );
}
