import { randomUUID } from 'node:crypto';
import { searchContract } from './search-contract';

const MEILI_URL = process.env.MEILI_URL;

/** The same contract on Meilisearch, when MEILI_URL points at one (with MEILI_API_KEY when it needs a key). */
if (MEILI_URL) {
  describe('search on Meilisearch', () => {
    searchContract('meilisearch', () => ({
      MEILI_URL,
      MEILI_API_KEY: process.env.MEILI_API_KEY ?? '',
      // An index of its own per run, so runs never see each other's documents.
      MEILI_INDEX: `spiraal_test_${randomUUID().slice(0, 8)}`,
    }));
  });
} else {
  console.log('Skipping the search contract on Meilisearch: MEILI_URL is not set (no Meilisearch server here)');
  describe.skip('search on Meilisearch', () => {
    it('runs the search contract against Meilisearch', () => undefined);
  });
}
