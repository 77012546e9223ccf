import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { NestPinoLogger, rootLogger } from './logging/logger';
import { runMigrations } from './database/data-source';
import { EmbeddedPostgresError, RunningPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { SearchMirror } from './search/search-mirror';

const logger = new Logger('Spiraal');

async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(new NestPinoLogger(rootLogger(config.logLevel)));
  let embedded: RunningPostgres | null = null;
  let app: INestApplication | null = null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    try {
      await app?.close(); // flushes pending work before the database goes
    } finally {
      await embedded?.stop();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${config.dataDir}`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log: (line, level) => (level === 'info' ? logger.log(line) : logger.debug(line)),
    });
    databaseUrl = embedded.url;
  }
  const applied = await runMigrations(databaseUrl);
  if (applied.length) logger.log(`Migrations applied: ${applied.join(', ')}`);
  if (stopping) return;

  app = await createApp(config, databaseUrl);
  await app.listen(config.port, config.host);
  // The search index is read into memory now, not at the first search.
  app.get(SearchMirror).warm();
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log(`Spiraal draait op http://localhost:${port} (GraphQL: /graphql, health: /health)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) {
    console.error(error.message);
  } else {
    console.error('Spiraal could not start:', error);
  }
  process.exit(1);
});
