import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/** How long each dependency may take to answer a readiness check. */
export const READY_TIMEOUT_MS = 2_000;

export interface ComponentState {
  status: 'up' | 'down';
  /** Why it is down, in a few words (never a stack trace or a credential). */
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  components: Record<string, ComponentState>;
}

type Check = () => Promise<unknown>;

/**
 * Whether this process can serve: the database answers, PostgreSQL search is
 * there, and the configured Meilisearch answers. A failed check is reported
 * per component, so an operator sees which one.
 */
@Injectable()
export class ReadinessService {
  private readonly checks = new Map<string, Check>();

  constructor(@InjectDataSource() db: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.checks.set('database', () => db.query('SELECT 1'));
    this.checks.set('search', () => db.query('SELECT 1 FROM search_passages LIMIT 1'));
    const meiliUrl = config.search.meiliUrl;
    if (meiliUrl) this.checks.set('meilisearch', () => meilisearchHealth(meiliUrl));
  }

  /** Adds a dependency to check (a feature that needs, say, Redis registers it). */
  register(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  async check(): Promise<Readiness> {
    const entries = await Promise.all([...this.checks].map(async ([name, check]) => [name, await run(check)] as const));
    const components = Object.fromEntries(entries);
    return { ready: entries.every(([, state]) => state.status === 'up'), components };
  }
}

async function run(check: Check): Promise<ComponentState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Timeout()), READY_TIMEOUT_MS)),
  );
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return {
      status: 'down',
      reason: error instanceof Timeout ? `no answer within ${READY_TIMEOUT_MS} ms` : reasonOf(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

class Timeout extends Error {}

/** A short, safe reason: an error code (ECONNREFUSED, ...) or a status, not the message (it may hold a URL with a password). */
function reasonOf(error: unknown): string {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  if (error instanceof HttpStatusError) return error.message;
  return 'unavailable';
}

class HttpStatusError extends Error {}

/** Meilisearch's own /health (no key needed). */
async function meilisearchHealth(url: string): Promise<void> {
  const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
  await res.body?.cancel();
  if (!res.ok) throw new HttpStatusError(`HTTP ${res.status}`);
}
