/**
 * Relevance evaluation: Spiraal's search (the real API over GraphQL, on a
 * fresh database) against MiniSearch with prefix and fuzzy matching, on items
 * cut from the Dutch texts in ../shared/corpus (read at run time, never
 * copied) and the questions in search-questions.ts.
 *
 *   npm run eval:search
 *
 * Prints recall@5, recall@10 and MRR@10 per question group. recall@k is the
 * share of questions with a right item among the first k hits. DATABASE_URL
 * selects the PostgreSQL server (else an embedded one runs); EVAL_VERBOSE=1
 * prints each question's rank; EVAL_SHOW=<text> prints the first five titles
 * for the questions that contain the text (* marks a right one).
 */
import { words } from '@spiraal/search';
import MiniSearch from 'minisearch';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchSpiraal, startApi } from '../bench/search/api';
import type { BenchItem, Corpus } from '../bench/search/corpus';
import { seedCorpus, startBenchServer } from '../bench/search/database';
import { drainOutbox } from '../bench/search/indexing';
import { seededRng, seededUuid } from '../bench/search/rng';
import { renderTable } from '../bench/support/table';
import { QUESTIONS, QuestionGroup } from './search-questions';

const CORPUS_DIR = join(__dirname, '../../../shared/corpus');
/** An item is about this long: a section of a publication, as a member would paste it. */
const ITEM_WORDS = 300;
const GROUPS: QuestionGroup[] = ['plain', 'question', 'inflection', 'compound', 'typo', 'synonym', 'half word'];

/** Paragraphs of each text, gathered into items of about ITEM_WORDS words; the first line is the title. */
export function cutItems(texts: string[]): { title: string; text: string }[] {
  const items: { title: string; text: string }[] = [];
  for (const text of texts) {
    let current: string[] = [];
    let count = 0;
    const flush = () => {
      const body = current.join('\n\n').trim();
      if (body) {
        const firstLine = body
          .split('\n')
          .find((line) => line.trim())!
          .trim();
        items.push({ title: firstLine.split(/\s+/).slice(0, 12).join(' ').slice(0, 120), text: body });
      }
      current = [];
      count = 0;
    };
    for (const paragraph of text.split(/\n\s*\n/)) {
      current.push(paragraph.trim());
      count += paragraph.split(/\s+/).filter(Boolean).length;
      if (count >= ITEM_WORDS) flush();
    }
    flush();
  }
  return items;
}

/** Words as compared for judgements: folded, hyphenation at line ends undone. */
function judgeWords(text: string): string {
  return ` ${words(text.replace(/(\p{L})-\s*\n\s*(\p{L})/gu, '$1$2').replace(/(\p{L})- (\p{L})/gu, '$1$2')).join(' ')} `;
}

interface Ranked {
  ranks: (number | null)[];
}

function metrics(ranks: (number | null)[]): { r5: number; r10: number; mrr: number } {
  const n = ranks.length || 1;
  return {
    r5: ranks.filter((r) => r !== null && r <= 5).length / n,
    r10: ranks.filter((r) => r !== null && r <= 10).length / n,
    mrr: ranks.reduce<number>((sum, r) => sum + (r !== null && r <= 10 ? 1 / r : 0), 0) / n,
  };
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS_DIR)) {
    console.log(`eval:search skipped: ${CORPUS_DIR} is absent (the Dutch texts are read at run time only)`);
    return;
  }
  const texts = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'));
  const cut = cutItems(texts);
  const rng = seededRng(15);
  const communityId = seededUuid(rng);
  const day = 86_400_000;
  // Older items first, a day apart, so recency can only break ties.
  const items: BenchItem[] = cut.map((c, i) => ({
    id: seededUuid(rng),
    communityId,
    kind: 'NOTE',
    stage: 'EXTERNALISATIE',
    title: c.title,
    tags: [],
    text: c.text,
    createdAt: new Date(Date.parse('2025-01-01T00:00:00Z') + i * day),
    updatedAt: new Date(Date.parse('2025-01-01T00:00:00Z') + i * day),
  }));
  const judged = items.map((item) => judgeWords(`${item.title}\n${item.text}`));
  const relevant = QUESTIONS.map(
    (q) =>
      new Set(
        items
          .filter((_, i) => q.answer.some((a) => judged[i].includes(` ${words(a).join(' ')} `)))
          .map((item) => item.id),
      ),
  );
  const unanswered = QUESTIONS.filter((_, i) => !relevant[i].size);
  if (unanswered.length)
    throw new Error(`no item holds the answer to: ${unanswered.map((q) => `"${q.query}"`).join(', ')}`);

  const corpus = {
    userId: seededUuid(rng),
    communities: [{ id: communityId, name: 'Leernetwerk Evaluatie', visibility: 'PRIVATE' }],
    items,
  } as unknown as Corpus;
  const server = await startBenchServer(process.env.DATABASE_URL);
  const database = await server.createDatabase();
  const results: Record<string, Ranked> = {};
  try {
    const { token } = await seedCorpus(database.url, corpus);
    await drainOutbox(database.url, () => undefined);
    const api = await startApi(database.url);
    await api.loadSearchIndex();
    try {
      const ranks: (number | null)[] = [];
      const show = process.env.EVAL_SHOW;
      const titleOf = new Map(items.map((item) => [item.id, item.title.slice(0, 70)]));
      for (const [i, q] of QUESTIONS.entries()) {
        const { ids } = await searchSpiraal(api.baseUrl, token, q.query);
        if (show && q.query.includes(show)) {
          const titles = ids.slice(0, 5).map((id) => `${relevant[i].has(id) ? '*' : ' '} ${titleOf.get(id)}`);
          console.log(`${q.query}\n  ${titles.join('\n  ')}`);
        }
        const at = ids.slice(0, 10).findIndex((id) => relevant[i].has(id));
        ranks.push(at < 0 ? null : at + 1);
      }
      results.Spiraal = { ranks };
    } finally {
      await api.stop();
    }
  } finally {
    await database.drop();
    await server.stop();
  }

  const mini = new MiniSearch<BenchItem>({
    fields: ['title', 'text'],
    extractField: (item, field) => String(item[field as keyof BenchItem]),
    processTerm: (term) => words(term).join(' ') || null,
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
  });
  mini.addAll(items);
  results.MiniSearch = {
    ranks: QUESTIONS.map((q, i) => {
      const at = mini
        .search(q.query)
        .slice(0, 10)
        .findIndex((hit) => relevant[i].has(hit.id as string));
      return at < 0 ? null : at + 1;
    }),
  };

  console.log(
    `Search relevance: ${items.length} items cut from ${texts.length} texts in ../shared/corpus, ${QUESTIONS.length} questions`,
  );
  console.log(
    'Spiraal: GraphQL search on PostgreSQL; MiniSearch 7.2.0: prefix and fuzzy 0.2, title boost 2, accents folded\n',
  );
  const engines = Object.keys(results);
  const rows = [...GROUPS, 'hard (all but plain/question)', 'all'].map((group) => {
    const pick = (i: number) =>
      group === 'all'
        ? true
        : group.startsWith('hard')
          ? !['plain', 'question'].includes(QUESTIONS[i].group)
          : QUESTIONS[i].group === group;
    const count = QUESTIONS.filter((_, i) => pick(i)).length;
    const cells = engines.flatMap((engine) => {
      const m = metrics(results[engine].ranks.filter((_, i) => pick(i)));
      return [m.r5.toFixed(2), m.r10.toFixed(2), m.mrr.toFixed(2)];
    });
    return [group, String(count), ...cells];
  });
  console.log(renderTable(['group', 'n', ...engines.flatMap((e) => [`${e} R@5`, `${e} R@10`, `${e} MRR@10`])], rows));
  if (process.env.EVAL_VERBOSE === '1') {
    console.log('');
    QUESTIONS.forEach((q, i) =>
      console.log(
        `${q.group.padEnd(10)} ${engines.map((e) => String(results[e].ranks[i] ?? '-').padStart(3)).join(' ')}  ${q.query}`,
      ),
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
