import { useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction, useQuery } from '../../shared/api/use-query';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDateTime } from '../../shared/ui/format';
import { Loading } from '../../shared/ui/loading';
import { RESTORE_REVISION, REVISION_QUERY, RevisionSummary, REVISIONS_QUERY } from './item-queries';
import { itemMessages } from './messages';
import './items.css';

interface RevisionListProps {
  itemId: string;
  editable: boolean;
  onRestored(): void;
}

/** Saved versions of the body, newest first: preview any, restore one (members and facilitators). */
export function RevisionList({ itemId, editable, onRestored }: RevisionListProps) {
  const m = useMessages(itemMessages);
  const { language } = useLanguage();
  const id = useId();
  const { data, error, reload } = useQuery(REVISIONS_QUERY, { itemId });
  const [open, setOpen] = useState<RevisionSummary | null>(null);
  const [done, setDone] = useState('');

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.revisions}</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.itemRevisions.length === 0 && <p className="muted">{m.noRevisions}</p>}
      {data && data.itemRevisions.length > 0 && (
        <ul className="revisions">
          {data.itemRevisions.map((revision) => {
            const date = formatDateTime(revision.createdAt, language);
            return (
              <li key={revision.id}>
                <div>
                  <time dateTime={revision.createdAt}>{date}</time>
                  {revision.authors.length > 0 && (
                    <span className="muted">
                      {' '}
                      {m.revisionBy(revision.authors.map((a) => a.displayName).join(', '))}
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={m.viewRevision(date)}
                  onClick={() => setOpen(revision)}
                >
                  {m.view}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
      {open && (
        <RevisionDialog
          revision={open}
          editable={editable}
          onClose={() => setOpen(null)}
          onRestored={() => {
            setOpen(null);
            setDone(m.restored);
            reload();
            onRestored();
          }}
        />
      )}
    </section>
  );
}

interface RevisionDialogProps {
  revision: RevisionSummary;
  editable: boolean;
  onClose(): void;
  onRestored(): void;
}

function RevisionDialog({ revision, editable, onClose, onRestored }: RevisionDialogProps) {
  const m = useMessages(itemMessages);
  const { language } = useLanguage();
  const { data, error } = useQuery(REVISION_QUERY, { id: revision.id });
  const restore = useAction();
  const hintId = useId();

  const restoreIt = async () => {
    const result = await restore.run(() => graphql(RESTORE_REVISION, { id: revision.id }));
    if (result) onRestored();
  };

  return (
    <Dialog title={m.revisionTitle(formatDateTime(revision.createdAt, language))} onClose={onClose}>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        // Focusable, so keyboard users can scroll a long version.
        <div className="revision-text" tabIndex={0} role="document" aria-label={m.body}>
          {data.revision.text || m.revisionEmpty}
        </div>
      )}
      {editable && (
        <>
          <p id={hintId} className="hint">
            {m.restoreHint}
          </p>
          <ErrorMessage error={restore.error} />
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              aria-describedby={hintId}
              disabled={!data || restore.busy}
              onClick={() => void restoreIt()}
            >
              {m.restore}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
