import { LIMITS } from '@spiraal/domain';
import { TextField } from '../../shared/ui/text-field';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction, useQuery } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { parseTags } from '../../shared/ui/format';
import { CREATE_ITEM, NEW_ITEM_TEMPLATES } from './item-queries';
import { itemMessages } from './messages';
import { ItemKind, kindsFor, KINDS_WITH_TEMPLATE } from './vocabulary';
import './items.css';

interface NewItemDialogProps {
  communityId: string;
  role: string | null;
  initialKind?: ItemKind;
  onClose(): void;
}

/** Start an item of a chosen kind from its template; then open its page to write. */
export function NewItemDialog({ communityId, role, initialKind = 'CASE', onClose }: NewItemDialogProps) {
  const m = useMessages(itemMessages);
  const { run, busy, error } = useAction();
  const [kind, setKind] = useState<ItemKind>(initialKind);
  const [title, setTitle] = useState('');
  const [tags, setTags] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const id = useId();
  // The built-in and the community's own templates of the chosen kind; undefined: the kind's built-in one.
  const templates = useQuery(NEW_ITEM_TEMPLATES, { communityId }).data?.templates ?? [];
  const ofKind = templates.filter((template) => template.kind === kind);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const templateId = chosen[kind] ?? ofKind.find((template) => template.builtIn)?.id ?? ofKind[0]?.id ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setMissingTitle(true);
      return;
    }
    setMissingTitle(false);
    // The server writes the chosen template's headings into the document; its prompts show as
    // placeholders (docs/templates.md). Before the templates load, the kind's built-in one.
    const from = templates.length > 0 ? (templateId ? { templateId } : {}) : { template: true };
    const result = await run(() =>
      graphql(CREATE_ITEM, {
        input: { communityId, kind, title: title.trim(), tags: parseTags(tags), ...from },
      }),
    );
    if (!result) return;
    onClose();
    navigate(`/items/${result.createItem.id}`);
  };

  return (
    <Dialog title={m.newItem} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <fieldset className="field">
          <legend>{m.kind}</legend>
          <div className="kind-choices">
            {kindsFor(role).map((k) => (
              <label key={k} className="choice">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-autofocus={kind === k ? true : undefined}
                />
                <span>
                  <span className="choice-title">{m.kinds[k]}</span>
                  <span className="hint">{m.kindHints[k]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {ofKind.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-template`}>{m.templateLabel}</label>
            <select
              id={`${id}-template`}
              value={templateId}
              onChange={(e) => setChosen({ ...chosen, [kind]: e.target.value })}
            >
              {ofKind.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
              <option value="">{m.noTemplate}</option>
            </select>
            <p className="hint" aria-live="polite">
              {templateId ? (ofKind.find((t) => t.id === templateId)?.description ?? '') : m.withoutTemplate}
            </p>
          </div>
        ) : (
          <p className="note" aria-live="polite">
            {KINDS_WITH_TEMPLATE.includes(kind) ? m.withTemplate(m.kinds[kind]) : m.withoutTemplate}
          </p>
        )}
        <TextField
          label={m.title}
          value={title}
          maxLength={LIMITS.titleMax}
          required
          problem={missingTitle ? m.titleRequired : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="field">
          <label htmlFor={`${id}-tags`}>{m.tags}</label>
          <input
            id={`${id}-tags`}
            value={tags}
            aria-describedby={`${id}-tags-hint`}
            onChange={(e) => setTags(e.target.value)}
          />
          <p id={`${id}-tags-hint`} className="hint">
            {m.tagsHint}
          </p>
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? m.creating : m.create}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
