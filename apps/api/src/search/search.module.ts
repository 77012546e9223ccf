import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessModule } from '../access/access.module';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MeilisearchEngine } from './meilisearch.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import type { SearchEngine } from './search-engine';
import { SearchIndexer } from './search-indexer';
import { SearchMirror } from './search-mirror';
import { SearchMetrics } from './search.metrics';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { SearchSuggestions } from './search-suggestions';
import { SearchSynonymsResolver } from './search-synonyms.resolver';
import { PRIMARY_ENGINE, SEARCH_ENGINES } from './search.tokens';
import { MetricsModule } from '../metrics/metrics.module';

@Module({
  imports: [AccessModule, MetricsModule],
  providers: [
    SearchMirror,
    PostgresSearchEngine,
    {
      // PostgreSQL is always indexed: it is the default engine and the fallback when Meilisearch does not answer.
      provide: SEARCH_ENGINES,
      inject: [APP_CONFIG, getDataSourceToken(), PostgresSearchEngine],
      useFactory: (config: AppConfig, db: DataSource, postgres: PostgresSearchEngine): SearchEngine[] => {
        const { meiliUrl, meiliApiKey, meiliIndex } = config.search;
        return meiliUrl
          ? [postgres, new MeilisearchEngine({ url: meiliUrl, apiKey: meiliApiKey, index: meiliIndex }, db, postgres)]
          : [postgres];
      },
    },
    {
      provide: PRIMARY_ENGINE,
      inject: [SEARCH_ENGINES],
      useFactory: (engines: SearchEngine[]) => engines[engines.length - 1],
    },
    SearchIndexer,
    SearchMetrics,
    SearchService,
    SearchResolver,
    SearchSuggestions,
    SearchSynonymsResolver,
  ],
  exports: [SearchIndexer, SEARCH_ENGINES, SearchMirror],
})
export class SearchModule {}
