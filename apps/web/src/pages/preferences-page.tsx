import { MAIL_DELIVERIES, MailDelivery, NotificationKind } from '@spiraal/domain';
import { FormEvent, useEffect, useId, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction, useQuery } from '../shared/api/use-query';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { notificationMessages } from '../features/notifications/messages';
import { Preference, PREFERENCES_QUERY, UPDATE_PREFERENCES } from '../features/notifications/notification-queries';

/** /meldingen/instellingen: per kind, e-mail at once, daily, weekly or never. */
export function PreferencesPage() {
  const m = useMessages(notificationMessages);
  const id = useId();
  const { data, error } = useQuery(PREFERENCES_QUERY, {});
  const [choices, setChoices] = useState<Preference[]>([]);
  const [saved, setSaved] = useState('');
  const { run, busy, error: saveError } = useAction();
  useEffect(() => {
    if (data) setChoices(data.notificationPreferences);
  }, [data]);

  const choose = (kind: NotificationKind, delivery: MailDelivery) => {
    setSaved('');
    setChoices((list) => list.map((p) => (p.kind === kind ? { kind, delivery } : p)));
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => graphql(UPDATE_PREFERENCES, { input: { preferences: choices } }))) setSaved(m.saved);
  };

  return (
    <>
      <PageHeading>{m.settings}</PageHeading>
      <p className="hint">{m.settingsIntro}</p>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        <form className="form" onSubmit={(event) => void save(event)}>
          {choices.map((p) => (
            <div className="field" key={p.kind}>
              <label htmlFor={`${id}-${p.kind}`}>{m.kinds[p.kind]}</label>
              <select
                id={`${id}-${p.kind}`}
                value={p.delivery}
                onChange={(e) => choose(p.kind, e.target.value as MailDelivery)}
              >
                {MAIL_DELIVERIES.map((d) => (
                  <option key={d} value={d}>
                    {m.deliveries[d]}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <ErrorMessage error={saveError} />
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {m.save}
            </button>
          </div>
          <p role="status">{saved}</p>
        </form>
      )}
    </>
  );
}
