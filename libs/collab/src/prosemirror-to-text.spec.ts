import { markdownToProseMirror } from './markdown-to-prosemirror';
import { proseMirrorToText } from './prosemirror-to-text';

const textOf = (markdown: string) => proseMirrorToText(markdownToProseMirror(markdown));

describe('proseMirrorToText', () => {
  it('joins blocks with single newlines and drops all markup', () => {
    const markdown = [
      '# Casus **Ans**',
      '',
      'Een _schuine_ [link](https://x.nl) en `code`.',
      '',
      '- een',
      '- twee',
      '  1. genest',
      '',
      '> citaat',
      '',
      '---',
      '',
      '```ts',
      'const a = 1;',
      'const b = 2;',
      '```',
    ].join('\n');
    expect(textOf(markdown)).toBe(
      ['Casus Ans', 'Een schuine link en code.', 'een', 'twee', 'genest', 'citaat', 'const a = 1;\nconst b = 2;'].join(
        '\n',
      ),
    );
  });

  it('turns hard breaks into newlines and soft breaks into spaces', () => {
    expect(textOf('een\ntwee\\\ndrie')).toBe('een twee\ndrie');
  });

  it('keeps accented Dutch text and literal markup characters', () => {
    expect(textOf('Één café in Zuid-Holland: *geïnteresseerd* \\* &lt;b&gt;')).toBe(
      'Één café in Zuid-Holland: geïnteresseerd * <b>',
    );
  });

  it('skips empty blocks and trims', () => {
    expect(textOf('')).toBe('');
    expect(textOf('-\n-\n\n>\n\n   \n\nx')).toBe('x');
    const padded = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '  a  ' }] }] };
    expect(proseMirrorToText(padded)).toBe('a');
  });

  it('keeps the blocks around an inline node that stands among them (a stray hard break in the doc)', () => {
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const doc = {
      type: 'doc',
      content: [
        paragraph('een'),
        { type: 'hardBreak' },
        paragraph('twee'),
        { type: 'text', text: 'los' },
        paragraph('drie'),
      ],
    };
    expect(proseMirrorToText(doc)).toBe('een\ntwee\nlos\ndrie');
  });
});
