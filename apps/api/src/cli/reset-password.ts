import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { normalizeEmail } from '@spiraal/domain';
import { createResetToken, resetLink } from '../auth/password-reset-token';
import { ConfigError, loadConfig } from '../config/config';
import { EmbeddedPostgresError } from '../database/embedded-postgres';
import { CliRefusal, runningDatabase } from './running-database';

const USAGE = 'Gebruik / usage: npm run user:reset-password -- --email <e-mailadres>';

/**
 * `npm run user:reset-password -- --email <address>`: prints a single-use
 * link (30 minutes) for an administrator to pass on, for when Spiraal sends
 * no mail. Same settings as `npm start` (./running-database.ts).
 */
async function main(): Promise<void> {
  let email: string;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { email: { type: 'string' } }, strict: true });
    if (!values.email?.trim())
      throw new CliRefusal(`Geef het e-mailadres van het account. / Give the account's e-mail address.\n${USAGE}`);
    email = normalizeEmail(values.email);
  } catch (error) {
    if (error instanceof CliRefusal) throw error;
    throw new CliRefusal(`${(error as Error).message}\n${USAGE}`);
  }
  const config = loadConfig();
  const database = await runningDatabase(config);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    if (!rows.length)
      throw new CliRefusal(
        `Er is geen account met e-mailadres ${email}. / There is no account with e-mail address ${email}.`,
      );
    const token = await createResetToken((sql, params) => client.query(sql, params), rows[0].id);
    console.log(
      `Link om het wachtwoord van ${email} te herstellen (30 minuten geldig, één keer te gebruiken) / reset link (valid 30 minutes, once):`,
    );
    console.log(resetLink(config.mail.publicUrl, token));
  } finally {
    await client.end();
    await database.release();
  }
}

main().catch((error: unknown) => {
  const clear = error instanceof ConfigError || error instanceof CliRefusal || error instanceof EmbeddedPostgresError;
  console.error(clear ? (error as Error).message : error);
  process.exit(1);
});
