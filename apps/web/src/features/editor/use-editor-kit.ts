import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useMessages } from '../../shared/i18n/language';
import { ITEM_TEMPLATE_ID, TEMPLATES_QUERY, type Template } from '../../entities/templates/template-queries';
import { TemplatePrompts } from '../../entities/templates/template-prompts';
import { redrawPrompts, type EditorKitOptions } from './editor-kit';
import { blockCommands, type SlashCommand } from './slash-commands';
import { slashMessages } from './slash-messages';

/**
 * The editor kit's options for one item: the blocks, the community's
 * templates and `extra` entries (images and files) in the "/" menu, and the
 * prompts of the item's template as placeholders (docs/templates.md).
 * Returns stable options that read the latest values, and `attach` to tell
 * it which editor to redraw when the templates arrive.
 */
export function useEditorKit(
  itemId: string,
  communityId: string | undefined,
  extra: readonly SlashCommand[] = [],
): { options: EditorKitOptions; attach(editor: Editor | null): void } {
  const t = useMessages(slashMessages);
  const state = useRef({
    t,
    extra,
    templates: [] as Template[],
    prompts: new TemplatePrompts(),
    editor: null as Editor | null,
  });
  state.current.t = t;
  state.current.extra = extra;

  const kit = useRef<{ options: EditorKitOptions; attach(editor: Editor | null): void } | null>(null);
  kit.current ??= {
    options: {
      slashCommands: () => {
        const { t: m, templates, extra: more } = state.current;
        return [...blockCommands(m), ...more, ...templates.map((template) => templateCommand(template, m))];
      },
      promptFor: (heading) => state.current.prompts.promptFor(heading),
      menuLabel: () => state.current.t.menuLabel,
      found: (n) => state.current.t.found(n),
    },
    attach: (editor) => {
      state.current.editor = editor;
    },
  };

  useEffect(() => {
    if (!communityId) return;
    let current = true;
    void Promise.all([
      graphql(TEMPLATES_QUERY, { communityId }),
      graphql(ITEM_TEMPLATE_ID, { id: itemId }).catch(() => null),
    ]).then(
      ([data, item]) => {
        if (!current) return;
        state.current.templates = data.templates;
        state.current.prompts = new TemplatePrompts(data.templates, item?.item?.templateId ?? null);
        if (state.current.editor) redrawPrompts(state.current.editor);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [itemId, communityId]);

  return kit.current;
}

/** "/" + a template's name: writes its headings and empty paragraphs (its prompts show as placeholders). */
function templateCommand(template: Template, t: (typeof slashMessages)['nl']): SlashCommand {
  return {
    id: `template-${template.id}`,
    label: t.template(template.name),
    hint: template.description || undefined,
    keywords: ['sjabloon', 'template', template.name.toLocaleLowerCase('nl')],
    group: t.templates,
    run: (editor, range) => {
      const content = (JSON.parse(template.document) as { content?: unknown[] }).content ?? [];
      editor.chain().focus().deleteRange(range).insertContent(content).run();
    },
  };
}
