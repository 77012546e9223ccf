import { useMessages } from '../../shared/i18n/language';
import { exportMessages } from './messages';

/**
 * "Leernetwerk exporteren (zip)", for facilitators: a plain download from the
 * API (the session cookie signs it), so a large archive never passes through
 * the page's memory.
 */
export function ExportCommunityLink({ communityId }: { communityId: string }) {
  const m = useMessages(exportMessages);
  return (
    <section className="panel panel-plain" aria-labelledby="export-community">
      <h3 id="export-community">{m.exportCommunity}</h3>
      <p className="muted">{m.exportCommunityHint}</p>
      <a className="button-secondary" href={`/export/communities/${encodeURIComponent(communityId)}`} download>
        {m.exportCommunity}
      </a>
    </section>
  );
}
