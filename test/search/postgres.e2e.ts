import { searchContract } from './search-contract';

/** The default engine: PostgreSQL full-text search, on the test database. */
describe('search on PostgreSQL', () => {
  searchContract('postgresql', () => ({}));
});
