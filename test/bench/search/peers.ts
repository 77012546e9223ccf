import { fold, typoBudget } from '@spiraal/search';
import MiniSearch, { Options, SearchOptions } from 'minisearch';
import { Client } from 'pg';
import type { BenchItem } from './corpus';
import type { SearchTarget } from './measure';

/**
 * The naive way on PostgreSQL: every word somewhere in the title or text
 * (`ILIKE '%word%'`, no index), in the same scope as Spiraal, newest first,
 * plus a count for the total. Both statements are timed together.
 */
export async function iLikeTarget(
  databaseUrl: string,
  readableCommunityIds: string[],
): Promise<SearchTarget & { close(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    label: 'ILIKE',
    async search(query) {
      const terms = query.toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
      const where = [
        'community_id = ANY($1::uuid[])',
        'archived_at IS NULL',
        ...terms.map((_, i) => `(title ILIKE $${i + 2} OR text ILIKE $${i + 2})`),
      ].join(' AND ');
      const params = [readableCommunityIds, ...terms.map((term) => `%${term.replace(/[\\%_]/g, '\\$&')}%`)];
      const started = performance.now();
      await client.query(`SELECT id, title FROM items WHERE ${where} ORDER BY updated_at DESC LIMIT 20`, params);
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM items WHERE ${where}`, params);
      return { ms: performance.now() - started, total: rows[0].n };
    },
    close: () => client.end(),
  };
}

/**
 * MiniSearch over the same items, in this process: title, tags and text,
 * accents folded as Spiraal folds them, boosts like Spiraal's weights.
 */
export const MINISEARCH_OPTIONS: Options<BenchItem> = {
  fields: ['title', 'tags', 'text'],
  storeFields: ['communityId'],
  extractField: (item, field) => (field === 'tags' ? item.tags.join(' ') : String(item[field as keyof BenchItem])),
  processTerm: (term) => fold(term),
};

/**
 * Per query, as Spiraal treats it: every word must match (AND), typos as
 * Meilisearch allows them (none under 5 letters, 1 from 5, 2 from 9), and
 * only the last word as a prefix while it is still being typed (no trailing
 * space). Title weighs 3, tags 2; only readable communities.
 */
export function miniSearchOptions(query: string, readable: Set<string>): SearchOptions {
  const stillTyping = !/\s$/.test(query);
  return {
    combineWith: 'AND',
    prefix: (_term, index, terms) => stillTyping && index === terms.length - 1,
    fuzzy: (term) => typoBudget(term) || false,
    boost: { title: 3, tags: 2 },
    filter: (result) => readable.has(result.communityId as string),
  };
}

export function miniSearchTarget(index: MiniSearch<BenchItem>, readableCommunityIds: string[]): SearchTarget {
  const readable = new Set(readableCommunityIds);
  return {
    label: 'MiniSearch',
    async search(query) {
      const started = performance.now();
      // Results come back scored and sorted, all of them; a page shows the first 20.
      const results = index.search(query, miniSearchOptions(query, readable));
      return { ms: performance.now() - started, total: results.length };
    },
  };
}
