import { requestIdFor } from './request-context';
import { withoutSecrets } from './request-logging';

describe('request ids', () => {
  it('keeps a short plain token and replaces anything else', () => {
    expect(requestIdFor('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(requestIdFor(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'a b', 'x"}{"level":60', 'ü', 'x'.repeat(65)]) {
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe('logged addresses', () => {
  it('blank out credentials in the query string and keep the rest', () => {
    expect(withoutSecrets('/collab/1?ticket=abc.def&x=1')).toBe('/collab/1?ticket=[redacted]&x=1');
    expect(withoutSecrets('/a?x=1&TOKEN=s3cret#frag')).toBe('/a?x=1&TOKEN=[redacted]#frag');
    expect(withoutSecrets('/a?password=p&ticket=t')).toBe('/a?password=[redacted]&ticket=[redacted]');
    expect(withoutSecrets('/graphql')).toBe('/graphql');
    expect(withoutSecrets('/a?myticket=visible')).toBe('/a?myticket=visible');
  });
});
