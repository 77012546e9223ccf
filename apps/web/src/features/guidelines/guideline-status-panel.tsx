import { GUIDELINE_STATUS_LABELS, GuidelineStatus } from '@spiraal/domain';
import { useId, useRef, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { may } from '../../shared/permissions/permissions';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import type { ItemDetail } from '../../entities/items/item-queries';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDate } from '../../shared/ui/format';
import { AdoptDialog } from './adopt-dialog';
import { GuidelineStatusBadge } from '../../entities/items/guideline-status-badge';
import { SET_GUIDELINE_STATUS } from './guideline-queries';
import { guidelineMessages } from './messages';
import { ReviseDialog } from './revise-dialog';
import './guidelines.css';

interface GuidelineStatusPanelProps {
  item: ItemDetail;
  onChanged(): void;
}

/**
 * Where the guideline is in its lifecycle (concept → in uitprobeerfase →
 * vastgesteld), its review date, and for facilitators the next steps.
 */
export function GuidelineStatusPanel({ item, onChanged }: GuidelineStatusPanelProps) {
  const m = useMessages(guidelineMessages);
  const { language } = useLanguage();
  const label = useLabel();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<'adopt' | 'revise' | null>(null);
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction();
  const status = item.guidelineStatus ?? 'CONCEPT';
  const version = item.guidelineVersion ?? 1;
  const manage = may(item.community.myRole, 'guideline.setStatus') && !item.archivedAt;

  /** After a step the button that was pressed is gone: keep the keyboard in this panel. */
  const changed = (message: string) => {
    setDialog(null);
    setDone(message);
    onChanged();
    requestAnimationFrame(() => heading.current?.focus());
  };
  const setStatus = async (next: GuidelineStatus) => {
    setDone('');
    if (await run(() => graphql(SET_GUIDELINE_STATUS, { input: { id: item.id, status: next } })))
      changed(m.statusChanged(label(GUIDELINE_STATUS_LABELS[next])));
  };

  return (
    <section className="panel guideline-status" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {m.statusSection}
      </h2>
      <p className="current-stage">
        <GuidelineStatusBadge status={status} version={version} />
        <span className="muted">{m.statusHints[status]}</span>
      </p>
      <dl className="facts">
        <dt>{m.reviewDate}</dt>
        <dd>
          {item.reviewDate ? (
            <time dateTime={item.reviewDate}>{formatDate(item.reviewDate, language)}</time>
          ) : (
            m.noReviewDate
          )}
        </dd>
      </dl>
      {manage && (
        <div className="actions">
          {status === 'CONCEPT' && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void setStatus('IN_UITPROBEERFASE')}
            >
              {m.toTryOut}
            </button>
          )}
          {status !== 'VASTGESTELD' && (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setDialog('adopt')}>
              {m.adopt}
            </button>
          )}
          {status === 'IN_UITPROBEERFASE' && (
            <button type="button" className="button-quiet" disabled={busy} onClick={() => void setStatus('CONCEPT')}>
              {m.backToConcept}
            </button>
          )}
          {status === 'VASTGESTELD' && (
            <button type="button" className="button-secondary" onClick={() => setDialog('revise')}>
              {m.revise}
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={error} />
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
      {dialog === 'adopt' && (
        <AdoptDialog
          guidelineId={item.id}
          version={version}
          onClose={() => setDialog(null)}
          onAdopted={() => changed(m.statusChanged(label(GUIDELINE_STATUS_LABELS.VASTGESTELD)))}
        />
      )}
      {dialog === 'revise' && (
        <ReviseDialog
          guidelineId={item.id}
          version={version}
          onClose={() => setDialog(null)}
          onRevised={() => changed(m.revised(version + 1))}
        />
      )}
    </section>
  );
}
