import { defaultReviewDate } from '@spiraal/domain';
import { FormEvent, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { TextField } from '../../shared/ui/text-field';
import { SET_GUIDELINE_STATUS } from './guideline-queries';
import { guidelineMessages } from './messages';
import { dateInputValue, fromDateInput } from './review-date';
import './guidelines.css';

interface AdoptDialogProps {
  guidelineId: string;
  version: number;
  onClose(): void;
  onAdopted(): void;
}

/** Vaststellen: freezes this version with the facilitator's name, and asks when to look at it again. */
export function AdoptDialog({ guidelineId, version, onClose, onAdopted }: AdoptDialogProps) {
  const m = useMessages(guidelineMessages);
  const [date, setDate] = useState(() => dateInputValue(defaultReviewDate(new Date())));
  const [problem, setProblem] = useState<string>();
  const { run, busy, error } = useAction();
  const tomorrow = dateInputValue(new Date(Date.now() + 24 * 3_600_000));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reviewDate = fromDateInput(date);
    if (!reviewDate || date < tomorrow) {
      setProblem(m.adoptReviewRequired);
      return;
    }
    setProblem(undefined);
    const result = await run(() =>
      graphql(SET_GUIDELINE_STATUS, { input: { id: guidelineId, status: 'VASTGESTELD', reviewDate } }),
    );
    if (result) onAdopted();
  };

  return (
    <Dialog title={m.adoptTitle} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p>{m.adoptText(version)}</p>
        <TextField
          label={m.adoptReviewDate}
          hint={m.adoptReviewHint}
          type="date"
          min={tomorrow}
          value={date}
          required
          problem={problem}
          data-autofocus
          onChange={(e) => setDate(e.target.value)}
        />
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {m.adoptYes}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {m.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
