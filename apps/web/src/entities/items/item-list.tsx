import { useLanguage, useMessages } from '../../shared/i18n/language';
import { formatDate } from '../../shared/ui/format';
import { Link } from '../../shared/ui/link';
import type { ItemSummary } from './item-queries';
import { itemMessages } from './messages';
import { StageBadge } from './stage-badge';
import './items.css';

interface ItemListProps {
  items: ItemSummary[];
  /** Makes tags buttons that filter on them. */
  onTag?(tag: string): void;
  compact?: boolean;
}

/** Items as a list of cards: title (a link), kind, stage, tags, last change. */
export function ItemList({ items, onTag, compact }: ItemListProps) {
  const m = useMessages(itemMessages);
  const { language } = useLanguage();
  return (
    <ul className={compact ? 'item-list item-list-compact' : 'item-list'}>
      {items.map((item) => (
        <li key={item.id} className="item-card">
          <div className="item-card-meta">
            <span className="item-kind">{m.kinds[item.kind]}</span>
            <StageBadge stage={item.stage} />
            {item.archivedAt && <span className="tag tag-muted">{m.archived}</span>}
          </div>
          <Link className="item-card-title" href={`/items/${item.id}`}>
            {item.title}
          </Link>
          {!compact && item.tags.length > 0 && (
            <ul className="tags" aria-label={m.tagsLabel}>
              {item.tags.map((tag) => (
                <li key={tag}>
                  {onTag ? (
                    <button
                      type="button"
                      className="tag tag-button"
                      onClick={() => onTag(tag)}
                      aria-label={m.filterOnTag(tag)}
                    >
                      {tag}
                    </button>
                  ) : (
                    <span className="tag">{tag}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="item-card-date">{m.updated(formatDate(item.updatedAt, language))}</p>
        </li>
      ))}
    </ul>
  );
}
