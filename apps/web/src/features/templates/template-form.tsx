import { FormEvent, useId, useState } from 'react';
import { ITEM_KINDS, KIND_LABELS, TEMPLATE_LIMITS, type ItemKind } from '@spiraal/domain';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { TextField } from '../../shared/ui/text-field';
import { CREATE_TEMPLATE, UPDATE_TEMPLATE, type Template } from '../../entities/templates/template-queries';
import { templateMessages } from './messages';

export interface TemplateDraft {
  /** Set when changing a community's own template; absent for a new one. */
  id?: string;
  kind: ItemKind;
  name: string;
  description: string;
  body: string;
}

/** A facilitator writes or changes a template; the server checks it (names of invisible characters, sizes). */
export function TemplateForm({
  communityId,
  draft,
  onSaved,
  onCancel,
}: {
  communityId: string;
  draft: TemplateDraft;
  onSaved(template: Template): void;
  onCancel(): void;
}) {
  const m = useMessages(templateMessages);
  const { language } = useLanguage();
  const id = useId();
  const [fields, setFields] = useState(draft);
  const { run, busy, error } = useAction();
  const set = (change: Partial<TemplateDraft>) => setFields({ ...fields, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { kind, name, description, body } = fields;
    const result = await run(() =>
      draft.id
        ? graphql(UPDATE_TEMPLATE, { input: { id: draft.id, kind, name, description, body } }).then(
            (data) => data.updateTemplate,
          )
        : graphql(CREATE_TEMPLATE, { input: { communityId, kind, name, description, body } }).then(
            (data) => data.createTemplate,
          ),
    );
    if (result) onSaved(result);
  };

  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{draft.id ? m.editTitle(draft.name) : m.newTitle}</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{m.kind}</label>
        <select id={`${id}-kind`} value={fields.kind} onChange={(e) => set({ kind: e.target.value as ItemKind })}>
          {ITEM_KINDS.filter((kind) => kind !== 'GUIDELINE').map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind][language === 'en' ? 'en' : 'nl']}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={m.name}
        value={fields.name}
        maxLength={TEMPLATE_LIMITS.nameMax}
        required
        onChange={(e) => set({ name: e.target.value })}
      />
      <TextField
        label={m.description}
        value={fields.description}
        maxLength={TEMPLATE_LIMITS.descriptionMax}
        onChange={(e) => set({ description: e.target.value })}
      />
      <div className="field">
        <label htmlFor={`${id}-body`}>{m.body}</label>
        <textarea
          id={`${id}-body`}
          rows={14}
          maxLength={TEMPLATE_LIMITS.bodyMaxChars}
          value={fields.body}
          aria-describedby={`${id}-body-hint`}
          onChange={(e) => set({ body: e.target.value })}
        />
        <p id={`${id}-body-hint`} className="hint">
          {m.bodyHint}
        </p>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {m.save}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
