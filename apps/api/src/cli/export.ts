import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/config';
import { runMigrations } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { ExportService } from '../export/export.service';
import { findCommunity, ImportTargetError } from '../import/import-target';

const USAGE =
  'Gebruik / usage: npm run export -- --community <id of naam / id or name> [--out <bestand.zip>] [--pseudonymise]';

/** A mistake in how the command was called: the message and the usage, no stack trace. */
class UsageError extends Error {}

function parse(argv: string[]): { community: string; out: string | null; pseudonymise: boolean } {
  let values: { community?: string; out?: string; help?: boolean; pseudonymise?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        community: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
        pseudonymise: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) throw new UsageError(USAGE);
  const community = values.community?.trim();
  if (!community)
    throw new UsageError(`Geef een leernetwerk op met --community / Name a community with --community\n${USAGE}`);
  if (values.out !== undefined && !values.out.trim())
    throw new UsageError(`--out heeft een bestandsnaam nodig / --out needs a file name\n${USAGE}`);
  return { community, out: values.out?.trim() ?? null, pseudonymise: values.pseudonymise === true };
}

/**
 * `npm run export -- --community <id or name> [--out file.zip]`: the whole
 * community as a zip of Markdown files with a manifest (links, stage
 * history, guideline versions, comments), the same archive facilitators
 * download in the web app. An existing file is never overwritten.
 */
async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    await runMigrations(url);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), {
      logger: ['error', 'warn'],
    });
    try {
      // Found as `npm run import` finds it (id, or an exact name), so both commands accept the same --community.
      const community = await findCommunity(app.get(DataSource), args.community).catch((error: unknown) => {
        throw error instanceof ImportTargetError ? new UsageError(error.message) : error;
      });
      // --pseudonymise: personal data replaced ("Persoon A", "[BSN]", …), see docs/privacy.md.
      const result = await app.get(ExportService).communityAsSystem(community.id, { pseudonymise: args.pseudonymise });
      const out = resolve(args.out ?? result.filename);
      try {
        await writeFile(out, result.zip, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new UsageError(
            `${out} bestaat al; kies een andere naam met --out / ${out} exists already; choose another name with --out`,
          );
        throw new UsageError(
          `Kan ${out} niet schrijven / Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      const size = `${(result.zip.length / 1024).toFixed(1)} kB`;
      console.log(
        `Leernetwerk "${community.name}" geëxporteerd / exported: ${result.items} items, ${result.links} links, ${result.comments} reacties / comments -> ${out} (${size})`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof UsageError ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
