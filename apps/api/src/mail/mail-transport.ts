import { createTransport, Transporter } from 'nodemailer';

/**
 * The SMTP connection of this process, from SMTP_URL: smtps:// is TLS from
 * the start, smtp:// upgrades with STARTTLS when the server offers it and
 * otherwise talks plain (a local relay); credentials from the URL when given.
 * Timeouts keep a hanging server from holding an outbox row for long.
 */
export function smtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    pool: true,
    maxConnections: 2,
  });
}
