import { Client } from 'pg';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { UpdateLog } from '../../apps/api/src/collab/update-log';
import { loadConfig } from '../../apps/api/src/config/config';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { waitFor } from '../support/collab-client';
import { sql } from '../support/test-database';
import { communityWithPeople, createItem } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * An update accepted while an earlier batch of the same document is still
 * being written must be written after it, without waiting for more edits:
 * found by the soak of `npm run bench:load`, where the last keystrokes of
 * busy documents stayed in memory only (lost on a crash) once typing stopped.
 */
describe('UpdateLog: a batch that arrives while the previous one is written', () => {
  let t: TestApp;
  let db: DataSource;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const people = await communityWithPeople(t.baseUrl);
    itemId = (
      await createItem(t.baseUrl, people.facilitator.token, {
        communityId: people.communityId,
        kind: 'NOTE',
        title: 'Notitie',
      })
    ).id;
    db = new DataSource(dataSourceOptions(t.db.url));
    await db.initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await t?.close();
  });

  it('is written once the earlier write is done, with no further edit to trigger it', async () => {
    const log = new UpdateLog(db, loadConfig({}));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = doc.getText('probe');
    const count = async () =>
      (await sql<{ n: number }>(t.db.url, 'SELECT count(*)::int AS n FROM yjs_updates WHERE item_id = $1', [itemId]))[0]
        .n;
    const before = await count();

    // Hold the first write: its INSERT waits for this lock.
    const blocker = new Client({ connectionString: t.db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE yjs_updates IN EXCLUSIVE MODE');
    try {
      text.insert(0, 'a');
      log.append(itemId, updates[0], null);
      await waitFor(
        async () =>
          (
            await sql(
              t.db.url,
              `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO yjs_updates%'`,
            )
          ).length > 0,
        10_000,
        'the first write to wait for the lock',
      );
      // The second batch arrives while the first is in flight; its timer fires meanwhile.
      text.insert(1, 'b');
      log.append(itemId, updates[1], null);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }

    await waitFor(async () => (await count()) === before + 2, 10_000, 'both batches to be written');
    const stored = new Y.Doc();
    for (const row of await sql<{ update: Buffer }>(
      t.db.url,
      'SELECT update FROM yjs_updates WHERE item_id = $1 ORDER BY id',
      [itemId],
    ))
      Y.applyUpdate(stored, new Uint8Array(row.update));
    expect(stored.getText('probe').toString()).toBe('ab');
  });
});
