import { markdownToProseMirror, proseMirrorToMarkdown } from '@spiraal/collab';
import { itemIdOfHref, linkedItemIds, rewriteItemLinks } from './item-links';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NEW_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

describe('links between items', () => {
  it('finds the item an href points to, and nothing else', () => {
    expect(itemIdOfHref(`/items/${A}`)).toBe(A);
    expect(itemIdOfHref(`/items/${A.toUpperCase()}#kop`)).toBe(A);
    expect(itemIdOfHref(`/items/${A}x`)).toBeNull();
    expect(itemIdOfHref(`https://elders.nl/items/${A}`)).toBeNull();
    expect(itemIdOfHref(null)).toBeNull();
  });

  it('lists the linked items of a body once each, nested ones too', () => {
    const doc = markdownToProseMirror(
      `Zie [casus](/items/${A}) en [richtlijn](/items/${B}).\n\n- > [weer](/items/${A}#x)\n`,
    );
    expect(linkedItemIds(doc)).toEqual([A, B]);
  });

  it('rewrites links to items it knows, keeps the rest and the original body', () => {
    const markdown = `Zie [casus](/items/${A}#situatie), [ander](/items/${B}) en [web](https://example.nl).\n`;
    const doc = markdownToProseMirror(markdown);
    const rewritten = proseMirrorToMarkdown(rewriteItemLinks(doc, new Map([[A, NEW_A]])));
    expect(rewritten).toBe(
      `Zie [casus](/items/${NEW_A}#situatie), [ander](/items/${B}) en [web](https://example.nl).\n`,
    );
    expect(proseMirrorToMarkdown(doc)).toBe(markdown);
  });
});
