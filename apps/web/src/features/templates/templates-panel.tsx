import { useState } from 'react';
import { KIND_LABELS } from '@spiraal/domain';
import { graphql } from '../../shared/api/graphql';
import { useAction, useQuery } from '../../shared/api/use-query';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { ARCHIVE_TEMPLATE, TEMPLATES_QUERY, type Template } from '../../entities/templates/template-queries';
import { TemplateForm, type TemplateDraft } from './template-form';
import { templateMessages } from './messages';
import './templates.css';

/**
 * The community's templates: the built-in ones and its own. Facilitators
 * write new ones (or start from a copy of a built-in one), change and
 * archive their own; everyone else sees what there is (docs/templates.md).
 */
export function TemplatesPanel({ communityId, manage }: { communityId: string; manage: boolean }) {
  const m = useMessages(templateMessages);
  const { language } = useLanguage();
  const { data, error, reload } = useQuery(TEMPLATES_QUERY, { communityId });
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const [done, setDone] = useState('');
  const archive = useAction();

  if (!data && error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;

  const startNew = () => setDraft({ kind: 'CASE', name: '', description: '', body: m.example });
  const edit = (template: Template) => setDraft({ ...template });
  const copy = (template: Template) => setDraft({ ...template, id: undefined, name: `${template.name} (eigen)` });
  const remove = async (template: Template) => {
    const result = await archive.run(() => graphql(ARCHIVE_TEMPLATE, { id: template.id }));
    if (!result) return;
    setDone(m.archived(template.name));
    reload();
  };

  return (
    <>
      <p className="muted">{m.intro}</p>
      {!manage && <p className="message message-info">{m.readOnly}</p>}
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
      {manage &&
        (draft ? (
          <TemplateForm
            key={draft.id ?? 'new'}
            communityId={communityId}
            draft={draft}
            onSaved={(template) => {
              setDraft(null);
              setDone(m.saved(template.name));
              reload();
            }}
            onCancel={() => setDraft(null)}
          />
        ) : (
          <div className="actions">
            <button type="button" className="button-primary" onClick={startNew}>
              {m.newTitle}
            </button>
          </div>
        ))}
      <ErrorMessage error={archive.error} />
      <ul className="template-list">
        {data.templates.map((template) => (
          <li key={template.id} className="panel">
            <h2>{template.name}</h2>
            <p className="muted">
              {KIND_LABELS[template.kind][language === 'en' ? 'en' : 'nl']} · {template.builtIn ? m.builtIn : m.own} ·{' '}
              {m.prompts(template.prompts.length)}
            </p>
            {template.description && <p>{template.description}</p>}
            {manage && (
              <div className="actions">
                {template.builtIn ? (
                  <button type="button" className="button-secondary" onClick={() => copy(template)}>
                    {m.copy}
                    <span className="visually-hidden">: {template.name}</span>
                  </button>
                ) : (
                  <>
                    <button type="button" className="button-secondary" onClick={() => edit(template)}>
                      {m.edit}
                      <span className="visually-hidden">: {template.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={archive.busy}
                      onClick={() => void remove(template)}
                    >
                      {m.archive}
                      <span className="visually-hidden">: {template.name}</span>
                    </button>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
