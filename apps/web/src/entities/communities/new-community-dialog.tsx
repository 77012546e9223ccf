import { LIMITS } from '@spiraal/domain';
import { TextField } from '../../shared/ui/text-field';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { PerspectiveSelect } from './perspective-select';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { useCommunities } from './communities-provider';
import { CREATE_COMMUNITY } from './community-queries';
import { communityMessages } from './messages';
import { Perspective, Visibility } from './vocabulary';

/** Start a leernetwerk; the creator becomes its facilitator and lands on its home page. */
export function NewCommunityDialog({ onClose }: { onClose(): void }) {
  const m = useMessages(communityMessages);
  const { reload } = useCommunities();
  const { run, busy, error } = useAction();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('PRIVATE');
  const [perspective, setPerspective] = useState<Perspective>('PROFESSIONAL');
  const [missingName, setMissingName] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissingName(true);
      return;
    }
    setMissingName(false);
    const result = await run(() =>
      graphql(CREATE_COMMUNITY, {
        input: { name: name.trim(), description: description.trim(), visibility, perspective },
      }),
    );
    if (!result) return;
    reload();
    onClose();
    navigate(`/c/${result.createCommunity.id}`);
  };

  return (
    <Dialog title={m.newCommunity} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <TextField
          label={m.name}
          data-autofocus
          value={name}
          maxLength={LIMITS.communityNameMax}
          required
          problem={missingName ? m.nameRequired : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="field">
          <label htmlFor={`${id}-description`}>{m.description}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            maxLength={LIMITS.communityDescriptionMax}
            aria-describedby={`${id}-description-hint`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <p id={`${id}-description-hint`} className="hint">
            {m.descriptionHint}
          </p>
        </div>
        <fieldset className="field">
          <legend>{m.visibility}</legend>
          {(['PRIVATE', 'NETWORK'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-visibility`}
                value={value}
                checked={visibility === value}
                onChange={() => setVisibility(value)}
              />
              <span>
                <span className="choice-title">{value === 'PRIVATE' ? m.private : m.network}</span>
                <span className="hint">{value === 'PRIVATE' ? m.privateHint : m.networkHint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <PerspectiveSelect label={m.myPerspective} value={perspective} onChange={setPerspective} />
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
