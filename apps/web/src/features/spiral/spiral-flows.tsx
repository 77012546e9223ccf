import { useMessages } from '../../shared/i18n/language';
import { GuidelineStatusBadge } from '../../entities/items/guideline-status-badge';
import { itemMessages } from '../../entities/items/messages';
import { Link } from '../../shared/ui/link';
import { spiralMessages } from './messages';
import type { LinkedItem, SpiralReport } from './spiral-queries';
import './spiral.css';

function LinkedItems({ items, empty }: { items: LinkedItem[]; empty?: string }) {
  const im = useMessages(itemMessages);
  if (!items.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="link-rows">
      {items.map((item) => (
        <li key={item.id}>
          <span className="item-kind">{im.kinds[item.kind]}</span>
          <Link href={`/items/${item.id}`}>{item.title}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Each turn of the spiral: sources → guideline → applications, every one a link. */
export function SpiralFlows({ flows }: { flows: SpiralReport['flows'] }) {
  const m = useMessages(spiralMessages);
  if (!flows.length) return <p className="muted">{m.noFlows}</p>;
  return (
    <ul className="flows">
      {flows.map(({ guideline, sources, applications }) => (
        <li key={guideline.id} className="flow">
          <div className="flow-part">
            <h3>{m.flowSources}</h3>
            <LinkedItems items={sources} />
          </div>
          <span className="flow-arrow" aria-hidden="true">
            →
          </span>
          <div className="flow-part flow-guideline">
            <h3>{m.flowGuideline}</h3>
            <p>
              <Link href={`/items/${guideline.id}`}>{guideline.title}</Link>
            </p>
            {guideline.guidelineStatus && (
              <GuidelineStatusBadge status={guideline.guidelineStatus} version={guideline.guidelineVersion} />
            )}
          </div>
          <span className="flow-arrow" aria-hidden="true">
            →
          </span>
          <div className="flow-part">
            <h3>{m.flowApplications}</h3>
            <LinkedItems items={applications} empty={m.noApplications} />
          </div>
        </li>
      ))}
    </ul>
  );
}
