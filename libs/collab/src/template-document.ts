/**
 * A template's Markdown as the document an item starts with, and the
 * prompts the editor shows as placeholders (docs/templates.md):
 * - every heading is kept, followed by one empty paragraph to write in;
 * - the paragraphs under a heading are its prompt, never document text;
 * - other blocks (tables, lists, quotes) are kept as they are;
 * - the document never ends in a heading or another non-paragraph block,
 *   so typing at its end never writes into the last heading.
 */
import { templateHeadingKey } from '@spiraal/domain';
import { markdownToProseMirror } from './markdown-to-prosemirror';
import type { PMNode } from './prosemirror';
import { proseMirrorToText } from './prosemirror-to-text';

export interface TemplatePrompt {
  /** The heading's text, or '' for the prompt of the paragraph before the first heading. */
  heading: string;
  prompt: string;
}

export interface TemplateDocument {
  doc: PMNode;
  prompts: TemplatePrompt[];
}

const PROMPT_MAX = 500;

/** The key under which the editor looks up a heading's prompt (shared with the web app). */
export const headingKey = templateHeadingKey;

export function templateDocument(markdown: string): TemplateDocument {
  const blocks = markdownToProseMirror(markdown).content ?? [];
  const content: PMNode[] = [];
  const prompts: TemplatePrompt[] = [];
  let heading: string | null = null;
  let prompt: string[] = [];
  const endSection = () => {
    const text = prompt.join(' ').replace(/\s+/g, ' ').trim().slice(0, PROMPT_MAX);
    if (text && heading !== null) prompts.push({ heading, prompt: text });
    prompt = [];
  };
  for (const block of blocks) {
    if (block.type === 'heading') {
      endSection();
      heading = headingKey(proseMirrorToText(block));
      content.push(block, { type: 'paragraph' });
    } else if (block.type === 'paragraph') {
      if (heading === null) {
        // Text before the first heading prompts the document's first paragraph.
        heading = '';
        content.push({ type: 'paragraph' });
      }
      prompt.push(proseMirrorToText(block));
    } else {
      content.push(block);
    }
  }
  endSection();
  if (content[content.length - 1]?.type !== 'paragraph') content.push({ type: 'paragraph' });
  return { doc: { type: 'doc', content }, prompts };
}
