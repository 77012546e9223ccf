import { randomBytes } from 'node:crypto';
import { freePort } from '../../../apps/api/src/database/embedded-postgres';
import { ServerProcess, startServer } from '../../support/server-process';
import { BenchDatabase, createBenchDatabase } from '../collab/bench-database';

export interface LoadServers {
  database: BenchDatabase;
  /** One per API process, in start order. */
  processes: { baseUrl: string; pid: number; output(): string }[];
  /** Stops every process and starts it again on the same database and port: a fresh heap for the soak. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `count` built API processes (`node apps/api/dist/main.js`) on one
 * fresh bench database; with more than one they relay over Redis (REDIS_URL,
 * under a prefix of their own so other runs on the same Redis do not mix in).
 */
export async function startLoadServers(count: number, redisUrl: string | undefined): Promise<LoadServers> {
  if (count > 1 && !redisUrl)
    throw new Error('LOAD_PROCESSES > 1 needs REDIS_URL: the processes relay live edits over Redis');
  const database = await createBenchDatabase();
  const started: ServerProcess[] = [];
  const envs: Record<string, string>[] = [];
  const stop = async () => {
    await Promise.all(
      started.map(async (server) => {
        if (server.child.exitCode !== null || server.child.signalCode !== null) return;
        server.child.kill('SIGTERM');
        const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
        await server.exited;
        clearTimeout(timer);
      }),
    );
  };
  try {
    const env = {
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Hundreds of editors register and connect from this one address.
      RATE_REGISTRATIONS_PER_HOUR: '1000000',
      RATE_MUTATIONS_PER_MINUTE: '1000000',
      RATE_TICKETS_PER_MINUTE: '1000000',
      RATE_INVITATIONS_PER_HOUR: '1000000',
      // The bench reads /metrics on loopback.
      METRICS_PUBLIC: 'true',
      // The bench asks for full garbage collections before memory readings (load/heap.ts); loopback only.
      NODE_OPTIONS: '--inspect=127.0.0.1:0',
      ...(count > 1 ? { REDIS_URL: redisUrl!, REDIS_PREFIX: `spiraal_load_${randomBytes(4).toString('hex')}` } : {}),
    };
    // The first process creates (or starts the embedded) database; the others join it.
    envs.push({ ...env, ...database.serverEnv, PORT: String(await freePort()) });
    started.push(await startServer(envs[0], 180_000));
    for (let i = 1; i < count; i++) {
      envs.push({ ...env, DATABASE_URL: database.url(), PORT: String(await freePort()) });
      started.push(await startServer(envs[i], 180_000));
    }
  } catch (error) {
    await stop();
    await database.remove().catch(() => undefined);
    throw error;
  }
  const processes = () =>
    started.map((server) => ({ baseUrl: server.baseUrl, pid: server.child.pid!, output: server.output }));
  const servers: LoadServers = {
    database,
    processes: processes(),
    restart: async () => {
      await stop();
      for (let i = 0; i < envs.length; i++) started[i] = await startServer(envs[i], 180_000);
      servers.processes = processes();
    },
    stop,
  };
  return servers;
}
