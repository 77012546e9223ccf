import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { REVISE_GUIDELINE } from './guideline-queries';
import { guidelineMessages } from './messages';

interface ReviseDialogProps {
  guidelineId: string;
  version: number;
  onClose(): void;
  onRevised(): void;
}

/** Bijstellen: opens the next version as a concept; the adopted one stays readable. */
export function ReviseDialog({ guidelineId, version, onClose, onRevised }: ReviseDialogProps) {
  const m = useMessages(guidelineMessages);
  const { run, busy, error } = useAction();
  const revise = async () => {
    if (await run(() => graphql(REVISE_GUIDELINE, { id: guidelineId }))) onRevised();
  };
  return (
    <Dialog title={m.reviseTitle} onClose={onClose}>
      <p>{m.reviseText(version, version + 1)}</p>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="button-primary" disabled={busy} data-autofocus onClick={revise}>
          {m.reviseYes(version + 1)}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {m.cancel}
        </button>
      </div>
    </Dialog>
  );
}
