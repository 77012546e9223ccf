import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/config';
import { runMigrations } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { SearchIndexer } from '../search/search-indexer';

/**
 * `npm run search:reindex`: rebuilds the search index of every engine
 * (PostgreSQL, and Meilisearch when MEILI_URL is set) from the items in
 * PostgreSQL. Safe beside a running server.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    await runMigrations(url);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), {
      logger: ['error', 'warn'],
    });
    try {
      const started = performance.now();
      const { items, terms, pending } = await app.get(SearchIndexer).reindexAll();
      const seconds = (performance.now() - started) / 1000;
      console.log(`Reindexed ${items} items (${terms} words in the vocabulary) in ${seconds.toFixed(1)} s.`);
      if (pending) {
        console.error(`${pending} deliveries failed and wait in the outbox for a retry (see the warnings above).`);
        process.exitCode = 1;
      }
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
