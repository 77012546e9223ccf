import { LIMITS } from '@spiraal/domain';
import { FormEvent, useId, useRef, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { parseTags } from '../../shared/ui/format';
import { PageHeading } from '../../shared/ui/page-heading';
import { ItemDetail, UPDATE_ITEM } from './item-queries';
import { itemMessages } from './messages';
import './items.css';

interface ItemDetailsProps {
  item: ItemDetail;
  editable: boolean;
  onSaved(): void;
}

/** The item's title (the page's h1) and tags; members and facilitators edit them in place. */
export function ItemDetails({ item, editable, onSaved }: ItemDetailsProps) {
  const m = useMessages(itemMessages);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [tags, setTags] = useState(item.tags.join(', '));
  const { run, busy, error, clearError } = useAction();
  const editButton = useRef<HTMLButtonElement>(null);
  const id = useId();

  const startEditing = () => {
    setTitle(item.title);
    setTags(item.tags.join(', '));
    clearError();
    setEditing(true);
  };
  const stopEditing = () => {
    setEditing(false);
    // Back to the button that opened the form, once it is rendered again.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() =>
      graphql(UPDATE_ITEM, { input: { id: item.id, title: title.trim(), tags: parseTags(tags) } }),
    );
    if (!result) return;
    onSaved();
    stopEditing();
  };

  return (
    <div className="item-details">
      <PageHeading>{item.title}</PageHeading>
      {editing ? (
        <form className="form details-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-title`}>{m.title}</label>
            <input
              id={`${id}-title`}
              value={title}
              maxLength={LIMITS.titleMax}
              required
              autoFocus
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
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
              {busy ? m.saving : m.save}
            </button>
            <button type="button" className="button-secondary" onClick={stopEditing}>
              {m.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="details-view">
          {item.tags.length > 0 ? (
            <ul className="tags" aria-label={m.tagsLabel}>
              {item.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{m.noTags}</p>
          )}
          {editable && (
            <button ref={editButton} type="button" className="button-quiet" onClick={startEditing}>
              {m.editDetails}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
