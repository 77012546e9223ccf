import { useMessages } from '../i18n/language';
import { uiMessages } from './messages';

/** A calm loading line; a status, so screen readers hear it once without interruption. */
export function Loading({ label }: { label?: string }) {
  const m = useMessages(uiMessages);
  return (
    <p className="loading" role="status">
      {label ?? m.loading}
    </p>
  );
}
