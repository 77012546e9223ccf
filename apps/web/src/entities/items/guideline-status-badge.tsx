import { GUIDELINE_STATUS_LABELS, GuidelineStatus } from '@spiraal/domain';
import { useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import { VisuallyHidden } from '../../shared/ui/visually-hidden';
import { itemMessages } from './messages';
import './items.css';

/** Concept, In uitprobeerfase or Vastgesteld, with the version number when it has one. */
export function GuidelineStatusBadge({ status, version }: { status: GuidelineStatus; version?: number | null }) {
  const m = useMessages(itemMessages);
  const label = useLabel();
  return (
    <span className={`status-badge status-${status.toLowerCase().replace(/_/g, '-')}`}>
      <VisuallyHidden>{m.guidelineStatusPrefix}</VisuallyHidden>
      {label(GUIDELINE_STATUS_LABELS[status])}
      {version ? <span className="status-version"> · {m.guidelineVersion(version)}</span> : null}
    </span>
  );
}
