import { markdownToProseMirror } from './markdown-to-prosemirror';
import type { PMMark, PMNode } from './prosemirror';

const text = (value: string, ...marks: PMMark[]): PMNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content });
const doc = (...content: PMNode[]): PMNode => ({ type: 'doc', content });
const item = (...content: PMNode[]): PMNode => ({ type: 'listItem', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });

/** Walks the tree and collects every mark of the given type. */
function marksOf(node: PMNode, type: string): unknown[] {
  const own = (node.marks ?? []).filter((mark) => mark.type === type);
  return [...own, ...(node.content ?? []).flatMap((child) => marksOf(child, type))];
}

describe('markdownToProseMirror', () => {
  it('turns empty input into one empty paragraph', () => {
    expect(markdownToProseMirror('')).toEqual(doc({ type: 'paragraph' }));
    expect(markdownToProseMirror('  \n\n \n')).toEqual(doc({ type: 'paragraph' }));
  });

  it('parses headings with a numeric level', () => {
    expect(markdownToProseMirror('# Een\n\n### Drie\n\nSetext\n---')).toEqual(
      doc(
        { type: 'heading', attrs: { level: 1 }, content: [text('Een')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Drie')] },
        { type: 'heading', attrs: { level: 2 }, content: [text('Setext')] },
      ),
    );
  });

  it('parses inline marks, merging adjacent text with equal marks', () => {
    expect(markdownToProseMirror('a **vet _beide_** ~~weg~~ `code` *x*')).toEqual(
      doc(
        paragraph(
          text('a '),
          text('vet ', { type: 'bold' }),
          text('beide', { type: 'bold' }, { type: 'italic' }),
          text(' '),
          text('weg', { type: 'strike' }),
          text(' '),
          text('code', { type: 'code' }),
          text(' '),
          text('x', { type: 'italic' }),
        ),
      ),
    );
  });

  it('keeps inline code free of other marks, as the TipTap code mark excludes them', () => {
    expect(markdownToProseMirror('**a `b`** [`c`](https://x.nl)')).toEqual(
      doc(paragraph(text('a ', { type: 'bold' }), text('b', { type: 'code' }), text(' '), text('c', { type: 'code' }))),
    );
  });

  it('turns soft breaks into spaces and keeps hard breaks', () => {
    expect(markdownToProseMirror('een\ntwee  \ndrie\\\nvier')).toEqual(
      doc(paragraph(text('een twee'), { type: 'hardBreak' }, text('drie'), { type: 'hardBreak' }, text('vier'))),
    );
  });

  it('parses bullet and ordered lists, nested, with the start number', () => {
    expect(markdownToProseMirror('- a\n  1. b\n  2. c\n- d\n\n7. z')).toEqual(
      doc(
        {
          type: 'bulletList',
          content: [
            item(paragraph(text('a')), {
              type: 'orderedList',
              attrs: { start: 1 },
              content: [item(paragraph(text('b'))), item(paragraph(text('c')))],
            }),
            item(paragraph(text('d'))),
          ],
        },
        { type: 'orderedList', attrs: { start: 7 }, content: [item(paragraph(text('z')))] },
      ),
    );
  });

  it('starts every list item with a paragraph', () => {
    expect(markdownToProseMirror('-\n- # Kop\n- - genest')).toEqual(
      doc({
        type: 'bulletList',
        content: [
          item({ type: 'paragraph' }),
          item({ type: 'paragraph' }, { type: 'heading', attrs: { level: 1 }, content: [text('Kop')] }),
          item({ type: 'paragraph' }, { type: 'bulletList', content: [item(paragraph(text('genest')))] }),
        ],
      }),
    );
  });

  it('parses blockquotes, giving an empty one a paragraph', () => {
    expect(markdownToProseMirror('> a\n>\n> > b\n\n>')).toEqual(
      doc(
        {
          type: 'blockquote',
          content: [paragraph(text('a')), { type: 'blockquote', content: [paragraph(text('b'))] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph' }] },
      ),
    );
  });

  it('parses fenced and indented code without marks', () => {
    expect(markdownToProseMirror('```ts extra\nconst a = **1**;\n```\n\n    indented\n\n```\n```')).toEqual(
      doc(
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const a = **1**;')] },
        { type: 'codeBlock', content: [text('indented')] },
        { type: 'codeBlock' },
      ),
    );
  });

  it('parses horizontal rules', () => {
    expect(markdownToProseMirror('a\n\n---\n\n***')).toEqual(
      doc(paragraph(text('a')), { type: 'horizontalRule' }, { type: 'horizontalRule' }),
    );
  });

  it('turns images into a link labelled with the alt text', () => {
    const markdown = '![Een *foto*](/img/a.png) ![](https://x.nl/b.png) ![kwaad](javascript:alert(1))';
    expect(markdownToProseMirror(markdown)).toEqual(
      doc(
        paragraph(
          text('Een foto', link('/img/a.png')),
          text(' '),
          text('https://x.nl/b.png', link('https://x.nl/b.png')),
          text(' kwaad'),
        ),
      ),
    );
  });

  it('keeps the outer link for an image inside a link', () => {
    expect(markdownToProseMirror('[![badge](https://x.nl/b.svg)](https://x.nl)')).toEqual(
      doc(paragraph(text('badge', link('https://x.nl')))),
    );
  });

  it.each([
    '[klik](javascript:alert(1))',
    '[klik]( JaVaScRiPt:alert(1))',
    '[klik](<  JaVaScRiPt:alert(1)>)',
    '[klik](&#106;avascript:alert(1))',
    '[klik](data:text/html,<script>alert(1)</script>)',
    '[klik](vbscript:msgbox(1))',
    '[klik][ref]\n\n[ref]: javascript:alert(1)',
  ])('drops the unsafe link in %j but keeps its text', (markdown) => {
    expect(markdownToProseMirror(markdown)).toEqual(doc(paragraph(text('klik'))));
  });

  it('does not turn an unsafe autolink into a link', () => {
    expect(markdownToProseMirror('<javascript:alert(1)>')).toEqual(doc(paragraph(text('javascript:alert(1)'))));
    expect(marksOf(markdownToProseMirror('<https://x.nl>'), 'link')).toEqual([link('https://x.nl')]);
  });

  it('keeps raw HTML as literal text', () => {
    expect(markdownToProseMirror('<script>alert(1)</script>\n\na <b onclick="x()">b</b>')).toEqual(
      doc(paragraph(text('<script>alert(1)</script>')), paragraph(text('a <b onclick="x()">b</b>'))),
    );
  });

  it('decodes escapes and entities', () => {
    expect(markdownToProseMirror('\\*geen nadruk\\* &amp; &eacute;')).toEqual(
      doc(paragraph(text('*geen nadruk* & é'))),
    );
  });
});
