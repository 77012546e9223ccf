import { useLanguage, useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { ScrollableTable } from '../../shared/ui/scrollable-table';
import { spiralMessages } from './messages';
import type { StageTransition } from './spiral-queries';
import './spiral.css';

const LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const;

/** The moves per month, oldest month first, as the API counts them. */
export function SpiralMonths({ transitions }: { transitions: StageTransition[] }) {
  const m = useMessages(spiralMessages);
  const im = useMessages(itemMessages);
  const { language } = useLanguage();
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-15T12:00:00Z`),
    );
  if (!transitions.length) return <p className="muted">{m.noMovesYet}</p>;
  return (
    <ScrollableTable label={m.perMonth}>
      <table className="data-table">
        <caption className="visually-hidden">{m.perMonth}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colMonth}</th>
            <th scope="col">{m.colMove}</th>
            <th scope="col" className="number">
              {m.colCount}
            </th>
          </tr>
        </thead>
        <tbody>
          {transitions.map((t) => (
            <tr key={`${t.month}-${t.from}-${t.to}`}>
              <td>{monthName(t.month)}</td>
              <td>{m.move(im.stages[t.from], im.stages[t.to])}</td>
              <td className="number">{t.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
