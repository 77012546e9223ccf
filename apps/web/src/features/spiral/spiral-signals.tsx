import { communityMessages } from '../../entities/communities/messages';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { serverText } from '../../shared/ui/error-message';
import { Link } from '../../shared/ui/link';
import { spiralMessages } from './messages';
import type { SpiralReport } from './spiral-queries';
import './spiral.css';

/** Where the spiral may stall, as the questions they are, each with the items (or voices) it is about. */
export function SpiralSignals({ signals }: { signals: SpiralReport['signals'] }) {
  const m = useMessages(spiralMessages);
  const im = useMessages(itemMessages);
  const cm = useMessages(communityMessages);
  const { language } = useLanguage();
  if (!signals.length) return <p className="muted">{m.noSignals}</p>;
  return (
    <ul className="signals">
      {signals.map((signal) => (
        <li key={signal.code} className="signal">
          <h3>{serverText(signal.question, language)}</h3>
          {signal.items.length > 0 && (
            <ul className="link-rows">
              {signal.items.map((item) => (
                <li key={item.id}>
                  <span className="item-kind">{im.kinds[item.kind]}</span>
                  <Link href={`/items/${item.id}`}>{item.title}</Link>
                </li>
              ))}
            </ul>
          )}
          {signal.perspectives.length > 0 && (
            <ul className="perspective-counts" aria-label={m.perspectivesPrefix}>
              {signal.perspectives.map((p) => (
                <li key={p}>{cm.perspectives[p]}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
