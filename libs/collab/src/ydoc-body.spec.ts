import * as Y from 'yjs';
import { markdownToProseMirror } from './markdown-to-prosemirror';
import { BODY_FRAGMENT, type PMNode } from './prosemirror';
import { proseMirrorToMarkdown } from './prosemirror-to-markdown';
import { markdownToYDocUpdate, readBody, writeBody, yDocToMarkdown, yDocToText } from './ydoc-body';

function docFromUpdate(update: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return ydoc;
}

/** The fragment as TipTap would receive it: a fresh Y.Doc from the update. */
function bodyOf(markdown: string): Y.XmlFragment {
  return docFromUpdate(markdownToYDocUpdate(markdown)).getXmlFragment(BODY_FRAGMENT);
}

function first<T>(fragment: Y.XmlFragment | Y.XmlElement): T {
  return fragment.get(0) as unknown as T;
}

describe('Y.Doc body', () => {
  describe('Markdown -> PM -> Y.Doc -> PM', () => {
    it.each([
      ['an empty document', ''],
      ['headings', '# Een\n\n## Twee\n\n###### Zes'],
      ['a paragraph with every mark', 'a **vet** _schuin_ ***beide*** ~~weg~~ `code` [link](https://x.nl/a?b=1)'],
      ['hard breaks', 'een\\\ntwee  \ndrie'],
      ['bullet lists', '- een\n- twee'],
      ['ordered lists', '3. drie\n4. vier'],
      ['nested lists', '- a\n  1. b\n     - c\n- d\n\n  tweede alinea'],
      ['blockquotes', '> citaat\n>\n> > genest'],
      ['code blocks', '```ts\nconst a = 1;\n\nconst b = `x`;\n```\n\n```\n```'],
      ['horizontal rules', 'a\n\n---\n\nb'],
      ['images', '![alt](/beeld.png)'],
      [
        'Dutch text with accents',
        '# Één café\n\nDe ruïne van de coördinator, *geïnteresseerd* in **privé**-zaken: “ja” — ’s avonds.',
      ],
    ])('keeps %s', (_name, markdown) => {
      expect(readBody(bodyOf(markdown))).toEqual(markdownToProseMirror(markdown));
    });
  });

  describe('encoding, as y-prosemirror writes it', () => {
    it('uses node type names as element names', () => {
      const fragment = bodyOf('# a\n\nb\n\n- c\n\n1. d\n\n> e\n\n```\nf\n```\n\n---');
      expect(fragment.toArray().map((child) => (child as Y.XmlElement).nodeName)).toEqual([
        'heading',
        'paragraph',
        'bulletList',
        'orderedList',
        'blockquote',
        'codeBlock',
        'horizontalRule',
      ]);
      const list = fragment.get(2) as Y.XmlElement;
      const listItem = first<Y.XmlElement>(list);
      expect(listItem.nodeName).toBe('listItem');
      expect(first<Y.XmlElement>(listItem).nodeName).toBe('paragraph');
    });

    it('stores attributes with their JSON types and leaves out null ones', () => {
      const fragment = bodyOf('### a\n\n5. b\n\n```python\nc\n```\n\n```\nd\n```');
      expect((fragment.get(0) as Y.XmlElement).getAttributes()).toEqual({ level: 3 });
      expect((fragment.get(1) as Y.XmlElement).getAttributes()).toEqual({ start: 5 });
      expect((fragment.get(2) as Y.XmlElement).getAttributes()).toEqual({ language: 'python' });
      expect((fragment.get(3) as Y.XmlElement).getAttributes()).toEqual({});
      expect((fragment.get(4) as Y.XmlElement | undefined)?.getAttributes()).toBeUndefined();
      writeBody(fragment, { type: 'doc', content: [{ type: 'codeBlock', attrs: { language: null } }] });
      expect((fragment.get(0) as Y.XmlElement).getAttributes()).toEqual({});
    });

    it('puts a run of text in one Y.XmlText with marks as formatting attributes', () => {
      const paragraph = first<Y.XmlElement>(bodyOf('Een **vet** en _schuin_ [woord](https://x.nl) `x` ~~y~~'));
      expect(paragraph.length).toBe(1);
      const text = first<Y.XmlText>(paragraph);
      expect(text).toBeInstanceOf(Y.XmlText);
      expect(text.toDelta()).toEqual([
        { insert: 'Een ' },
        { insert: 'vet', attributes: { bold: {} } },
        { insert: ' en ' },
        { insert: 'schuin', attributes: { italic: {} } },
        { insert: ' ' },
        { insert: 'woord', attributes: { link: { href: 'https://x.nl' } } },
        { insert: ' ' },
        { insert: 'x', attributes: { code: {} } },
        { insert: ' ' },
        { insert: 'y', attributes: { strike: {} } },
      ]);
    });

    it('stores a text with two marks under both names', () => {
      const text = first<Y.XmlText>(first<Y.XmlElement>(bodyOf('***a***')));
      expect(text.toDelta()).toEqual([{ insert: 'a', attributes: { bold: {}, italic: {} } }]);
    });

    it('puts a hard break as an element between two texts', () => {
      const paragraph = first<Y.XmlElement>(bodyOf('een\\\n**twee**'));
      const [before, hardBreak, after] = paragraph.toArray();
      expect((before as Y.XmlText).toDelta()).toEqual([{ insert: 'een' }]);
      expect((hardBreak as Y.XmlElement).nodeName).toBe('hardBreak');
      expect((hardBreak as Y.XmlElement).length).toBe(0);
      expect((after as Y.XmlText).toDelta()).toEqual([{ insert: 'twee', attributes: { bold: {} } }]);
    });

    it('writes an empty paragraph as an element without children', () => {
      const fragment = bodyOf('');
      expect(fragment.length).toBe(1);
      expect(first<Y.XmlElement>(fragment).nodeName).toBe('paragraph');
      expect(first<Y.XmlElement>(fragment).length).toBe(0);
    });
  });

  describe('writeBody', () => {
    it('replaces the previous content', () => {
      const ydoc = new Y.Doc();
      const fragment = ydoc.getXmlFragment(BODY_FRAGMENT);
      writeBody(fragment, markdownToProseMirror('# Oud\n\noude tekst'));
      writeBody(fragment, markdownToProseMirror('nieuw'));
      expect(yDocToMarkdown(ydoc)).toBe('nieuw\n');
    });

    it('joins the caller’s transaction', () => {
      const ydoc = new Y.Doc();
      const updates: Uint8Array[] = [];
      ydoc.on('update', (update: Uint8Array) => updates.push(update));
      ydoc.transact(() => {
        writeBody(ydoc.getXmlFragment(BODY_FRAGMENT), markdownToProseMirror('a'));
        writeBody(ydoc.getXmlFragment(BODY_FRAGMENT), markdownToProseMirror('b'));
      });
      expect(updates).toHaveLength(1);
      expect(yDocToText(ydoc)).toBe('b');
    });

    it('syncs to another replica', () => {
      const left = new Y.Doc();
      const right = new Y.Doc();
      left.on('update', (update: Uint8Array) => Y.applyUpdate(right, update));
      writeBody(left.getXmlFragment(BODY_FRAGMENT), markdownToProseMirror('- a\n- **b**'));
      expect(yDocToMarkdown(right)).toBe('- a\n- **b**\n');
    });
  });

  describe('readBody', () => {
    it('reads an empty fragment as a document with one empty paragraph', () => {
      const empty = new Y.Doc().getXmlFragment(BODY_FRAGMENT);
      expect(readBody(empty)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    });

    it('reads what an editor wrote, including extra link attributes and hashed mark names', () => {
      const ydoc = new Y.Doc();
      const fragment = ydoc.getXmlFragment(BODY_FRAGMENT);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      fragment.insert(0, [paragraph]);
      paragraph.insert(0, [text]);
      const link = { href: 'https://x.nl', target: '_blank', rel: 'noopener noreferrer nofollow', class: null };
      text.applyDelta([
        { insert: 'a', attributes: { link } },
        { insert: 'b', attributes: { 'comment--AbCd12+/': { id: 1 } } },
        { insert: 'c', attributes: { underline: {} } },
      ]);
      expect(readBody(fragment)).toEqual({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'a', marks: [{ type: 'link', attrs: link }] },
              { type: 'text', text: 'b', marks: [{ type: 'comment', attrs: { id: 1 } }] },
              { type: 'text', text: 'c', marks: [{ type: 'underline' }] },
            ],
          },
        ],
      });
      expect(yDocToMarkdown(ydoc)).toBe('[a](https://x.nl)bc\n');
    });

    it('merges side-by-side texts, as y-prosemirror does when rendering', () => {
      const fragment = new Y.Doc().getXmlFragment(BODY_FRAGMENT);
      const paragraph = new Y.XmlElement('paragraph');
      fragment.insert(0, [paragraph]);
      const [left, right] = [new Y.XmlText(), new Y.XmlText()];
      paragraph.insert(0, [left, right]);
      left.insert(0, 'een ');
      right.insert(0, 'twee');
      expect(readBody(fragment)).toEqual({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'een twee' }] }],
      });
    });

    it('wraps text found directly in the fragment in a paragraph', () => {
      const fragment = new Y.Doc().getXmlFragment(BODY_FRAGMENT);
      const text = new Y.XmlText();
      fragment.insert(0, [text]);
      text.insert(0, 'los');
      expect(readBody(fragment)).toEqual({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'los' }] }],
      });
    });
  });

  describe('unsafe links', () => {
    const unsafe = [
      '[klik](javascript:alert(1))',
      '[klik]( JaVaScRiPt:alert(1))',
      '[klik](<\tjavascript:alert(1)>)',
      '[klik](data:text/html,<script>alert(1)</script>)',
      '[klik](vbscript:msgbox(1))',
      '![klik](javascript:alert(1))',
      '[klik][r]\n\n[r]: javascript:alert(1)',
    ];

    it.each(unsafe)('never reach PM, Markdown or the Y.Doc from %j', (markdown) => {
      const pm = markdownToProseMirror(markdown);
      const update = markdownToYDocUpdate(markdown);
      const ydoc = docFromUpdate(update);
      const updateBytes = Buffer.from(update).toString('latin1');
      for (const output of [JSON.stringify(pm), proseMirrorToMarkdown(pm), yDocToMarkdown(ydoc), updateBytes]) {
        expect(output).not.toMatch(/javascript|vbscript|data:|href/i);
      }
      expect(yDocToText(ydoc)).toBe('klik');
    });

    it('are dropped when written as ProseMirror JSON or read from a Y.Doc', () => {
      const bad = (href: string): PMNode => ({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] });
      const ydoc = new Y.Doc();
      const fragment = ydoc.getXmlFragment(BODY_FRAGMENT);
      writeBody(fragment, { type: 'doc', content: [{ type: 'paragraph', content: [bad('javascript:alert(1)')] }] });
      expect(first<Y.XmlText>(first<Y.XmlElement>(fragment)).toDelta()).toEqual([{ insert: 'x' }]);

      // A malicious client writes the link straight into the Y.Doc.
      first<Y.XmlText>(first<Y.XmlElement>(fragment)).format(0, 1, { link: { href: 'JAVASCRIPT:alert(1)' } });
      const plainX = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] };
      expect(readBody(fragment)).toEqual(plainX);
      expect(yDocToMarkdown(ydoc)).toBe('x\n');
    });

    it('keep the text around a hard break that another client put directly in the body', () => {
      const ydoc = docFromUpdate(markdownToYDocUpdate('een\n\ntwee'));
      ydoc.getXmlFragment(BODY_FRAGMENT).insert(1, [new Y.XmlElement('hardBreak')]);
      expect(yDocToText(ydoc)).toBe('een\ntwee');
    });

    it('keep raw <script> as literal text', () => {
      const ydoc = docFromUpdate(markdownToYDocUpdate('<script>alert(1)</script>'));
      const text = first<Y.XmlText>(first<Y.XmlElement>(ydoc.getXmlFragment(BODY_FRAGMENT)));
      expect(text.toDelta()).toEqual([{ insert: '<script>alert(1)</script>' }]);
      expect(yDocToText(ydoc)).toBe('<script>alert(1)</script>');
      expect(yDocToMarkdown(ydoc)).toBe('\\<script>alert(1)\\</script>\n');
    });
  });

  it('converts a large document (about 1 MB of Markdown)', () => {
    const section = (i: number) =>
      [
        `## Hoofdstuk ${i}: één café`,
        '',
        `Een alinea met **vet**, _schuin_, \`code\` en een [link](https://example.nl/${i}). Geïnteresseerd?`,
        'Een tweede regel met een zachte overgang.',
        '',
        '- punt een',
        '- punt twee',
        '  1. genest',
        '',
        '> Een citaat.',
        '',
        '```js',
        `const hoofdstuk = ${i};`,
        '```',
        '',
      ].join('\n');
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 1024 * 1024; i++) {
      parts.push(section(i));
      size += parts[i].length + 1;
    }
    const markdown = parts.join('\n');

    const ydoc = docFromUpdate(markdownToYDocUpdate(markdown));
    const pm = readBody(ydoc.getXmlFragment(BODY_FRAGMENT));
    expect(pm.content).toHaveLength(parts.length * 5);
    // Compared as JSON: a deep toEqual on trees this size is slow.
    const json = JSON.stringify(pm);
    expect(JSON.stringify(markdownToProseMirror(markdown)) === json).toBe(true);
    const back = yDocToMarkdown(ydoc);
    expect(JSON.stringify(markdownToProseMirror(back)) === json).toBe(true);
    const text = yDocToText(ydoc);
    expect(text.startsWith('Hoofdstuk 0: één café\nEen alinea met vet, schuin, code en een link.')).toBe(true);
    expect(text.endsWith(`const hoofdstuk = ${parts.length - 1};`)).toBe(true);
  });

  it('leaves control characters out of the derived text and Markdown (a client can type anything)', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('nul\u0000 bel\u0007 en tab\tblijft')]);
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
    expect(yDocToText(doc)).toBe('nul bel en tab\tblijft');
    // eslint-disable-next-line no-control-regex -- asserts that control characters are gone
    expect(yDocToMarkdown(doc)).not.toMatch(/[\u0000\u0007]/);
  });
});
