import { useEffect, useState } from 'react';
import type { CollabPhase, CollabState } from './collab-session';
import type { EditorMessages } from './messages';

/** "Opslaan…" shows only when saving takes a moment, so typing does not make the status flicker (or chatter). */
const SAVING_DELAY_MS = 400;

function useShownPhase(phase: CollabPhase): CollabPhase {
  const [shown, setShown] = useState<CollabPhase>(phase);
  useEffect(() => {
    if (phase !== 'saving') {
      setShown(phase);
      return;
    }
    const timer = setTimeout(() => setShown('saving'), SAVING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [phase]);
  return shown;
}

function text(phase: CollabPhase, readOnly: boolean, t: EditorMessages): string {
  switch (phase) {
    case 'connecting':
      return t.connecting;
    case 'saved':
    case 'saving':
      if (readOnly) return t.live;
      return phase === 'saved' ? t.saved : t.saving;
    case 'offline':
      return readOnly ? t.offlineReader : t.offline;
    case 'loadFailed':
      return t.loadFailed;
    case 'revoked':
      return t.revoked;
    case 'signedOut':
      return t.signedOut;
    case 'tooLarge':
      return t.tooLarge;
    case 'malformed':
      return t.malformed;
  }
}

const PROBLEMS: CollabPhase[] = ['offline', 'loadFailed', 'revoked', 'signedOut', 'tooLarge', 'malformed'];

/** The save state, announced politely. */
export function SaveStatus({ state, t, onRetry }: { state: CollabState; t: EditorMessages; onRetry(): void }) {
  const phase = useShownPhase(state.phase);
  const tone = PROBLEMS.includes(phase) ? 'problem' : phase === 'saved' ? 'ok' : 'busy';
  const canRetry = phase === 'signedOut' || phase === 'malformed';
  return (
    <div className="item-editor__status" data-tone={tone} data-phase={phase}>
      <span className="item-editor__status-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" aria-atomic="true">
        {text(phase, state.readOnly, t)}
      </span>
      {canRetry && (
        <button type="button" className="item-editor__retry" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
