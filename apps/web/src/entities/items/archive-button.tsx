import { useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ARCHIVE_ITEM } from './item-queries';
import { itemMessages } from './messages';

/** Archive after a confirmation; the item stays readable and findable. */
export function ArchiveButton({ itemId, onArchived }: { itemId: string; onArchived(): void }) {
  const m = useMessages(itemMessages);
  const [asking, setAsking] = useState(false);
  const { run, busy, error } = useAction();
  const archive = async () => {
    if (!(await run(() => graphql(ARCHIVE_ITEM, { id: itemId })))) return;
    setAsking(false);
    onArchived();
  };
  return (
    <>
      <button type="button" className="button-quiet button-danger" onClick={() => setAsking(true)}>
        {m.archive}
      </button>
      {asking && (
        <Dialog title={m.archiveTitle} onClose={() => setAsking(false)}>
          <p>{m.archiveConfirm}</p>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="button" className="button-danger-solid" disabled={busy} onClick={archive}>
              {m.archiveYes}
            </button>
            <button type="button" className="button-secondary" data-autofocus onClick={() => setAsking(false)}>
              {m.cancel}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
