// The editor's connection state as pure functions of what the session knows,
// so the rules (which close code stops for good, what the user is shown) read
// in one place and are unit-tested (collab-state.spec.ts).
import { COLLAB_CLOSE } from '@spiraal/domain';

/**
 * - connecting: not yet loaded from the server
 * - saved / saving: connected; saving while the server has not confirmed our latest change
 * - offline: loaded before, connection lost, reconnecting (changes stay in the Y.Doc)
 * - loadFailed: the server could not load the document (4500); retrying later
 * - revoked: no access any more (4403, or the ticket is refused); stopped
 * - signedOut: the session ended; stopped until `retry()`
 * - tooLarge: the server refused our changes (4413); stopped
 * - malformed: the server did not understand us (4400); stopped until `retry()`
 */
export type CollabPhase =
  'connecting' | 'saved' | 'saving' | 'offline' | 'loadFailed' | 'revoked' | 'signedOut' | 'tooLarge' | 'malformed';

export interface CollabState {
  phase: CollabPhase;
  /** The server refuses our changes: the editor must not take any. */
  readOnly: boolean;
  /** The body arrived from the server at least once (before that, typing would mix with it). */
  loaded: boolean;
  /** Local changes the server has not confirmed yet (they live only in this tab until then). */
  unsaved: boolean;
  /** The server refused changes we made (we were downgraded to reader): the local document is no longer the server's. */
  refused: boolean;
}

export type Fatal = 'revoked' | 'signedOut' | 'tooLarge' | 'malformed';

/** Close codes of the server: the contract both sides share (libs/domain/src/contracts.ts). */
export const CLOSE_GOING_AWAY = COLLAB_CLOSE.goingAway.code;
export const CLOSE_MALFORMED = COLLAB_CLOSE.malformed.code;
export const CLOSE_ACCESS_REVOKED = COLLAB_CLOSE.accessRevoked.code;
export const CLOSE_TOO_LARGE = COLLAB_CLOSE.documentTooLarge.code;
export const CLOSE_LOAD_FAILED = COLLAB_CLOSE.loadFailed.code;
export const CLOSE_ACCESS_CHANGED = COLLAB_CLOSE.accessChanged.code;

/**
 * What a closed connection means: stop for good, retry later after a load
 * failure, open again at once with a fresh ticket (access changed), or simply retry.
 */
export function closeOutcome(
  code: number | undefined,
): Exclude<Fatal, 'signedOut'> | 'loadFailed' | 'accessChanged' | 'retry' {
  if (code === CLOSE_ACCESS_REVOKED) return 'revoked';
  if (code === CLOSE_ACCESS_CHANGED) return 'accessChanged';
  if (code === CLOSE_TOO_LARGE) return 'tooLarge';
  if (code === CLOSE_MALFORMED) return 'malformed';
  if (code === CLOSE_LOAD_FAILED) return 'loadFailed';
  // 1001 (server stopping), 1006 (network, refused), a local close (watchdog): go again.
  return 'retry';
}

/** The wait before opening again: quickly after a server's restart, else the backoff. */
export function retryDelay(code: number | undefined, attempts: number, backoffMs: number): number {
  return code === CLOSE_GOING_AWAY && attempts === 0 ? 200 : backoffMs;
}

/** What the session knows at a moment. */
export interface SessionFacts {
  fatal: Fatal | null;
  /** The socket is open and the first sync is done. */
  connected: boolean;
  loadFailed: boolean;
  loaded: boolean;
  /** The ticket said read-only. */
  readOnly: boolean;
  refused: boolean;
  /** Local changes made so far, and how many of them the server confirmed. */
  localSeq: number;
  ackedSeq: number;
}

export function collabState(facts: SessionFacts): CollabState {
  let phase: CollabPhase;
  if (facts.fatal) phase = facts.fatal;
  else if (!facts.connected) phase = facts.loadFailed ? 'loadFailed' : facts.loaded ? 'offline' : 'connecting';
  else phase = facts.localSeq > facts.ackedSeq ? 'saving' : 'saved';
  const readOnly = facts.readOnly || facts.fatal === 'revoked' || facts.fatal === 'tooLarge';
  const unsaved = facts.localSeq > facts.ackedSeq && !facts.refused;
  return { phase, readOnly, loaded: facts.loaded, unsaved, refused: facts.refused };
}
