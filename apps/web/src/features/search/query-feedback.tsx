import { Link } from '../../shared/ui/link';
import { useMessages } from '../../shared/i18n/language';
import { searchMessages } from './messages';
import { addressForQuery } from './search-address';

interface QueryFeedbackProps {
  missingWords: string[];
  didYouMean: string | null;
}

/** What happened to the query: the words nothing matched (struck through), and the corrected query one click away. */
export function QueryFeedback({ missingWords, didYouMean }: QueryFeedbackProps) {
  const m = useMessages(searchMessages);
  if (!missingWords.length && !didYouMean) return null;
  return (
    <div className="search-feedback">
      {didYouMean && (
        <p>
          {m.didYouMean} <Link href={addressForQuery(didYouMean)}>{didYouMean}</Link>?
        </p>
      )}
      {missingWords.length > 0 && (
        <p>
          {m.missing}{' '}
          {missingWords.map((word, i) => (
            <span key={word}>
              {i > 0 && ', '}
              <s>{word}</s>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** When nothing was found: the closest words the network uses, each a search of its own. */
export function CloseWords({ words }: { words: string[] }) {
  const m = useMessages(searchMessages);
  if (!words.length) return null;
  return (
    <div className="search-close-words">
      <p>{m.closeWords}</p>
      <ul className="search-suggestions">
        {words.map((word) => (
          <li key={word}>
            <Link href={addressForQuery(word)}>{word}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
