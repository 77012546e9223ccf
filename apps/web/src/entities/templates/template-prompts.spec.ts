import { describe, expect, it } from 'vitest';
import { TemplatePrompts } from './template-prompts';
import type { Template } from './template-queries';

const template = (id: string, prompts: { heading: string; prompt: string }[]): Template =>
  ({ id, name: id, description: '', kind: 'CASE', body: '', builtIn: false, prompts, document: '' }) as Template;

describe('TemplatePrompts', () => {
  it('finds a prompt by heading text, whatever its case and spacing, the item’s own template first', () => {
    const prompts = new TemplatePrompts(
      [
        template('a', [{ heading: 'wat gebeurde er?', prompt: 'Uit het verhaal' }]),
        template('b', [
          { heading: 'wat gebeurde er?', prompt: 'Uit de reflectie' },
          { heading: '', prompt: 'Inleiding' },
        ]),
      ],
      'b',
    );
    expect(prompts.promptFor('  Wat  gebeurde er? ')).toBe('Uit de reflectie');
    expect(prompts.promptFor(null)).toBe('Inleiding');
    expect(prompts.promptFor('Onbekend')).toBe('');
    expect(new TemplatePrompts().promptFor('Situatie')).toBe('');
  });
});
