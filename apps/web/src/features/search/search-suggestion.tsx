import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { StageBadge } from '../../entities/items/stage-badge';
import { VisuallyHidden } from '../../shared/ui/visually-hidden';
import { hasMark, HighlightedText } from './highlighted-text';
import { searchMessages } from './messages';
import type { SearchHit } from './search-queries';
import './search.css';

/**
 * One hit in the header's suggestions: the highlighted title, kind, stage and
 * leernetwerk. When only the body matched, a line of it shows why.
 */
export function SearchSuggestion({ hit }: { hit: SearchHit }) {
  const m = useMessages(searchMessages);
  const im = useMessages(itemMessages);
  const { item, highlights } = hit;
  const why = !hasMark(highlights.title) && highlights.text;
  return (
    <>
      <span className="suggestion-title">
        {highlights.title ? <HighlightedText html={highlights.title} /> : item.title}
      </span>
      {why && (
        <span className="suggestion-snippet">
          <HighlightedText html={why} />
        </span>
      )}
      <span className="suggestion-meta">
        <span className="item-kind">{im.kinds[item.kind]}</span>
        <StageBadge stage={item.stage} />
        <span className="suggestion-community">
          <VisuallyHidden>{m.communityPrefix}</VisuallyHidden>
          {item.community.name}
        </span>
      </span>
    </>
  );
}
