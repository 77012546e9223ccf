import { FormEvent, useId, useState } from 'react';
import { LIMITS, VISIBILITIES, type Visibility } from '@spiraal/domain';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { TextField } from '../../shared/ui/text-field';
import { UPDATE_COMMUNITY } from './directory-queries';
import { directoryMessages } from './messages';

interface Settings {
  id: string;
  name: string;
  description: string;
  visibility: Visibility;
}

/** Facilitators change the community's name, description and visibility (the API records it in the audit log). */
export function CommunitySettingsForm({ community, onSaved }: { community: Settings; onSaved(): void }) {
  const m = useMessages(directoryMessages);
  const id = useId();
  const [name, setName] = useState(community.name);
  const [description, setDescription] = useState(community.description);
  const [visibility, setVisibility] = useState<Visibility>(community.visibility);
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const result = await run(() =>
      graphql(UPDATE_COMMUNITY, { input: { id: community.id, name, description, visibility } }),
    );
    if (!result) return;
    setDone(m.saved);
    onSaved();
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.settingsTitle}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <TextField
          label={m.name}
          value={name}
          maxLength={LIMITS.communityNameMax}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="field">
          <label htmlFor={`${id}-description`}>{m.description}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            maxLength={LIMITS.communityDescriptionMax}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>{m.visibility}</legend>
          {VISIBILITIES.map((v) => (
            <label key={v} className="choice">
              <input
                type="radio"
                name={`${id}-visibility`}
                value={v}
                checked={visibility === v}
                onChange={() => setVisibility(v)}
              />{' '}
              {m.visibilities[v]}
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={error} />
        <button type="submit" className="button-secondary" disabled={busy}>
          {m.save}
        </button>
      </form>
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
    </section>
  );
}
