import { LIMITS } from '@spiraal/domain';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ItemDetail, SET_ITEM_STAGE } from './item-queries';
import { itemMessages } from './messages';
import { StageBadge } from './stage-badge';
import { StageHistory } from './stage-history';
import { SECI_STAGES, SeciStage } from './vocabulary';
import './items.css';

interface StagePanelProps {
  item: ItemDetail;
  editable: boolean;
  onChanged(): void;
}

/** The item's SECI stage, the form to move it (with a reason), and every move so far. */
export function StagePanel({ item, editable, onChanged }: StagePanelProps) {
  const m = useMessages(itemMessages);
  const id = useId();
  const others = SECI_STAGES.filter((stage) => stage !== item.stage);
  // The usual move is the next turn of the spiral (internalisatie leads back to socialisatie).
  const next = SECI_STAGES[(SECI_STAGES.indexOf(item.stage) + 1) % SECI_STAGES.length];
  const [stage, setStage] = useState<SeciStage>(next);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction();
  const target = others.includes(stage) ? stage : next;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const result = await run(() => graphql(SET_ITEM_STAGE, { input: { id: item.id, stage: target, reason: reason.trim() || null } }));
    if (!result) return;
    setReason('');
    setDone(m.stageChanged(m.stages[target]));
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.stageSection}</h2>
      <p className="current-stage">
        <StageBadge stage={item.stage} />
        <span className="muted">{m.stageHints[item.stage]}</span>
      </p>
      {editable && (
        <form className="form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-stage`}>{m.newStage}</label>
            <select id={`${id}-stage`} value={target} onChange={(e) => setStage(e.target.value as SeciStage)}>
              {others.map((s) => (
                <option key={s} value={s}>
                  {m.stages[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{m.reason}</label>
            <textarea id={`${id}-reason`} rows={3} maxLength={LIMITS.reasonMax} value={reason} aria-describedby={`${id}-reason-hint`} onChange={(e) => setReason(e.target.value)} />
            <p id={`${id}-reason-hint`} className="hint">
              {m.reasonHint}
            </p>
          </div>
          <ErrorMessage error={error} />
          <button type="submit" className="button-secondary" disabled={busy}>
            {m.changeStage}
          </button>
        </form>
      )}
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
      <StageHistory history={item.stageHistory} />
    </section>
  );
}
