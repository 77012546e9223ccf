import type { Peer } from './collab-session';
import type { EditorMessages } from './messages';
import { initials, textColorOn } from './people';

const SHOWN = 6;

/** Who is here now: initials in a coloured circle, the full name as accessible text. */
export function Presence({ peers, t }: { peers: Peer[]; t: EditorMessages }) {
  const shown = peers.slice(0, SHOWN);
  const hidden = peers.slice(SHOWN);
  return (
    <ul className="item-editor__presence" aria-label={t.presenceLabel}>
      {shown.map((peer) => {
        const name = peer.self ? `${peer.name} (${t.you})` : peer.name;
        return (
          <li key={peer.id} className="item-editor__person" title={name} data-self={peer.self || undefined}>
            <span
              className="item-editor__avatar"
              aria-hidden="true"
              style={{ backgroundColor: peer.color, color: textColorOn(peer.color) }}
            >
              {initials(peer.name)}
            </span>
            <span className="item-editor__sr-only">{name}</span>
          </li>
        );
      })}
      {hidden.length > 0 && (
        <li className="item-editor__person" title={hidden.map((peer) => peer.name).join(', ')}>
          <span className="item-editor__avatar item-editor__avatar--more" aria-hidden="true">
            +{hidden.length}
          </span>
          <span className="item-editor__sr-only">{hidden.map((peer) => peer.name).join(', ')}</span>
        </li>
      )}
    </ul>
  );
}
