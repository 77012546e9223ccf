import { describe, expect, it } from 'vitest';
import { match } from './router';

describe('match', () => {
  it('gives the named parts of a matching path', () => {
    expect(match('/items/:id', '/items/42')).toEqual({ id: '42' });
    expect(match('/c/:id/items', '/c/abc/items')).toEqual({ id: 'abc' });
  });

  it('accepts a trailing slash and decodes %-escapes', () => {
    expect(match('/items/:id', '/items/a%20b/')).toEqual({ id: 'a b' });
  });

  it('refuses other paths, extra segments and empty parts', () => {
    expect(match('/items/:id', '/items')).toBeNull();
    expect(match('/items/:id', '/items/42/edit')).toBeNull();
    expect(match('/c/:id', '/c//')).toBeNull();
    expect(match('/zoeken', '/zoeken/x')).toBeNull();
  });

  it('refuses a malformed %-escape instead of throwing', () => {
    expect(match('/items/:id', '/items/%E0%A4%A')).toBeNull();
  });
});
