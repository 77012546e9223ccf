import { simpleParser, ParsedMail } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';

export interface CaughtMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port> (with credentials when started with some) */
  url: string;
  port: number;
  mails: CaughtMail[];
  /** Resolves once at least `count` mails were accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  /** Decides per incoming mail: accept (null), or answer with this SMTP error code. */
  setResponder(responder: ((raw: string) => number | 'hang' | null) | null): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server (npm smtp-server) on a free port, plain (no STARTTLS) like
 * a local relay; with `auth` it requires AUTH PLAIN/LOGIN with those credentials.
 */
export async function startMailCatcher(options: { auth?: { user: string; pass: string } } = {}): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  let responder: ((raw: string) => number | 'hang' | null) | null = null;
  const waiters = new Set<() => void>();
  const serverOptions: SMTPServerOptions = {
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        return callback(null, { user: auth.username });
      callback(new Error('Invalid credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const answer = responder?.(raw) ?? null;
        if (answer === 'hang') return; // never answers: the sender waits (until it is killed)
        if (answer !== null)
          return callback(Object.assign(new Error(`Refused with ${answer}`), { responseCode: answer }));
        simpleParser(raw).then((parsed) => {
          mails.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
          callback();
          for (const wake of waiters) wake();
        }, callback);
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
    : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    mails,
    setResponder: (next) => (responder = next),
    waitFor: (count, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (mails.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mails);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} mails, got ${mails.length}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Reads the token of the invitation link mailed to an address (for addMember
 * and communityWithPeople when the server mails): the newest such mail whose
 * token was not handed out before, waiting up to 15 s for it.
 */
export function mailedInvitationToken(catcher: MailCatcher): (email: string) => Promise<string> {
  const handedOut = new Set<string>();
  return async (email) => {
    for (let i = 0; i < 150; i++) {
      for (const mail of [...catcher.mails].reverse()) {
        if (!mail.envelopeTo.includes(email)) continue;
        const link = /\/uitnodiging\?token=([^\s"<]+)/.exec(mail.parsed.text ?? '');
        const token = link && decodeURIComponent(link[1]);
        if (token && !handedOut.has(token)) {
          handedOut.add(token);
          return token;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No invitation mail to ${email}`);
  };
}

/** The address confirmation every registration mails when mail is on (apps/api/src/email-verification). */
export function isAddressConfirmation(mail: CaughtMail): boolean {
  return /^Bevestig je e-mailadres/.test(mail.parsed.subject ?? '');
}

/** Resolves with the first caught mail that matches, waiting up to `timeoutMs` for it. */
export async function waitForMail(
  catcher: MailCatcher,
  matches: (mail: CaughtMail) => boolean,
  timeoutMs = 15_000,
): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = catcher.mails.find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('No such mail was caught');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
