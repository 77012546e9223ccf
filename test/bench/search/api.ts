import type { AddressInfo } from 'node:net';
import { builtApi } from './built-api';
import { collectGarbage } from './indexing';
import type { SearchOutcome, SearchTarget } from './measure';

/** The API, started in this process on the bench database. */
export interface RunningApi {
  baseUrl: string;
  stop(): Promise<void>;
  /** Reads the passages into the in-memory search index, as a server does at start, and tells what it cost. */
  loadSearchIndex(): Promise<MemoryIndexLoad>;
}

export interface MemoryIndexLoad {
  ms: number;
  passages: number;
  terms: number;
  /** Postings and per-passage arrays. */
  arrayBytes: number;
  /** Heap and array buffers after a full GC, against before loading. */
  heapBytes: number;
}

export async function startApi(databaseUrl: string): Promise<RunningApi> {
  const { app: appModule, config: configModule, mirror } = builtApi();
  const config = configModule.loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', DATABASE_URL: databaseUrl });
  const app = await appModule.createApp(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => app.close(),
    async loadSearchIndex() {
      const before = memoryAfterGc();
      const started = performance.now();
      const index = await app.get(mirror.SearchMirror).current();
      const ms = performance.now() - started;
      return {
        ms,
        passages: index.aliveDocs,
        terms: index.terms.size,
        arrayBytes: index.bytes(),
        heapBytes: memoryAfterGc() - before,
      };
    },
  };
}

/** Heap plus array buffers (the postings live in typed arrays) after a full GC. */
function memoryAfterGc(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** One GraphQL operation over HTTP (fetch keeps the connection alive), as the web app sends it. */
export async function graphql<T>(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** What the search page asks for: hits with highlights, and all four facets. */
const SEARCH = `
  query ($input: SearchInput!) {
    search(input: $input) {
      totalHits tookMs
      hits { item { id title } highlights { title text } }
      facets { stages { value count } kinds { value count } tags { value count } communities { value count label } }
    }
  }`;

interface SearchData {
  search: { totalHits: number; tookMs: number; hits: { item: { id: string; title: string } }[] };
}

export async function searchSpiraal(
  baseUrl: string,
  token: string,
  query: string,
): Promise<SearchOutcome & { ids: string[] }> {
  const started = performance.now();
  const { search } = await graphql<SearchData>(baseUrl, token, SEARCH, { input: { query, limit: 20 } });
  return {
    ms: performance.now() - started,
    serverMs: search.tookMs,
    total: search.totalHits,
    ids: search.hits.map((hit) => hit.item.id),
  };
}

export function spiraalTarget(api: RunningApi, token: string): SearchTarget {
  return { label: 'Spiraal', search: (query) => searchSpiraal(api.baseUrl, token, query) };
}

/**
 * The same API ranking in PostgreSQL, as before the in-memory index
 * (docs/decisions/search-in-memory.md): the engine reads SPIRAAL_SEARCH_RANKING
 * per query, and the API runs in this process, one query at a time.
 */
export function spiraalSqlTarget(api: RunningApi, token: string): SearchTarget {
  return {
    label: 'Spiraal, SQL ranking (before)',
    async search(query) {
      process.env.SPIRAAL_SEARCH_RANKING = 'sql';
      try {
        return await searchSpiraal(api.baseUrl, token, query);
      } finally {
        delete process.env.SPIRAAL_SEARCH_RANKING;
      }
    },
  };
}

export async function renameItem(baseUrl: string, token: string, id: string, title: string): Promise<void> {
  await graphql(
    baseUrl,
    token,
    `
      mutation ($input: UpdateItemInput!) {
        updateItem(input: $input) {
          id
        }
      }
    `,
    { input: { id, title } },
  );
}
