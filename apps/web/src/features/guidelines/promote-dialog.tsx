import { LIMITS, PROMOTABLE_KINDS, PROMOTE_MAX_SOURCES, sharedTags } from '@spiraal/domain';
import { FormEvent, useId, useMemo, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction, useQuery } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { StageBadge } from '../../entities/items/stage-badge';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { TextField } from '../../shared/ui/text-field';
import { CANDIDATES_MAX, CANDIDATES_QUERY, PROMOTE } from './guideline-queries';
import { guidelineMessages } from './messages';
import './guidelines.css';

interface PromoteDialogProps {
  communityId: string;
  /** Sources chosen already, e.g. the item whose page the dialog was opened from. */
  initialIds?: string[];
  onClose(): void;
}

/**
 * Uitwerken tot richtlijn: choose sources from the community's items (filtered
 * by title), give a title; the server writes the first draft with a section
 * and link per source, and the new guideline opens.
 */
export function PromoteDialog({ communityId, initialIds = [], onClose }: PromoteDialogProps) {
  const m = useMessages(guidelineMessages);
  const im = useMessages(itemMessages);
  const id = useId();
  const { data, error } = useQuery(CANDIDATES_QUERY, {
    communityId,
    kinds: [...PROMOTABLE_KINDS],
    first: CANDIDATES_MAX,
  });
  const { run, busy, error: saveError } = useAction();
  const [chosen, setChosen] = useState<string[]>(initialIds);
  const [filter, setFilter] = useState('');
  const [title, setTitle] = useState('');
  // The tags most sources share, until the facilitator writes their own.
  const [tagsText, setTagsText] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ title?: string; sources?: string }>({});

  const candidates = useMemo(() => data?.items.edges.map((e) => e.node) ?? [], [data]);
  const shown = useMemo(() => {
    const words = filter.trim().toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
    return candidates.filter((item) => words.every((word) => item.title.toLocaleLowerCase('nl').includes(word)));
  }, [candidates, filter]);

  const proposedTags = useMemo(
    () => sharedTags(candidates.filter((c) => chosen.includes(c.id)).map((c) => c.tags)),
    [candidates, chosen],
  );

  const toggle = (itemId: string, on: boolean) => {
    setChosen((list) => (on ? [...list, itemId] : list.filter((x) => x !== itemId)));
    if (on) setProblems((p) => ({ ...p, sources: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = {
      title: title.trim() ? undefined : m.titleRequired,
      sources:
        chosen.length === 0
          ? m.sourcesRequired
          : chosen.length > PROMOTE_MAX_SOURCES
            ? m.tooManySources(PROMOTE_MAX_SOURCES)
            : undefined,
    };
    setProblems(next);
    if (next.title || next.sources) return;
    // The sources in the order they are listed (newest first), as the guideline's sections.
    const ordered = [
      ...candidates.map((c) => c.id).filter((x) => chosen.includes(x)),
      ...chosen.filter((x) => !candidates.some((c) => c.id === x)),
    ];
    const tags = (tagsText ?? proposedTags.join(', '))
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const result = await run(() => graphql(PROMOTE, { input: { sourceItemIds: ordered, title: title.trim(), tags } }));
    if (!result) return;
    onClose();
    navigate(`/items/${result.promoteToGuideline.id}`);
  };

  return (
    <Dialog title={m.promote} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate className="form promote-form">
        <p className="note">{m.promoteIntro}</p>
        <fieldset className="field" aria-describedby={problems.sources ? `${id}-sources-problem` : undefined}>
          <legend>{m.sources}</legend>
          <TextField
            label={m.filter}
            hint={m.filterHint}
            type="search"
            value={filter}
            autoComplete="off"
            data-autofocus
            onChange={(e) => setFilter(e.target.value)}
          />
          <p className="chosen-count" role="status">
            {m.chosen(chosen.length)}
          </p>
          <ErrorMessage error={error} />
          {!data && !error && <Loading />}
          {data && candidates.length === 0 && <p className="muted">{m.noCandidates}</p>}
          {data && candidates.length > 0 && shown.length === 0 && <p className="muted">{m.noMatch}</p>}
          {shown.length > 0 && (
            <ul className="source-choices">
              {shown.map((item) => (
                <li key={item.id}>
                  <label className="source-choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(item.id)}
                      onChange={(e) => toggle(item.id, e.target.checked)}
                    />
                    <span className="source-choice-text">
                      <span className="source-choice-title">{item.title}</span>
                      <span className="source-choice-meta">
                        <span className="item-kind">{im.kinds[item.kind]}</span>
                        <StageBadge stage={item.stage} />
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {data && data.items.totalCount > candidates.length && (
            <p className="hint">{m.moreThanShown(candidates.length, data.items.totalCount)}</p>
          )}
          {problems.sources && (
            <p id={`${id}-sources-problem`} role="alert" className="field-error">
              {problems.sources}
            </p>
          )}
        </fieldset>
        <TextField
          label={m.title}
          hint={m.titleHint}
          value={title}
          maxLength={LIMITS.titleMax}
          required
          problem={problems.title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (e.target.value.trim()) setProblems((p) => ({ ...p, title: undefined }));
          }}
        />
        <TextField
          label={m.tags}
          hint={m.tagsHint}
          value={tagsText ?? proposedTags.join(', ')}
          onChange={(e) => setTagsText(e.target.value)}
        />
        <ErrorMessage error={saveError} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? m.creating : m.create}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {m.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
