import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __spiraalPostgres?: { stop(): Promise<void> } }).__spiraalPostgres;
  if (!server) return;
  await server.stop();
  const dir = process.env.SPIRAAL_TEST_EMBEDDED_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
