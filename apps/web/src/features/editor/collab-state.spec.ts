import { describe, expect, it } from 'vitest';
import {
  CLOSE_ACCESS_CHANGED,
  CLOSE_ACCESS_REVOKED,
  CLOSE_GOING_AWAY,
  CLOSE_LOAD_FAILED,
  CLOSE_MALFORMED,
  CLOSE_TOO_LARGE,
  closeOutcome,
  collabState,
  retryDelay,
  SessionFacts,
} from './collab-state';

const facts = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  fatal: null,
  connected: true,
  loadFailed: false,
  loaded: true,
  readOnly: false,
  refused: false,
  localSeq: 0,
  ackedSeq: 0,
  ...over,
});

describe('collab session state', () => {
  it('stops for good on the close codes that say so, and retries on the rest', () => {
    expect(closeOutcome(CLOSE_ACCESS_REVOKED)).toBe('revoked');
    expect(closeOutcome(CLOSE_TOO_LARGE)).toBe('tooLarge');
    expect(closeOutcome(CLOSE_MALFORMED)).toBe('malformed');
    expect(closeOutcome(CLOSE_LOAD_FAILED)).toBe('loadFailed');
    expect(closeOutcome(CLOSE_ACCESS_CHANGED)).toBe('accessChanged');
    expect(closeOutcome(CLOSE_GOING_AWAY)).toBe('retry');
    expect(closeOutcome(1006)).toBe('retry');
    expect(closeOutcome(undefined)).toBe('retry');
  });

  it('comes back quickly only after the first close of a restarting server', () => {
    expect(retryDelay(CLOSE_GOING_AWAY, 0, 5000)).toBe(200);
    expect(retryDelay(CLOSE_GOING_AWAY, 2, 5000)).toBe(5000);
    expect(retryDelay(1006, 0, 5000)).toBe(5000);
  });

  it('is saved when the server confirmed every change, saving while it has not', () => {
    expect(collabState(facts()).phase).toBe('saved');
    const saving = collabState(facts({ localSeq: 3, ackedSeq: 2 }));
    expect(saving).toEqual({ phase: 'saving', readOnly: false, loaded: true, unsaved: true, refused: false });
  });

  it('is connecting before the first load, offline after it, loadFailed when the server could not load', () => {
    expect(collabState(facts({ connected: false, loaded: false })).phase).toBe('connecting');
    expect(collabState(facts({ connected: false })).phase).toBe('offline');
    expect(collabState(facts({ connected: false, loadFailed: true })).phase).toBe('loadFailed');
  });

  it('shows a fatal stop over everything, read-only when access or size forbids changes', () => {
    expect(collabState(facts({ fatal: 'revoked', localSeq: 1 }))).toMatchObject({ phase: 'revoked', readOnly: true });
    expect(collabState(facts({ fatal: 'tooLarge' }))).toMatchObject({ phase: 'tooLarge', readOnly: true });
    expect(collabState(facts({ fatal: 'signedOut' }))).toMatchObject({ phase: 'signedOut', readOnly: false });
    expect(collabState(facts({ readOnly: true })).readOnly).toBe(true);
  });

  it('does not call refused changes unsaved: they will never be saved', () => {
    expect(collabState(facts({ localSeq: 2, ackedSeq: 1, refused: true }))).toMatchObject({
      unsaved: false,
      refused: true,
    });
  });
});
