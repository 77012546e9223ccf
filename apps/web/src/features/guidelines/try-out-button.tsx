import { useId } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { RECORD_APPLICATION } from './guideline-queries';
import { guidelineMessages } from './messages';
import './guidelines.css';

/**
 * Uitproberen in de praktijk: records a practice reflection on the version in
 * use (from the template: wat deed je, wat gebeurde er, wat zou je anders
 * doen) and opens it to write.
 */
export function TryOutButton({ guidelineId }: { guidelineId: string }) {
  const m = useMessages(guidelineMessages);
  const id = useId();
  const { run, busy, error } = useAction();
  const tryOut = async () => {
    const result = await run(() => graphql(RECORD_APPLICATION, { input: { guidelineId, body: null } }));
    if (result) navigate(`/items/${result.recordApplication.id}`);
  };
  return (
    <div className="try-out">
      <button type="button" className="button-primary" aria-describedby={`${id}-hint`} disabled={busy} onClick={tryOut}>
        {busy ? m.tryingOut : m.tryOut}
      </button>
      <p id={`${id}-hint`} className="hint">
        {m.tryOutHint}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}
