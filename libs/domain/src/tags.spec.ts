import { firstSpellings, spellTags, tagKey } from './tags';
import { validateTags } from './validation';

describe('tags', () => {
  it('are one tag whatever their case or accents', () => {
    expect(tagKey('Mantelzorg')).toBe(tagKey('mantelzorg'));
    expect(tagKey('Cliënt  participatie')).toBe(tagKey('client participatie'));
    expect(tagKey('mantelzorg')).not.toBe(tagKey('mantelzorger'));
  });

  it('take the spelling the community used first', () => {
    const known = firstSpellings(['Mantelzorg', 'mantelzorg', 'GGZ', 'ggz']);
    expect(spellTags(['MANTELZORG', 'ggz', 'wijkteam', 'Mantélzorg'], known)).toEqual([
      'Mantelzorg',
      'GGZ',
      'wijkteam',
    ]);
  });

  it('drop accent-only duplicates within one item', () => {
    expect(validateTags(['Cliënt', 'client', 'CLIENT'])).toEqual(['Cliënt']);
  });
});
