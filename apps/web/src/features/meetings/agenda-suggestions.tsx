import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { StageBadge } from '../../entities/items/stage-badge';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Link } from '../../shared/ui/link';
import { LinkedText } from '../../shared/ui/linked-text';
import { ADD_AGENDA_ITEM, AgendaSuggestion } from './meeting-queries';
import { meetingMessages } from './messages';
import './meetings.css';

interface AgendaSuggestionsProps {
  meetingId: string;
  suggestions: AgendaSuggestion[];
  manage: boolean;
  onAdded(what: string): void;
}

/** "Nog niet besproken": reflections, werkvragen and open questions on no agenda yet, each one click from this one. */
export function AgendaSuggestions({ meetingId, suggestions, manage, onAdded }: AgendaSuggestionsProps) {
  const m = useMessages(meetingMessages);
  const im = useMessages(itemMessages);
  const { run, busy, error } = useAction();

  const add = async (suggestion: AgendaSuggestion) => {
    const input = { meetingId, itemId: suggestion.item.id, commentId: suggestion.comment?.id ?? null };
    if (await run(() => graphql(ADD_AGENDA_ITEM, { input }))) onAdded(suggestion.item.title);
  };

  if (!suggestions.length) return <p className="muted">{m.noSuggestions}</p>;
  return (
    <>
      <ErrorMessage error={error} />
      <ul className="suggestion-list">
        {suggestions.map((suggestion) => {
          const what = m.reasons[suggestion.reason] ?? suggestion.reason;
          return (
            <li key={`${suggestion.item.id}-${suggestion.comment?.id ?? ''}`} className="agenda-suggestion">
              <div>
                <p className="agenda-what">
                  <span className="item-kind">{what}</span>{' '}
                  {suggestion.comment ? (
                    <span className="muted">
                      {m.questionOn} {im.kinds[suggestion.item.kind].toLowerCase()}
                    </span>
                  ) : (
                    <StageBadge stage={suggestion.item.stage} />
                  )}{' '}
                  <Link href={`/items/${suggestion.item.id}`}>{suggestion.item.title}</Link>
                </p>
                {suggestion.comment && (
                  <blockquote className="agenda-quote">
                    <LinkedText text={suggestion.comment.body} />
                  </blockquote>
                )}
              </div>
              {manage && (
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-label={m.putOnAgendaOf(
                    suggestion.comment ? `${what}: ${suggestion.comment.body.slice(0, 80)}` : suggestion.item.title,
                  )}
                  disabled={busy}
                  onClick={() => void add(suggestion)}
                >
                  {m.putOnAgenda}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
