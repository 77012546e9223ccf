import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { RunningPostgres, startEmbeddedPostgres } from '../database/embedded-postgres';
import { instanceId } from '../health/instance-id';

/** Why a command (`npm run seed:demo`, `npm run user:reset-password`) will not write: Dutch first, then English; no stack trace. */
export class CliRefusal extends Error {}

export interface RunningDatabase {
  url: string;
  /** Where the logins work, for the closing message. */
  address: string;
  release(): Promise<void>;
}

/**
 * The database of the Spiraal that runs with these settings, resolved as
 * `npm start` does (PORT, SPIRAAL_DATA_DIR, DATABASE_URL). A command must
 * never write to a database nobody serves: without DATABASE_URL it only joins
 * the embedded PostgreSQL a running Spiraal started, and when a Spiraal
 * answers on PORT it must use this same database.
 */
export async function runningDatabase(config: AppConfig): Promise<RunningDatabase> {
  let embedded: RunningPostgres | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, joinOnly: true });
    url = embedded.url;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (error) {
      throw new CliRefusal(
        `Kan de database ${redact(url)} niet bereiken: ${describe(error)}. Geef dezelfde DATABASE_URL als bij npm start. / ` +
          `Cannot reach the database ${redact(url)}: ${describe(error)}. Give the same DATABASE_URL as npm start.`,
      );
    }
    const theirs = await runningInstance(config.port);
    // A database not migrated yet has no instance: then it is not the one that Spiraal serves.
    const ours = theirs
      ? await instanceId({
          query: (text: string, params?: unknown[]) => client.query(text, params).then((r) => r.rows),
        }).catch(() => null)
      : null;
    if (theirs && theirs !== ours) {
      throw new CliRefusal(
        `De Spiraal op ${address(config)} gebruikt een andere database dan ${redact(url)}; de logins zouden daar niet werken. ` +
          'Geef dit commando dezelfde PORT, SPIRAAL_DATA_DIR en DATABASE_URL als npm start. / ' +
          `The Spiraal on ${address(config)} uses another database than ${redact(url)}; the logins would not work there. ` +
          'Give this command the same PORT, SPIRAAL_DATA_DIR and DATABASE_URL as npm start.',
      );
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { url, address: address(config), release: async () => embedded?.stop() };
}

function address(config: AppConfig): string {
  return `http://localhost:${config.port}`;
}

/** The instance the Spiraal on this port reports, or null when none answers (or it is not a Spiraal). */
async function runningInstance(port: number): Promise<string | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { instance?: unknown };
    return typeof body.instance === 'string' ? body.instance : null;
  } catch {
    return null;
  }
}

/** A database URL without its password, fit to print. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message ?? String(error);
}
