import { markdownToYDocUpdate } from '@spiraal/collab';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { waitFor } from '../../support/collab-client';
import { freePort } from '../../../apps/api/src/database/embedded-postgres';
import type { CollabTarget, PreparedRoom } from './target';

const SCRIPT = join(__dirname, 'reference-server.ts');

/** Starts the stock y-websocket server (reference-server.ts) as a child process. */
export async function startReference(
  extraEnv: Record<string, string> = {},
): Promise<CollabTarget & { output(): string }> {
  const port = await freePort();
  // node itself (not the tsx CLI, which would add a parent process) with tsx's require hook.
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), SCRIPT], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const httpUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () =>
        child.exitCode === null &&
        (await fetch(httpUrl).then(
          (res) => res.status === 200,
          () => false,
        )),
      30_000,
      'the reference server to listen',
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${log}`, { cause: error });
  }

  return {
    label: 'reference',
    pid: child.pid!,
    output: () => log,
    databaseUrl: null,
    async prepareRooms(count: number, markdown: string): Promise<PreparedRoom[]> {
      // The same conversion our server applies to a created item's body.
      const seed = markdownToYDocUpdate(markdown);
      return Array.from({ length: count }, () => ({ room: `bench-${randomBytes(6).toString('hex')}`, seed }));
    },
    async endpoint(room: string) {
      return { serverUrl: `ws://127.0.0.1:${port}`, room, params: {} };
    },
    async settle() {
      // Nothing runs in the background: no persistence.
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
