/** One e-mail as its sender hands it over: the outbox stores it, the worker sends it. */
export interface MailMessage {
  /** One recipient address. */
  to: string;
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part. */
  html: string;
  /** Extra headers, e.g. List-Unsubscribe (names as they appear in the mail). */
  headers?: Record<string, string>;
}

/** What the worker checks again when it sends: the recipient may still read these items, else the mail is cancelled. */
export interface MailReadCheck {
  userId: string;
  itemIds: readonly string[];
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,76}$/;

/** Refuses what would make a broken or hijacked mail: several or malformed addresses, header injection. */
export function validateMailMessage(message: MailMessage): void {
  if (!ADDRESS.test(message.to) || message.to.length > 320)
    throw new Error(`Not one e-mail address: ${JSON.stringify(message.to)}`);
  if (/[\r\n]/.test(message.subject)) throw new Error('A mail subject may not hold line breaks');
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!HEADER_NAME.test(name) || /[\r\n]/.test(value)) throw new Error(`Mail header not allowed: ${name}`);
  }
}
