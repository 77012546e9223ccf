import { markdownToProseMirror } from './markdown-to-prosemirror';
import { proseMirrorToMarkdown } from './prosemirror-to-markdown';

const ID = '0b6c1f7e-8d1a-4c2e-9f00-1234567890ab';

describe('images and files in Markdown', () => {
  it('turns an image of our own files alone in a paragraph into an image node, and back', () => {
    const doc = markdownToProseMirror(`Voor.\n\n![De flip-over [1]](/files/${ID})\n\nNa.\n`);
    expect(doc.content?.map((n) => n.type)).toEqual(['paragraph', 'image', 'paragraph']);
    expect(doc.content?.[1].attrs).toEqual({ src: `/files/${ID}`, alt: 'De flip-over [1]' });
    expect(proseMirrorToMarkdown(doc)).toBe(`Voor.\n\n![De flip-over \\[1\\]](/files/${ID})\n\nNa.\n`);
  });

  it('keeps images from elsewhere, and ours inside text, as links', () => {
    const doc = markdownToProseMirror(`![logo](https://example.nl/logo.png)\n\nZie ![foto](/files/${ID}) hier.`);
    expect(doc.content?.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
    expect(JSON.stringify(doc)).not.toContain('"image"');
  });

  it('writes a file chip as a link with its name', () => {
    const md = proseMirrorToMarkdown({
      type: 'doc',
      content: [{ type: 'fileAttachment', attrs: { href: `/files/${ID}`, name: 'protocol.pdf', size: 1200 } }],
    });
    expect(md).toBe(`[protocol.pdf](/files/${ID})\n`);
  });
});
