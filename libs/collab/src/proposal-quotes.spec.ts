import * as Y from 'yjs';
import { BODY_FRAGMENT } from './prosemirror';
import { PROPOSAL_DELETE, PROPOSAL_INSERT } from './proposal-marks';
import { applyProposalQuotes, proposalQuotes } from './proposal-quotes';
import { markdownToYDocUpdate, readBody, yDocToMarkdown } from './ydoc-body';
import { proposalsIn } from './ydoc-proposals';

const attrs = (id: string) => ({ id, authorId: 'u-bram', authorName: 'Bram', createdAt: '2026-12-07T19:00:00.000Z' });

function docOf(markdown: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYDocUpdate(markdown));
  return doc;
}

function textIn(doc: Y.Doc, block: number): Y.XmlText {
  return (doc.getXmlFragment(BODY_FRAGMENT).get(block) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('proposals in the community archive', () => {
  it('are kept beside the Markdown and laid back onto it', () => {
    const doc = docOf('## Huisbezoek\n\nBel eerst aan en stel je voor.\n\n- een punt');
    textIn(doc, 1).insert(10, 'altijd ', { [PROPOSAL_INSERT]: attrs('a') });
    textIn(doc, 1).format(24, 5, { [PROPOSAL_DELETE]: attrs('b') }); // "stel " after the insert
    textIn(doc, 0).insert(0, 'Over: ', { [PROPOSAL_INSERT]: attrs('c') });
    const quotes = proposalQuotes(readBody(doc.getXmlFragment(BODY_FRAGMENT)));
    expect(quotes).toEqual([
      expect.objectContaining({ id: 'c', kind: 'insert', block: 0, offset: 0, text: 'Over: ' }),
      expect.objectContaining({ id: 'a', kind: 'insert', block: 1, offset: 10, text: 'altijd ' }),
      expect.objectContaining({ id: 'b', kind: 'delete', block: 1, offset: 17, text: 'stel ' }),
    ]);

    const restored = docOf(yDocToMarkdown(doc));
    expect(applyProposalQuotes(restored, quotes, 'u-bram')).toBe(3);
    expect(readBody(restored.getXmlFragment(BODY_FRAGMENT))).toEqual(readBody(doc.getXmlFragment(BODY_FRAGMENT)));
    expect(proposalsIn(restored).map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });

  it('skips a run whose place no longer fits the text', () => {
    const restored = docOf('Een andere tekst.');
    const laid = applyProposalQuotes(
      restored,
      [
        { id: 'x', kind: 'delete', authorName: 'Bram', createdAt: 'nu', block: 0, offset: 4, text: 'niet hier' },
        { id: 'y', kind: 'insert', authorName: 'Bram', createdAt: 'nu', block: 7, offset: 0, text: 'weg' },
        { id: 'z', kind: 'insert', authorName: 'Bram', createdAt: 'nu', block: 0, offset: 999, text: 'weg' },
      ],
      'u-bram',
    );
    expect(laid).toBe(0);
    expect(yDocToMarkdown(restored)).toBe('Een andere tekst.\n');
  });
});
