import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The API as `nx run api:build` compiles it (apps/api/dist), typed from its
 * sources. NestJS and TypeORM need the decorator metadata that tsc emits and
 * tsx (esbuild) does not, so the server code runs from the build, in this
 * process.
 */
const DIST = join(__dirname, '../../../apps/api/dist');

function load<T>(relative: string): T {
  const file = join(DIST, `${relative}.js`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npx nx run api:build\` first (npm run bench:search does)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the built API at run time, by path
  return require(file) as T;
}

let cache: Built | null = null;

interface Built {
  app: typeof import('../../../apps/api/src/app');
  config: typeof import('../../../apps/api/src/config/config');
  dataSource: typeof import('../../../apps/api/src/database/data-source');
  engine: typeof import('../../../apps/api/src/search/postgres-search.engine');
  indexer: typeof import('../../../apps/api/src/search/search-indexer');
  mirror: typeof import('../../../apps/api/src/search/search-mirror');
}

/** Loaded on first use, so a missing build is reported when it matters. */
export function builtApi(): Built {
  cache ??= {
    app: load('app'),
    config: load('config/config'),
    dataSource: load('database/data-source'),
    engine: load('search/postgres-search.engine'),
    indexer: load('search/search-indexer'),
    mirror: load('search/search-mirror'),
  };
  return cache;
}
