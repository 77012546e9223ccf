/**
 * Contracts the API and the web app share beyond the GraphQL schema
 * (apps/api/schema.graphql): limits the web app checks early to spare a
 * pointless upload, and the close codes of the collaboration websocket. Kept
 * once here so both sides change together. Labels of kinds, stages and roles
 * are in knowledge.ts and community.ts.
 */

/** Largest export archive (the zip itself) accepted for a restore: HTTP, CLI and the web app. */
export const ARCHIVE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Raw bytes of one imported file. Word's HTML is several times its text;
 * 2.5 MiB, base64-encoded in a GraphQL request (3.3 MiB), still fits the 4 MB body limit.
 */
export const IMPORT_FILE_MAX_BYTES = 2.5 * 1024 * 1024;

/**
 * Close codes of the collaboration websocket (y-websocket protocol), with the
 * reason the server sends (Dutch / English). Codes 4xxx are ours: the client
 * stops on them instead of reconnecting, except `accessChanged`, after which
 * it opens again at once with a fresh ticket that carries the new access.
 */
export const COLLAB_CLOSE = {
  goingAway: { code: 1001, reason: 'Server stopt / Server shutting down' },
  malformed: { code: 4400, reason: 'Ongeldig bericht / Malformed message' },
  accessRevoked: { code: 4403, reason: 'Geen toegang meer / Access revoked' },
  accessChanged: { code: 4409, reason: 'Toegang gewijzigd / Access changed' },
  documentTooLarge: { code: 4413, reason: 'Document te groot / Document too large' },
  loadFailed: { code: 4500, reason: 'Document kon niet geladen worden / Document could not be loaded' },
} as const;

export type CollabCloseReason = keyof typeof COLLAB_CLOSE;
