import { createHash, randomBytes } from 'node:crypto';

/**
 * Which database a Spiraal runs on, without saying anything about it: a
 * hash of a random value stored in that database. `/health` shows it, so
 * `npm run seed:demo` can tell whether the Spiraal on PORT uses the
 * database it is about to fill (README, Start).
 */
export async function instanceId(db: { query(sql: string, params?: unknown[]): Promise<unknown> }): Promise<string> {
  await db.query(`INSERT INTO server_secrets (name, value) VALUES ('instance', $1) ON CONFLICT (name) DO NOTHING`, [
    randomBytes(32),
  ]);
  const rows = (await db.query(`SELECT value FROM server_secrets WHERE name = 'instance'`)) as
    { value: Buffer }[] | { rows: { value: Buffer }[] };
  const [row] = Array.isArray(rows) ? rows : rows.rows;
  return createHash('sha256').update('spiraal-instance:').update(row.value).digest('hex').slice(0, 16);
}
