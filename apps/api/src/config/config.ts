import { resolve } from 'node:path';
import { parseTrustProxy, TrustProxy } from '../http-security/trust-proxy';

/** Spiraal's configuration, read once from the environment and validated at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL server of your own; when absent an embedded PostgreSQL runs. */
  databaseUrl: string | null;
  dataDir: string;
  /** Development shows stack traces in GraphQL errors; nothing else does. */
  environment: 'development' | 'production' | 'test';
  sessionTtlDays: number;
  /** Folder with the built web app, served at `/`. */
  webDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Without a token, `/metrics` is open only when this is chosen explicitly (METRICS_PUBLIC=true); else it answers 404. */
  metricsPublic: boolean;
  /** The reverse proxies in front (TLS, load balancing) whose X-Forwarded-* headers are believed; false: none. */
  trustProxy: TrustProxy;
  collab: {
    /** Largest websocket frame a client may send. */
    maxMessageBytes: number;
    /** Largest document (encoded Yjs state) accepted; updates beyond it are refused. */
    maxDocumentBytes: number;
    /** How long a document stays loaded after its last editor left. */
    idleUnloadMs: number;
    /** How long a collab ticket stays valid for connecting. */
    ticketTtlSeconds: number;
    /** At most one revision per this much editing (and one when a document unloads). */
    revisionIntervalMs: number;
    /** A loaded document is compacted in the background once this many update rows piled up. */
    compactAfterRows: number;
    /** The batching window of the update log: an accepted update is durable within about this long. */
    flushIntervalMs: number;
    /**
     * With several processes: how long an update relayed from another process
     * may go unconfirmed (not yet durable there) before this process stores it
     * itself, because that process is presumed dead.
     */
    relayAdoptMs: number;
  };
  /** Files and images in items (docs/decisions/file-storage.md); 20 MB per file is fixed in @spiraal/domain. */
  files: {
    /** All files of one community together may take at most this many bytes. */
    communityQuotaBytes: number;
    /** A file no item refers to any more is removed this long after that was first seen. */
    orphanGraceMs: number;
    /** How often the sweep for such files runs; 0: never (tests run it directly). */
    sweepIntervalMs: number;
    /** An S3-compatible store; null: the bytes stay in PostgreSQL. */
    s3: S3Config | null;
  };
  /** Redis, for the live traffic between several API processes; null: one process, nothing relayed. */
  redis: {
    url: string | null;
    /** Prefix of every channel, so several installations can share one Redis. */
    prefix: string;
  };
  /** Rate limits per process (failed logins are fixed: see auth/login-throttle.ts). */
  rateLimits: {
    registrationsPerHour: number;
    mutationsPerMinute: number;
    ticketsPerMinute: number;
    /** Invitations one facilitator may send per hour. */
    invitationsPerHour: number;
  };
  /** Outgoing e-mail (docs/decisions/mail-outbox.md). */
  mail: {
    /** smtp:// or smtps:// with optional credentials; null: nothing is mailed (the inbox still works). */
    smtpUrl: string | null;
    /** The From header of every mail. */
    from: string;
    /** Where people reach this installation, for links in mails (http:// allowed for a local installation). */
    publicUrl: string;
    /** How often the outbox worker looks for mail to send. */
    pollMs: number;
    /** The first wait before sending a failed mail again; it doubles with every attempt. */
    retryBaseMs: number;
  };
  search: {
    /** A Meilisearch server; when absent, PostgreSQL full-text search is the engine. */
    meiliUrl: string | null;
    meiliApiKey: string | null;
    /** The Meilisearch index Spiraal owns. */
    meiliIndex: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Where an S3-compatible store is and how to sign in to it. */
export interface S3Config {
  /** The endpoint, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000. */
  url: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style addressing (MinIO and most self-hosted stores); S3_FORCE_PATH_STYLE=false for virtual hosts. */
  forcePathStyle: boolean;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  };

  const httpUrl = (name: string): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
    } catch {
      // reported below
    }
    problems.push(`${name} must be an http:// or https:// URL`);
    return null;
  };

  const redisUrl = (name: string): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'redis:' || url.protocol === 'rediss:') return raw;
    } catch {
      // reported below
    }
    problems.push(`${name} must be a redis:// or rediss:// URL`);
    return null;
  };

  const secret = (name: string): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    if (!/^[\x21-\x7e]{16,200}$/.test(raw)) {
      problems.push(`${name} must be 16 to 200 visible characters without spaces`); // the value itself is not repeated
      return null;
    }
    return raw;
  };

  const identifier = (name: string, fallback: string): string => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(raw)) {
      problems.push(`${name} may hold only letters, digits, - and _ (at most 100), got "${raw}"`);
      return fallback;
    }
    return raw;
  };

  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    try {
      const url = new URL(databaseUrl);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error();
    } catch {
      problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
      databaseUrl = null;
    }
  }

  const smtpUrl = (name: string): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      const url = new URL(raw);
      if ((url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname) return raw;
    } catch {
      // reported below
    }
    // The value may hold a password: it is not repeated.
    problems.push(`${name} must be an smtp:// or smtps:// URL, e.g. smtp://user:password@host:587`);
    return null;
  };

  const mailFrom = (name: string, fallback: string): string => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    // "Name <address>" or a bare address, one line (no header injection).
    if (raw.length <= 300 && !/[\r\n]/.test(raw) && /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(raw))
      return raw;
    problems.push(`${name} must be an e-mail address or "Name <address>", got "${raw}"`);
    return fallback;
  };

  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (trustProxy.problem) problems.push(trustProxy.problem);

  const environment = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'production');
  const port = integer('PORT', 3000, 0, 65535);
  const config: AppConfig = {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.SPIRAAL_DATA_DIR?.trim() || './data'),
    environment,
    sessionTtlDays: integer('SESSION_TTL_DAYS', 30, 1, 365),
    webDir: resolve(env.SPIRAAL_WEB_DIR?.trim() || resolve(__dirname, '../../../web/dist')),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    metricsToken: secret('METRICS_TOKEN'),
    metricsPublic: oneOf('METRICS_PUBLIC', ['true', 'false'] as const, 'false') === 'true',
    trustProxy: trustProxy.value,
    collab: {
      maxMessageBytes: integer('COLLAB_MAX_MESSAGE_BYTES', 4 * 1024 * 1024, 1024, 64 * 1024 * 1024),
      maxDocumentBytes: integer('COLLAB_MAX_DOCUMENT_BYTES', 10 * 1024 * 1024, 1024, 256 * 1024 * 1024),
      idleUnloadMs: integer('COLLAB_IDLE_UNLOAD_MS', 30_000, 0, 3_600_000),
      ticketTtlSeconds: integer('COLLAB_TICKET_TTL_SECONDS', 120, 5, 3600),
      revisionIntervalMs: integer('COLLAB_REVISION_INTERVAL_MS', 10 * 60_000, 100, 24 * 3_600_000),
      compactAfterRows: integer('COLLAB_COMPACT_AFTER_ROWS', 500, 2, 1_000_000),
      flushIntervalMs: integer('COLLAB_FLUSH_INTERVAL_MS', 100, 1, 600_000),
      relayAdoptMs: integer('COLLAB_RELAY_ADOPT_MS', 10_000, 100, 3_600_000),
    },
    files: {
      communityQuotaBytes: integer('FILES_COMMUNITY_QUOTA_MB', 1024, 1, 10_000_000) * 1024 * 1024,
      orphanGraceMs: integer('FILES_ORPHAN_GRACE_HOURS', 24, 0, 24 * 365) * 3_600_000,
      sweepIntervalMs: integer('FILES_SWEEP_INTERVAL_MINUTES', 60, 0, 7 * 24 * 60) * 60_000,
      s3: s3Config(env, httpUrl('S3_URL'), problems),
    },
    redis: {
      url: redisUrl('REDIS_URL'),
      prefix: identifier('REDIS_PREFIX', 'spiraal'),
    },
    rateLimits: {
      registrationsPerHour: integer('RATE_REGISTRATIONS_PER_HOUR', 30, 1, 1_000_000),
      mutationsPerMinute: integer('RATE_MUTATIONS_PER_MINUTE', 300, 1, 1_000_000),
      ticketsPerMinute: integer('RATE_TICKETS_PER_MINUTE', 120, 1, 1_000_000),
      invitationsPerHour: integer('RATE_INVITATIONS_PER_HOUR', 50, 1, 1_000_000),
    },
    mail: {
      smtpUrl: smtpUrl('SMTP_URL'),
      from: mailFrom('MAIL_FROM', 'Spiraal <spiraal@localhost>'),
      publicUrl: (httpUrl('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      pollMs: integer('MAIL_POLL_MS', 2_000, 10, 600_000),
      retryBaseMs: integer('MAIL_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    },
    search: {
      meiliUrl: httpUrl('MEILI_URL'),
      meiliApiKey: env.MEILI_API_KEY?.trim() || null,
      meiliIndex: identifier('MEILI_INDEX', 'spiraal_items'),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** The S3 settings when S3_URL is set: bucket and credentials are then required. */
function s3Config(env: Env, url: string | null, problems: string[]): S3Config | null {
  if (!url) return null;
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required when S3_URL is set`);
    return value ?? '';
  };
  return {
    url,
    bucket: required('S3_BUCKET'),
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId: required('S3_ACCESS_KEY_ID'),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
    forcePathStyle: env.S3_FORCE_PATH_STYLE?.trim().toLowerCase() !== 'false',
  };
}
