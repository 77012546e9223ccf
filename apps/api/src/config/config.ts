import { resolve } from 'node:path';

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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
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

  const environment = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'production');
  const config: AppConfig = {
    port: integer('PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.SPIRAAL_DATA_DIR?.trim() || './data'),
    environment,
    sessionTtlDays: integer('SESSION_TTL_DAYS', 30, 1, 365),
    webDir: resolve(env.SPIRAAL_WEB_DIR?.trim() || resolve(__dirname, '../../../web/dist')),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
