import * as Y from 'yjs';
import { mentionedUserIds } from './mentions';
import { BODY_FRAGMENT } from './prosemirror';
import { writeBody, yDocToMarkdown, yDocToText } from './ydoc-body';

const anna = '6f1c1d5e-0000-4000-8000-000000000001';
const bram = '6f1c1d5e-0000-4000-8000-000000000002';

function docWith(...paragraphs: object[][]): Y.Doc {
  const doc = new Y.Doc();
  writeBody(doc.getXmlFragment(BODY_FRAGMENT), {
    type: 'doc',
    content: paragraphs.map((content) => ({ type: 'paragraph', content })),
  } as never);
  return doc;
}

const mention = (id: string, label: string) => ({ type: 'mention', attrs: { id, label } });

describe('mentions in the editor document', () => {
  it('finds every mentioned user id once, also in nested blocks', () => {
    const doc = docWith(
      [
        { type: 'text', text: 'Vraag aan ' },
        mention(anna, 'Anna'),
        { type: 'text', text: ' en ' },
        mention(bram, 'Bram'),
      ],
      [mention(anna, 'Anna')],
    );
    expect(mentionedUserIds(doc)).toEqual([anna, bram]);
    expect(mentionedUserIds(docWith([{ type: 'text', text: 'Niemand' }]))).toEqual([]);
  });

  it('reads as @Name in the text and the Markdown, inside its sentence', () => {
    const doc = docWith([
      { type: 'text', text: 'Vraag aan ' },
      mention(anna, 'Anna'),
      { type: 'text', text: ', graag.' },
    ]);
    expect(yDocToText(doc)).toBe('Vraag aan @Anna, graag.');
    expect(yDocToMarkdown(doc).trim()).toBe('Vraag aan @Anna, graag.');
  });
});
