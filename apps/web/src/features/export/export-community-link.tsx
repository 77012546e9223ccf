import { useState } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { exportMessages } from './messages';

/**
 * "Leernetwerk exporteren (zip)", for facilitators: a plain download from the
 * API (the session cookie signs it), so a large archive never passes through
 * the page's memory.
 */
export function ExportCommunityLink({ communityId }: { communityId: string }) {
  const m = useMessages(exportMessages);
  // Open privacy findings refuse a plain export; a pseudonymised one replaces them (docs/privacy.md).
  const [pseudonymise, setPseudonymise] = useState(false);
  return (
    <section className="panel panel-plain" aria-labelledby="export-community">
      <h3 id="export-community">{m.exportCommunity}</h3>
      <p className="muted">{m.exportCommunityHint}</p>
      <label className="checkbox">
        <input type="checkbox" checked={pseudonymise} onChange={(e) => setPseudonymise(e.target.checked)} />{' '}
        {m.exportPseudonymised}
      </label>
      <a
        className="button-secondary"
        href={`/export/communities/${encodeURIComponent(communityId)}${pseudonymise ? '?pseudonymise=1' : ''}`}
        download
      >
        {m.exportCommunity}
      </a>
    </section>
  );
}
