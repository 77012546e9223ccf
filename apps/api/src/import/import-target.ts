import { isUuid, normalizeEmail } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/request-context';

export class ImportTargetError extends Error {}

export interface ImportCommunity {
  id: string;
  name: string;
}

/** A community by id, or by its exact name (case aside); an ambiguous name lists the candidates. */
export async function findCommunity(db: DataSource, ref: string): Promise<ImportCommunity> {
  const rows: ImportCommunity[] = isUuid(ref.trim())
    ? await db.query(`SELECT id, name FROM communities WHERE id = $1`, [ref.trim()])
    : await db.query(`SELECT id, name FROM communities WHERE lower(name) = lower($1) ORDER BY created_at`, [
        ref.trim(),
      ]);
  if (rows.length === 0)
    throw new ImportTargetError(`Geen leernetwerk "${ref}" gevonden / No community "${ref}" found`);
  if (rows.length > 1) {
    const list = rows.map((r) => `  ${r.id}  ${r.name}`).join('\n');
    throw new ImportTargetError(
      `Meer leernetwerken heten "${ref}"; geef het id / Several communities are called "${ref}"; give the id:\n${list}`,
    );
  }
  return rows[0];
}

/**
 * Who the imported items are by: the member given with `--as`, else the
 * community's longest-standing facilitator. Whether they may create items
 * is for the access check, as for anyone.
 */
export async function findAuthor(db: DataSource, communityId: string, email: string | null): Promise<AuthUser> {
  const rows: AuthUser[] = email
    ? await db.query(`SELECT id, email, display_name AS "displayName" FROM users WHERE email = $1`, [
        normalizeEmail(email),
      ])
    : await db.query(
        `SELECT u.id, u.email, u.display_name AS "displayName" FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.community_id = $1 AND m.role = 'FACILITATOR' ORDER BY m.created_at, u.email LIMIT 1`,
        [communityId],
      );
  if (rows.length === 0) {
    throw new ImportTargetError(
      email
        ? `Geen account met e-mailadres ${email} / No account with e-mail address ${email}`
        : 'Dit leernetwerk heeft geen facilitator; geef --as <e-mail> / This community has no facilitator; give --as <e-mail>',
    );
  }
  return rows[0];
}
