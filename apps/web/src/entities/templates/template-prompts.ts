import { templateHeadingKey } from '@spiraal/domain';
import type { Template } from './template-queries';

/**
 * The prompts the editor shows as placeholders, by heading (docs/templates.md):
 * those of the item's own template first, then those of every other template
 * of the community (a template inserted with "/" brings its headings too).
 */
export class TemplatePrompts {
  private readonly byHeading = new Map<string, string>();

  constructor(templates: readonly Template[] = [], ownTemplateId: string | null = null) {
    const own = templates.filter((template) => template.id === ownTemplateId);
    for (const template of [...own, ...templates.filter((t) => t.id !== ownTemplateId)]) {
      for (const { heading, prompt } of template.prompts) {
        if (!this.byHeading.has(heading)) this.byHeading.set(heading, prompt);
      }
    }
  }

  /** The prompt under a heading with this text; `null` heading: the document's first paragraph. */
  promptFor(headingText: string | null): string {
    return this.byHeading.get(headingText === null ? '' : templateHeadingKey(headingText)) ?? '';
  }
}
