import { BUILT_IN_TEMPLATES, templateFor } from '@spiraal/domain';
import { proseMirrorToMarkdown } from './prosemirror-to-markdown';
import { proseMirrorToText } from './prosemirror-to-text';
import { headingKey, templateDocument } from './template-document';

describe('templateDocument', () => {
  it('keeps the headings, each followed by an empty paragraph, and takes the prompts out of the text', () => {
    const { doc, prompts } = templateDocument(templateFor('CASE')!);
    expect(proseMirrorToText(doc)).not.toContain('Wat speelt er?');
    expect(proseMirrorToMarkdown(doc)).not.toContain('Wat speelt er?');
    const types = (doc.content ?? []).map((node) => node.type);
    expect(types.slice(0, 4)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
    expect((doc.content ?? []).filter((node) => node.type === 'paragraph').every((p) => !p.content)).toBe(true);
    expect(prompts[0]).toEqual({ heading: 'situatie', prompt: 'Wat speelt er? Wie zijn betrokken, sinds wanneer?' });
    expect(prompts.map((p) => p.heading)).toContain("dilemma's");
  });

  it('never ends in a heading, also when the last heading has no prompt (a story)', () => {
    const { doc, prompts } = templateDocument(templateFor('STORY')!);
    const content = doc.content ?? [];
    expect(content[content.length - 2]).toMatchObject({ type: 'heading' });
    expect(content[content.length - 1]).toEqual({ type: 'paragraph' });
    expect(prompts.find((p) => p.heading === headingKey('Wat neem je mee?'))).toBeUndefined();
  });

  it('keeps tables and lists as content, prompts text before the first heading, joins a multi-paragraph prompt', () => {
    const { doc, prompts } = templateDocument(
      'Korte inleiding.\n\n## Stappen\n\nEerst dit.\n\nDan dat.\n\n- stap 1\n\n| a | b |\n| - | - |\n',
    );
    expect((doc.content ?? []).map((node) => node.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'bulletList',
      'table',
      'paragraph',
    ]);
    expect(prompts).toEqual([
      { heading: '', prompt: 'Korte inleiding.' },
      { heading: 'stappen', prompt: 'Eerst dit. Dan dat.' },
    ]);
  });

  it('turns every built-in template into headings and prompts only', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const { doc, prompts } = templateDocument(template.body);
      expect(proseMirrorToText(doc)).toBe(
        (doc.content ?? [])
          .filter((node) => node.type === 'heading')
          .map((node) => proseMirrorToText(node))
          .join('\n'),
      );
      expect(prompts.length).toBeGreaterThan(0);
    }
  });
});
