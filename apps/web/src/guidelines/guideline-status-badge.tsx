import { GUIDELINE_STATUS_LABELS, GuidelineStatus } from '@spiraal/domain';
import { useMessages } from '../i18n/language';
import { useLabel } from '../i18n/use-label';
import { VisuallyHidden } from '../ui/visually-hidden';
import { guidelineMessages } from './messages';

/** Concept, In uitprobeerfase or Vastgesteld, with the version number when it has one. */
export function GuidelineStatusBadge({ status, version }: { status: GuidelineStatus; version?: number | null }) {
  const m = useMessages(guidelineMessages);
  const label = useLabel();
  return (
    <span className={`status-badge status-${status.toLowerCase().replace(/_/g, '-')}`}>
      <VisuallyHidden>{m.statusPrefix}</VisuallyHidden>
      {label(GUIDELINE_STATUS_LABELS[status])}
      {version ? <span className="status-version"> · {m.version(version)}</span> : null}
    </span>
  );
}
