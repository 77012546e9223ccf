import { markdownToProseMirror } from './markdown-to-prosemirror';
import type { PMMark, PMNode } from './prosemirror';
import { proseMirrorToMarkdown } from './prosemirror-to-markdown';
import { proseMirrorToText } from './prosemirror-to-text';
import * as Y from 'yjs';
import { readBody, writeBody } from './ydoc-body';

const text = (value: string, ...marks: PMMark[]): PMNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: PMNode[]): PMNode =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
const cell = (type: 'tableHeader' | 'tableCell', ...content: PMNode[]): PMNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1 },
  content: [paragraph(...content)],
});
const th = (...content: PMNode[]) => cell('tableHeader', ...content);
const td = (...content: PMNode[]) => cell('tableCell', ...content);
const row = (...cells: PMNode[]): PMNode => ({ type: 'tableRow', content: cells });
const table = (...rows: PMNode[]): PMNode => ({ type: 'table', content: rows });
const doc = (...content: PMNode[]): PMNode => ({ type: 'doc', content });

describe('GFM pipe tables', () => {
  const dilemma = doc(
    paragraph(text('Het dilemma:')),
    table(
      row(th(text('Waarde')), th(text('Voor')), th(text('Tegen'))),
      row(td(text('Autonomie')), td(text('zelf kiezen', { type: 'bold' })), td()),
      row(td(text('Veiligheid')), td(text('a | b')), td(text('x|y', { type: 'code' }))),
    ),
  );

  it('writes a table as a pipe table with a header row', () => {
    expect(proseMirrorToMarkdown(dilemma)).toBe(
      [
        'Het dilemma:',
        '',
        '| Waarde | Voor | Tegen |',
        '| --- | --- | --- |',
        '| Autonomie | **zelf kiezen** | |',
        '| Veiligheid | a \\| b | `x\\|y` |',
        '',
      ].join('\n'),
    );
  });

  it('reads a pipe table back into the same tree', () => {
    expect(markdownToProseMirror(proseMirrorToMarkdown(dilemma))).toEqual(dilemma);
  });

  it('reads a table written by hand: alignment dropped, short rows filled, header cells apart', () => {
    const parsed = markdownToProseMirror('| a | b |\n|:--|--:|\n| 1 |\n');
    expect(parsed).toEqual(doc(table(row(th(text('a')), th(text('b'))), row(td(text('1')), td()))));
  });

  it('flattens cells with several blocks and merged cells to one line, keeping the table whole', () => {
    const wide: PMNode = {
      type: 'tableCell',
      attrs: { colspan: 2, rowspan: 1 },
      content: [
        paragraph(text('een'), { type: 'hardBreak' }, text('twee')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('drie'))] }] },
      ],
    };
    const markdown = proseMirrorToMarkdown(doc(table(row(th(text('a')), th(text('b'))), row(wide))));
    expect(markdown).toBe('| a | b |\n| --- | --- |\n| een twee drie | |\n');
    const again = markdownToProseMirror(markdown);
    expect(markdownToProseMirror(proseMirrorToMarkdown(again))).toEqual(again);
  });

  it('gives search and the privacy detector the text of every cell', () => {
    expect(proseMirrorToText(dilemma).split('\n')).toEqual(
      expect.arrayContaining(['Waarde', 'Autonomie', 'zelf kiezen', 'a | b', 'x|y']),
    );
  });

  it('keeps a paragraph whose line after a hard break looks like a delimiter row a paragraph', () => {
    for (const second of ['-|-', ':-- | --:', '| --- | --- |', '--- | ---']) {
      const node = doc(paragraph(text('a | b'), { type: 'hardBreak' }, text(second)));
      expect(markdownToProseMirror(proseMirrorToMarkdown(node))).toEqual(node);
    }
  });

  it('goes through the Yjs document as y-prosemirror encodes it, cell attributes included', () => {
    const ydoc = new Y.Doc();
    writeBody(ydoc.getXmlFragment('default'), dilemma);
    expect(readBody(ydoc.getXmlFragment('default'))).toEqual(dilemma);
    ydoc.destroy();
  });
});
