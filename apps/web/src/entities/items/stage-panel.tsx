import { LIMITS } from '@spiraal/domain';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ADD_STAGE_REASON, ItemDetail, SET_ITEM_STAGE } from './item-queries';
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

/**
 * The item's SECI stage, the form to move it (with a reason), and every move
 * so far. Nothing is pre-selected, so a second click never moves the item on
 * by accident; a forgotten reason is added to the last move instead.
 */
export function StagePanel({ item, editable, onChanged }: StagePanelProps) {
  const m = useMessages(itemMessages);
  const id = useId();
  const others = SECI_STAGES.filter((stage) => stage !== item.stage);
  const [stage, setStage] = useState<SeciStage | ''>('');
  const [reason, setReason] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction();
  const late = useAction();
  const target = stage && others.includes(stage) ? stage : '';
  const lastMove = item.stageHistory.length > 1 ? item.stageHistory[item.stageHistory.length - 1] : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (!target) {
      setProblem(m.stageRequired);
      return;
    }
    setProblem('');
    const result = await run(() =>
      graphql(SET_ITEM_STAGE, { input: { id: item.id, stage: target, reason: reason.trim() || null } }),
    );
    if (!result) return;
    setReason('');
    setStage('');
    setDone(m.stageChanged(m.stages[target]));
    onChanged();
  };

  const addReason = async (event: FormEvent) => {
    event.preventDefault();
    if (!lateReason.trim()) return;
    const result = await late.run(() =>
      graphql(ADD_STAGE_REASON, { input: { itemId: item.id, reason: lateReason.trim() } }),
    );
    if (!result) return;
    setLateReason('');
    setDone(m.reasonAdded);
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
        <form className="form" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={`${id}-stage`}>{m.newStage}</label>
            <select
              id={`${id}-stage`}
              value={target}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-stage-problem` : undefined}
              onChange={(e) => {
                setStage(e.target.value as SeciStage | '');
                setProblem('');
              }}
            >
              <option value="">{m.chooseStage}</option>
              {others.map((s) => (
                <option key={s} value={s}>
                  {m.stages[s]}
                </option>
              ))}
            </select>
            {problem && (
              <p id={`${id}-stage-problem`} role="alert" className="field-error">
                {problem}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{m.reason}</label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={LIMITS.reasonMax}
              value={reason}
              aria-describedby={`${id}-reason-hint`}
              onChange={(e) => setReason(e.target.value)}
            />
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
      {editable && lastMove && !lastMove.reason && (
        <form className="form" onSubmit={(e) => void addReason(e)}>
          <div className="field">
            <label htmlFor={`${id}-late-reason`}>{m.lastMoveReason}</label>
            <textarea
              id={`${id}-late-reason`}
              rows={2}
              maxLength={LIMITS.reasonMax}
              value={lateReason}
              aria-describedby={`${id}-late-reason-hint`}
              onChange={(e) => setLateReason(e.target.value)}
            />
            <p id={`${id}-late-reason-hint`} className="hint">
              {m.lastMoveReasonHint}
            </p>
          </div>
          <ErrorMessage error={late.error} />
          <button type="submit" className="button-secondary" disabled={late.busy}>
            {m.addReason}
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
