import { SECI_STAGES, SeciStage } from '@spiraal/domain';
import { useId } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { spiralMessages } from './messages';
import { countIn, Move } from './spiral-moves';
import './spiral.css';

type Point = readonly [number, number];

const WIDTH = 680;
const HEIGHT = 500;
const BOX_W = 250;
const BOX_H = 150;

/** The classic SECI quadrants: socialisatie top left, then clockwise. */
const BOXES: Record<SeciStage, Point> = {
  SOCIALISATIE: [30, 30],
  EXTERNALISATIE: [400, 30],
  COMBINATIE: [400, 320],
  INTERNALISATIE: [30, 320],
};

/** The turn of the spiral, drawn even when nothing moved along it. */
const CYCLE = [
  'SOCIALISATIE|EXTERNALISATIE',
  'EXTERNALISATIE|COMBINATIE',
  'COMBINATIE|INTERNALISATIE',
  'INTERNALISATIE|SOCIALISATIE',
];

/**
 * Where each move is drawn: start, end, and where its number goes. Moves along
 * the spiral run on the outside, moves back on the inside, leaps across the
 * middle.
 */
const ARROWS: Record<string, { from: Point; to: Point; label: Point }> = {
  'SOCIALISATIE|EXTERNALISATIE': { from: [282, 85], to: [398, 85], label: [340, 66] },
  'EXTERNALISATIE|SOCIALISATIE': { from: [398, 132], to: [282, 132], label: [340, 156] },
  'EXTERNALISATIE|COMBINATIE': { from: [575, 182], to: [575, 318], label: [615, 250] },
  'COMBINATIE|EXTERNALISATIE': { from: [475, 318], to: [475, 182], label: [440, 250] },
  'COMBINATIE|INTERNALISATIE': { from: [398, 415], to: [282, 415], label: [340, 440] },
  'INTERNALISATIE|COMBINATIE': { from: [282, 368], to: [398, 368], label: [340, 346] },
  'INTERNALISATIE|SOCIALISATIE': { from: [95, 318], to: [95, 182], label: [55, 250] },
  'SOCIALISATIE|INTERNALISATIE': { from: [215, 182], to: [215, 318], label: [250, 250] },
  'SOCIALISATIE|COMBINATIE': { from: [293, 180], to: [401, 308], label: [318, 206] },
  'COMBINATIE|SOCIALISATIE': { from: [387, 320], to: [279, 192], label: [362, 294] },
  'EXTERNALISATIE|INTERNALISATIE': { from: [401, 192], to: [293, 320], label: [362, 206] },
  'INTERNALISATIE|EXTERNALISATIE': { from: [279, 308], to: [387, 180], label: [318, 294] },
};

/** SVG text does not wrap: a hint longer than fits the box goes on two lines. */
function lines(text: string, max = 24): string[] {
  if (text.length <= max) return [text];
  const words = text.split(' ');
  let first = '';
  while (words.length && `${first} ${words[0]}`.trim().length <= max) first = `${first} ${words.shift()}`.trim();
  return first ? [first, words.join(' ')] : [text];
}

function Arrow({ from, to, width, faint }: { from: Point; to: Point; width: number; faint: boolean }) {
  const [x0, y0] = from;
  const [x1, y1] = to;
  const length = Math.hypot(x1 - x0, y1 - y0);
  const [ux, uy] = [(x1 - x0) / length, (y1 - y0) / length];
  const head = 10 + width * 1.2;
  const half = 5 + width * 0.8;
  // The line stops where the head begins, so a thick line does not poke through its point.
  const [bx, by] = [x1 - ux * head, y1 - uy * head];
  const points = [`${x1},${y1}`, `${bx - uy * half},${by + ux * half}`, `${bx + uy * half},${by - ux * half}`].join(
    ' ',
  );
  return (
    <g className={faint ? 'spiral-arrow spiral-arrow-faint' : 'spiral-arrow'}>
      <line x1={x0} y1={y0} x2={bx} y2={by} strokeWidth={width} strokeDasharray={faint ? '5 5' : undefined} />
      <polygon points={points} />
    </g>
  );
}

interface SpiralPictureProps {
  stageCounts: { stage: SeciStage; count: number }[];
  moves: Move[];
}

/**
 * The four stages as quadrants with their number of items, and arrows whose
 * thickness and number show how often knowledge moved between them. An image
 * with its own text alternative (title and description); the tables beside it
 * say the same in words.
 */
export function SpiralPicture({ stageCounts, moves }: SpiralPictureProps) {
  const m = useMessages(spiralMessages);
  const im = useMessages(itemMessages);
  const id = useId();
  const max = Math.max(1, ...moves.map((move) => move.count));
  const byKey = new Map(moves.map((move) => [`${move.from}|${move.to}`, move.count]));
  const shown = Object.keys(ARROWS).filter((key) => (byKey.get(key) ?? 0) > 0 || CYCLE.includes(key));

  const stagesText = SECI_STAGES.map((stage) => `${im.stages[stage]} ${m.items(countIn(stageCounts, stage))}`).join(
    ', ',
  );
  const movesText = moves.length
    ? moves.map((move) => `${m.move(im.stages[move.from], im.stages[move.to])}: ${move.count}`).join(', ')
    : m.noMoves;

  return (
    <svg
      className="spiral-picture"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{m.pictureTitle}</title>
      <desc id={`${id}-desc`}>{m.pictureDesc(stagesText, movesText)}</desc>
      {SECI_STAGES.map((stage) => {
        const [x, y] = BOXES[stage];
        return (
          <g key={stage} className={`spiral-box spiral-box-${stage.toLowerCase()}`}>
            <rect x={x} y={y} width={BOX_W} height={BOX_H} rx={12} />
            <text x={x + 16} y={y + 32} className="spiral-box-name">
              {im.stages[stage]}
            </text>
            <text x={x + 16} y={y + 82} className="spiral-box-count">
              {countIn(stageCounts, stage)}
              <tspan className="spiral-box-unit" dx={8}>
                {m.unit(countIn(stageCounts, stage))}
              </tspan>
            </text>
            <text x={x + 16} y={y + 118} className="spiral-box-hint">
              {lines(im.stageHints[stage]).map((line, i) => (
                <tspan key={i} x={x + 16} dy={i ? 18 : 0}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      {shown.map((key) => {
        const count = byKey.get(key) ?? 0;
        const arrow = ARROWS[key];
        return (
          <Arrow key={key} from={arrow.from} to={arrow.to} width={count ? 2 + (8 * count) / max : 1.5} faint={!count} />
        );
      })}
      {shown
        .filter((key) => byKey.get(key))
        .map((key) => {
          const [x, y] = ARROWS[key].label;
          return (
            <g key={key} className="spiral-arrow-label">
              <circle cx={x} cy={y} r={14} />
              <text x={x} y={y} dy="0.35em" textAnchor="middle">
                {byKey.get(key)}
              </text>
            </g>
          );
        })}
    </svg>
  );
}
