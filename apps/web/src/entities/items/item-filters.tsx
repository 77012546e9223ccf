import { FormEvent, useEffect, useId, useState } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from './messages';
import { isItemKind, isSeciStage, ITEM_KINDS, ItemKind, SECI_STAGES, SeciStage } from './vocabulary';
import './items.css';

export interface Filters {
  kind: ItemKind | null;
  stage: SeciStage | null;
  tag: string;
  archived: boolean;
}

/** Filters live in the address (`?kind=CASE&stage=EXTERNALISATIE&tag=…`), so a filtered list can be shared. */
export function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  const stage = params.get('stage');
  return {
    kind: isItemKind(kind) ? kind : null,
    stage: isSeciStage(stage) ? stage : null,
    tag: params.get('tag')?.trim() ?? '',
    archived: params.get('archived') === '1',
  };
}

export function searchFromFilters(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.archived) params.set('archived', '1');
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The API's ItemFilter for these filters. */
export function apiFilter(filters: Filters) {
  return {
    kinds: filters.kind ? [filters.kind] : null,
    stages: filters.stage ? [filters.stage] : null,
    tags: filters.tag ? [filters.tag] : null,
    includeArchived: filters.archived,
  };
}

interface ItemFiltersProps {
  filters: Filters;
  onChange(filters: Filters): void;
  /** Tags seen in the loaded items, offered as suggestions. */
  knownTags: string[];
}

/** Kind and stage apply at once; the tag applies on Enter or its button. */
export function ItemFilters({ filters, onChange, knownTags }: ItemFiltersProps) {
  const m = useMessages(itemMessages);
  const id = useId();
  const [tag, setTag] = useState(filters.tag);
  useEffect(() => setTag(filters.tag), [filters.tag]);
  const submitTag = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, tag: tag.trim() });
  };
  const active = filters.kind || filters.stage || filters.tag || filters.archived;

  return (
    <form className="filters" onSubmit={submitTag} aria-label={m.filters} role="search">
      <div className="field">
        <label htmlFor={`${id}-kind`}>{m.kind}</label>
        <select
          id={`${id}-kind`}
          value={filters.kind ?? ''}
          onChange={(e) => onChange({ ...filters, kind: (e.target.value || null) as ItemKind | null })}
        >
          <option value="">{m.allKinds}</option>
          {ITEM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {m.kinds[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-stage`}>{m.stage}</label>
        <select
          id={`${id}-stage`}
          value={filters.stage ?? ''}
          onChange={(e) => onChange({ ...filters, stage: (e.target.value || null) as SeciStage | null })}
        >
          <option value="">{m.allStages}</option>
          {SECI_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {m.stages[stage]}
            </option>
          ))}
        </select>
      </div>
      <div className="field filter-tag">
        <label htmlFor={`${id}-tag`}>{m.tag}</label>
        <div className="input-with-button">
          <input
            id={`${id}-tag`}
            value={tag}
            list={`${id}-tags`}
            placeholder={m.tagPlaceholder}
            onChange={(e) => setTag(e.target.value)}
          />
          <button type="submit" className="button-secondary">
            {m.applyTag}
          </button>
        </div>
        <datalist id={`${id}-tags`}>
          {knownTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div className="filter-extra">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.archived}
            onChange={(e) => onChange({ ...filters, archived: e.target.checked })}
          />
          {m.includeArchived}
        </label>
        {active && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => onChange({ kind: null, stage: null, tag: '', archived: false })}
          >
            {m.clearFilters}
          </button>
        )}
      </div>
    </form>
  );
}
