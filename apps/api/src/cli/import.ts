import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ArchiveError, IMPORT_LIMITS, readZip } from '@spiraal/interchange';
import { GraphQLError } from 'graphql';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AppModule } from '../app.module';
import type { AuthUser } from '../auth/session.service';
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
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: ['error', 'warn'] });
    try {
      const db = app.get(DataSource);
      const community = await findCommunity(db, args.community);
      const author = await findAuthor(db, community.id, args.as);
      await app.get(AccessService).toCommunity(author, community.id, 'item.create');
      console.error(`Leernetwerk / Community: ${community.name} (${community.id})`);
      console.error(`Auteur / Author: ${author.displayName} <${author.email}>`);
      const reports = await importAll(app.get(ImportService), author, community.id, args);
      console.log(formatSummary(reports));
      if (reports.some((r) => r.status === 'FAILED')) process.exitCode = 1;
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

async function importAll(service: ImportService, author: AuthUser, communityId: string, args: ImportCliArgs): Promise<FileReport[]> {
  const { files, missing } = await collectFiles(args.paths);
  const reports: FileReport[] = missing.map((m) => ({ name: m.name, status: 'FAILED', items: 0, reason: m.reason }));
  console.error(`${files.length} bestanden gevonden / files found`);
  const progress = new ImportProgress(files.length, process.stderr);
  for (const file of files) {
    const report = await importOne(service, author, communityId, args, file);
    progress.step(report);
    reports.push(report);
  }
  return reports;
}

async function importOne(service: ImportService, author: AuthUser, communityId: string, args: ImportCliArgs, file: FoundFile): Promise<FileReport> {
  const failed = (reason: string): FileReport => ({ name: file.name, status: 'FAILED', items: 0, reason });
  try {
    // Not read at all when too large (the service would refuse it too, after reading).
    if (file.size > IMPORT_LIMITS.fileMaxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
      return failed(`Het bestand is ${mb(file.size)} MB; de grens is ${mb(IMPORT_LIMITS.fileMaxBytes)} MB / The file is ${mb(file.size)} MB; the limit is ${mb(IMPORT_LIMITS.fileMaxBytes)} MB`);
    }
    const bytes = await readFile(file.path);
    if (/\.zip$/i.test(file.name)) return archive(file, bytes);
    const outcome = await service.importFile(author, communityId, { filename: file.name, bytes }, args);
    if (outcome.status === 'FAILED') return failed(outcome.reason);
    return { name: file.name, status: outcome.status, items: outcome.items.length, reason: outcome.reason };
  } catch (error) {
    // One file's trouble (unreadable, a database error) does not stop the others; its own transaction rolled back.
    if (error instanceof GraphQLError) return failed(error.message);
    return failed(`Kon niet worden gelezen of opgeslagen / Could not be read or stored: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A community export (a zip with manifest.json at its root) is restored by
 * the archive import (apps/api/src/export), not as a document. Hook for it:
 * until it is wired in here, such a zip is skipped with that reason.
 */
function archive(file: FoundFile, bytes: Uint8Array): FileReport {
  let isExport = false;
  try {
    isExport = readZip(bytes).has('manifest.json');
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
  }
  if (!isExport) return { name: file.name, status: 'FAILED', items: 0, reason: 'Een zip-bestand zonder manifest.json is geen Spiraal-export / A zip without manifest.json is not a Spiraal export' };
  return { name: file.name, status: 'SKIPPED', items: 0, reason: 'Exportarchief: wordt door de archiefimport verwerkt / Export archive: handled by the archive import' };
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ImportTargetError) console.error(error.message);
  else if (error instanceof GraphQLError) console.error(`Deze auteur mag hier geen items maken / This author may not create items here: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
