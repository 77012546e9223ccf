import type { Ref } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { StageBadge } from '../../entities/items/stage-badge';
import { Link } from '../../shared/ui/link';
import { VisuallyHidden } from '../../shared/ui/visually-hidden';
import { HighlightedText } from './highlighted-text';
import { searchMessages } from './messages';
import type { SearchHit } from './search-queries';
import './search.css';

/** The results: kind, stage and leernetwerk, the highlighted title (a link) and a highlighted snippet of the body. */
export function SearchHitList({ hits, ref }: { hits: SearchHit[]; ref?: Ref<HTMLOListElement> }) {
  const m = useMessages(searchMessages);
  const im = useMessages(itemMessages);
  return (
    <ol ref={ref} className="item-list search-hits">
      {hits.map(({ item, highlights }) => (
        <li key={item.id} className="item-card search-hit">
          <div className="item-card-meta">
            <span className="item-kind">{im.kinds[item.kind]}</span>
            <StageBadge stage={item.stage} />
            <span className="search-hit-community">
              <VisuallyHidden>{m.communityPrefix}</VisuallyHidden>
              {item.community.name}
            </span>
          </div>
          <h3 className="search-hit-title">
            <Link className="item-card-title" href={`/items/${item.id}`}>
              {highlights.title ? <HighlightedText html={highlights.title} /> : item.title}
            </Link>
          </h3>
          {highlights.text && (
            <p className="search-hit-snippet">
              <HighlightedText html={highlights.text} />
            </p>
          )}
          {item.tags.length > 0 && (
            <ul className="tags" aria-label={m.tagsLabel}>
              {item.tags.map((tag) => (
                <li key={tag}>
                  <span className="tag">{tag}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
