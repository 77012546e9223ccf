import { describe, expect, it } from 'vitest';
import { blockCommands, filterSlashCommands } from './slash-commands';
import { slashMessages } from './slash-messages';

describe('filterSlashCommands', () => {
  const nl = blockCommands(slashMessages.nl);
  const en = blockCommands(slashMessages.en);

  it('finds the table by its Dutch and English names, whatever the case or accents', () => {
    expect(filterSlashCommands(nl, 'tabel').map((c) => c.id)).toEqual(['table']);
    expect(filterSlashCommands(nl, 'TÁBEL').map((c) => c.id)).toEqual(['table']);
    expect(filterSlashCommands(nl, 'table').map((c) => c.id)).toEqual(['table']);
    expect(filterSlashCommands(en, 'tabel').map((c) => c.id)).toEqual(['table']);
    expect(filterSlashCommands(nl, 'foto').map((c) => c.id)).toEqual(['image']);
    expect(filterSlashCommands(en, 'pdf').map((c) => c.id)).toEqual(['file']);
  });

  it('lists everything for an empty query, label matches before keyword matches, nothing for nonsense', () => {
    expect(filterSlashCommands(nl, '')).toHaveLength(nl.length);
    // "Genummerde lijst" by its label, then "Opsomming" by its keyword "lijst".
    expect(filterSlashCommands(nl, 'lijst').map((c) => c.id)).toEqual(['orderedList', 'bulletList']);
    expect(filterSlashCommands(nl, 'xyzzy')).toEqual([]);
  });
});
