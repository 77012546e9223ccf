import { buildSchema, parse } from 'graphql';
import { checkLimits, QUERY_LIMITS } from './query-limits';

const schema = buildSchema(`
  type Query { items(first: Int): ItemConnection!, item(id: ID!): Item, me: User, search(input: SearchInput!): Result! }
  input SearchInput { query: String!, limit: Int }
  type Result { hits: [Item!]! }
  type ItemConnection { edges: [Edge!]! }
  type Edge { node: Item! }
  type Item { id: ID!, title: String!, sources: [Item!]!, authors: [User!]!, community: Community! }
  type User { id: ID!, name: String! }
  type Community { id: ID!, items(first: Int): ItemConnection! }
`);

const check = (query: string, variables: Record<string, unknown> = {}) =>
  checkLimits(schema, parse(query), null, variables);

describe('checkLimits', () => {
  it('lets ordinary queries through', () => {
    expect(check(`{ items(first: 50) { edges { node { id title authors { name } community { id } } } } }`)).toBeNull();
    expect(
      check(
        `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`,
      ),
    ).toBeNull();
  });

  it(`refuses nesting deeper than ${QUERY_LIMITS.maxDepth}, through fragments too`, () => {
    const deep = `{ item(id: 1) { sources { sources { sources { sources { sources { sources { sources { sources { id } } } } } } } } } }`;
    expect(check(deep)).toMatch(/te diep/);
    const viaFragments = `query { item(id: 1) { ...A } } fragment A on Item { sources { sources { ...B } } } fragment B on Item { sources { sources { sources { sources { sources { id } } } } } }`;
    expect(check(viaFragments)).toMatch(/te diep/);
    expect(
      check(`{ item(id: 1) { community { items(first: 1) { edges { node { sources { community { id } } } } } } } }`),
    ).toBeNull();
  });

  it(`refuses more than ${QUERY_LIMITS.maxAliases} aliases`, () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(check(aliases(QUERY_LIMITS.maxAliases))).toBeNull();
    expect(check(aliases(QUERY_LIMITS.maxAliases + 1))).toMatch(/aliassen/);
  });

  it('estimates cost from page sizes, literal or in variables, and refuses what costs too much', () => {
    const nested = `query ($n: Int) { items(first: $n) { edges { node { sources { authors { name } } } } } }`;
    expect(check(nested, { n: 5 })).toBeNull();
    expect(check(nested, { n: 100 })).toMatch(/te veel tegelijk/);
    // Without a page size a list counts as 20 items.
    expect(check(`{ items { edges { node { sources { sources { authors { name } } } } } } }`)).toMatch(
      /te veel tegelijk/,
    );
  });

  it('reads a limit inside an input object, literal or in variables', () => {
    const query = `query ($input: SearchInput!) { search(input: $input) { hits { sources { sources { title } } } } }`;
    expect(check(query, { input: { query: 'casus', limit: 5 } })).toBeNull();
    expect(check(query, { input: { query: 'casus', limit: 100 } })).toMatch(/te veel tegelijk/);
    expect(
      check(`{ search(input: { query: "casus", limit: 100 }) { hits { sources { sources { title } } } } }`),
    ).toMatch(/te veel tegelijk/);
  });

  it('stops counting a fragment bomb as soon as it passes the limit', () => {
    const fragments = Array.from({ length: 60 }, (_, i) => `fragment F${i + 1} on Item { ...F${i} ...F${i} }`).join(
      ' ',
    );
    const bomb = `query { item(id: 1) { ...F60 } } fragment F0 on Item { id } ${fragments}`;
    expect(check(bomb)).toMatch(/te veel tegelijk/);
  });

  it('picks the named operation and leaves unknown fields to GraphQL itself', () => {
    const document = parse(`query A { me { id } } query B { item(id: 1) { nope { id } } }`);
    expect(checkLimits(schema, document, 'A', {})).toBeNull();
    expect(checkLimits(schema, document, 'B', {})).toBeNull();
    expect(checkLimits(schema, document, null, {})).toBeNull();
  });

  it('survives a fragment that spreads itself (GraphQL refuses it afterwards)', () => {
    expect(check(`query { item(id: 1) { ...A } } fragment A on Item { sources { ...A } }`)).toBeNull();
  });
});
