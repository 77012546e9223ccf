import { runMigrations } from '../../apps/api/src/database/data-source';
import { MIGRATIONS } from '../../apps/api/src/database/migrations';
import { createTestDatabase, sql, TestDatabase } from '../support/test-database';

// docker compose starts api-1 and api-2 at once on an empty database: both run the migrations.
describe('migrations started by several processes at once', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('applies every migration exactly once and none of the starts fails', async () => {
    const runs = await Promise.allSettled([runMigrations(db.url), runMigrations(db.url), runMigrations(db.url)]);
    const failures = runs.flatMap((run) => (run.status === 'rejected' ? [String(run.reason)] : []));
    expect(failures).toEqual([]);

    const applied = runs.flatMap((run) => (run.status === 'fulfilled' ? run.value : []));
    expect(applied.sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    const rows = await sql<{ name: string }>(db.url, 'SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('finds nothing to do on an up-to-date database', async () => {
    expect(await runMigrations(db.url)).toEqual([]);
  });
});
