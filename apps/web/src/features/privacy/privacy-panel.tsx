import { useState, useSyncExternalStore } from 'react';
import { findingsStore, type PrivacyFinding } from '../../entities/privacy/findings-store';
import { privacyMessages } from '../../entities/privacy/messages';
import { DISMISS_PRIVACY_FINDING, PSEUDONYMISE } from '../../entities/privacy/privacy-queries';
import { ApiError, graphql } from '../../shared/api/graphql';
import { useMessages } from '../../shared/i18n/language';
import './privacy-panel.css';
const SOFT = new Set(['INSTITUTION', 'LOCATION']);

/**
 * The "Privacy" panel (editors only): the open findings of the item's current
 * text, each to pseudonymise ("Persoon A", "[BSN]", … through the live
 * document, so everyone editing sees it) or to dismiss with a reason.
 */
export function PrivacyPanel({ itemId }: { itemId: string }) {
  const m = useMessages(privacyMessages);
  const store = findingsStore(itemId);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<PrivacyFinding | null>(null);
  const [reason, setReason] = useState('');

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setDismissing(null);
      setReason('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      await store.refresh();
      setBusy(false);
    }
  };

  return (
    <section className="panel privacy-panel" aria-labelledby={`privacy-${itemId}`}>
      <h3 id={`privacy-${itemId}`}>{m.title}</h3>
      {state.findings.length === 0 ? (
        <p className="muted">{state.loaded ? m.none : '…'}</p>
      ) : (
        <>
          <p className="muted">{m.intro}</p>
          <ul className="privacy-panel__list">
            {state.findings.map((f) => (
              <li key={f.id} className="privacy-panel__finding" data-kind={f.kind}>
                <span className="privacy-panel__kind">
                  {m.kinds[f.kind] ?? f.kind}
                  {SOFT.has(f.kind) && <span className="muted"> ({m.soft})</span>}
                </span>{' '}
                <q className="privacy-panel__text">{f.text}</q>
                <span className="privacy-panel__actions">
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={busy}
                    onClick={() => void run(() => graphql(PSEUDONYMISE, { input: { itemId, findingIds: [f.id] } }))}
                  >
                    {m.pseudonymise}
                  </button>
                  <button type="button" className="button-secondary" disabled={busy} onClick={() => setDismissing(f)}>
                    {m.dismiss}
                  </button>
                </span>
                {dismissing?.id === f.id && (
                  <form
                    className="privacy-panel__dismiss"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void run(() => graphql(DISMISS_PRIVACY_FINDING, { input: { itemId, findingId: f.id, reason } }));
                    }}
                  >
                    <label>
                      {m.reason}
                      <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
                    </label>
                    <button type="submit" disabled={busy || !reason.trim()}>
                      {m.confirmDismiss}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => setDismissing(null)}>
                      {m.cancel}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => graphql(PSEUDONYMISE, { input: { itemId } }))}
          >
            {m.pseudonymiseAll}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
    </section>
  );
}
