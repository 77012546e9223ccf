import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ARCHIVE_MAX_BYTES, IMPORT_LIMITS } from '@spiraal/interchange';
import { GraphQLError } from 'graphql';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AppModule } from '../app.module';
import type { AuthUser } from '../common/request-context';
import { ArchiveImportService, type ArchiveImportSummary } from '../export/archive-import.service';
import { ConfigError, loadConfig } from '../config/config';
import { runMigrations } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { CliUsageError, IMPORT_USAGE, parseImportArgs, type ImportCliArgs } from '../import/import-cli-args';
import { collectFiles, type FoundFile } from '../import/import-files';
import { formatSummary, ImportProgress, type FileReport } from '../import/import-report';
import { findAuthor, findCommunity, ImportTargetError } from '../import/import-target';
import { ImportService } from '../import/import.service';

/**
 * `npm run import -- --community <id or name> [options] <files or folders>`:
 * brings old verslagen, notes and reports into a community, through the same
 * ImportService as the API. Prints progress on stderr and a summary on
 * stdout; exits with 1 when a file failed, 2 on wrong arguments.
 */
async function main(): Promise<void> {
  let args: ImportCliArgs;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`${error.message}\n\n${IMPORT_USAGE}`);
    process.exit(2);
  }
  if (args.help) return void console.log(IMPORT_USAGE);
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    await runMigrations(url);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), {
      logger: ['error', 'warn'],
    });
    try {
      const db = app.get(DataSource);
      const community = await findCommunity(db, args.community);
      const author = await findAuthor(db, community.id, args.as);
      await app.get(AccessService).toCommunity(author, community.id, 'item.create');
      console.error(`Leernetwerk / Community: ${community.name} (${community.id})`);
      console.error(`Auteur / Author: ${author.displayName} <${author.email}>`);
      const services = { files: app.get(ImportService), archives: app.get(ArchiveImportService) };
      const reports = await importAll(services, author, community.id, args);
      console.log(formatSummary(reports));
      if (reports.some((r) => r.status === 'FAILED')) process.exitCode = 1;
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

interface Services {
  files: ImportService;
  archives: ArchiveImportService;
}

async function importAll(
  services: Services,
  author: AuthUser,
  communityId: string,
  args: ImportCliArgs,
): Promise<FileReport[]> {
  const { files, missing } = await collectFiles(args.paths);
  const reports: FileReport[] = missing.map((m) => ({ name: m.name, status: 'FAILED', items: 0, reason: m.reason }));
  console.error(`${files.length} bestanden gevonden / files found`);
  const progress = new ImportProgress(files.length, process.stderr);
  for (const file of files) {
    const report = await importOne(services, author, communityId, args, file);
    progress.step(report);
    reports.push(report);
  }
  return reports;
}

async function importOne(
  services: Services,
  author: AuthUser,
  communityId: string,
  args: ImportCliArgs,
  file: FoundFile,
): Promise<FileReport> {
  const failed = (reason: string): FileReport => ({ name: file.name, status: 'FAILED', items: 0, reason });
  const isArchive = /\.zip$/i.test(file.name);
  try {
    // Not read at all when too large (the services would refuse it too, after reading).
    const limit = isArchive ? ARCHIVE_MAX_BYTES : IMPORT_LIMITS.fileMaxBytes;
    if (file.size > limit) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
      return failed(
        `Het bestand is ${mb(file.size)} MB; de grens is ${mb(limit)} MB / The file is ${mb(file.size)} MB; the limit is ${mb(limit)} MB`,
      );
    }
    const bytes = await readFile(file.path);
    if (isArchive) return archiveReport(file.name, await services.archives.restore(author, communityId, bytes));
    const outcome = await services.files.importFile(author, communityId, { filename: file.name, bytes }, args);
    if (outcome.status === 'FAILED') return failed(outcome.reason);
    return { name: file.name, status: outcome.status, items: outcome.items.length, reason: outcome.reason };
  } catch (error) {
    // One file's trouble (unreadable, a refused archive, a database error) does not stop the others; its own transaction rolled back.
    if (error instanceof GraphQLError) return failed(error.message);
    return failed(
      `Kon niet worden gelezen of opgeslagen / Could not be read or stored: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A zip is a community export (manifest.json at its root), restored by the
 * archive import as the web app and POST /export/communities/:id/import do:
 * facilitators only (`archive.import`), all or nothing, and the same archive
 * again into the same community writes nothing. --kind, --stage, --tag and
 * --split-headings do not apply: the archive says what each item is.
 */
function archiveReport(name: string, summary: ArchiveImportSummary): FileReport {
  if (summary.alreadyImported) {
    return {
      name,
      status: 'SKIPPED',
      items: summary.items,
      reason: 'Dit exportarchief is hier al teruggezet / This export archive was restored here before',
    };
  }
  const links = summary.sources + summary.mentions + summary.appliesTo;
  return {
    name,
    status: 'IMPORTED',
    items: summary.items,
    reason:
      `Exportarchief teruggezet: ${summary.items} items, ${links} verbanden, ${summary.comments} reacties, ${summary.guidelineVersions} richtlijnversies` +
      ` / Export archive restored: ${summary.items} items, ${links} links, ${summary.comments} comments, ${summary.guidelineVersions} guideline versions`,
  };
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ImportTargetError) console.error(error.message);
  else if (error instanceof GraphQLError)
    console.error(`Deze auteur mag hier geen items maken / This author may not create items here: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
