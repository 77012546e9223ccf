import { CompoundSplitter } from './compounds';

const splitter = CompoundSplitter.fromHunspell(
  ['12', 'team/Za', 'overleg/Zb', 'intervisie', 'bijeenkomst/Zc', 'werkplaats', 'ontwikkelen', 'kennis', 'spiraal', 'niveau', 'reflectie', 'nis', 'ken', 'cliënt', 'zorg'].join('\n'),
);

describe('CompoundSplitter', () => {
  it('splits a compound into known words, either way round', () => {
    expect(splitter.split('teamoverleg')).toEqual(['team', 'overleg']);
    expect(splitter.split('intervisiebijeenkomst')).toEqual(['intervisie', 'bijeenkomst']);
  });

  it('knows verb stems, plural endings and linking sounds', () => {
    expect(splitter.split('ontwikkelwerkplaatsen')).toEqual(['ontwikkel', 'werkplaatsen']);
    expect(splitter.split('reflectieniveaus')).toEqual(['reflectie', 'niveaus']);
    expect(splitter.split('kennisspiraal')).toEqual(['kennis', 'spiraal']);
    expect(splitter.split('clientenzorg')).toEqual(['clienten', 'zorg']);
  });

  it('leaves short words and words of unknown parts whole', () => {
    expect(splitter.split('kennis')).toEqual([]);
    expect(splitter.split('teamxyzzyx')).toEqual([]);
    expect(splitter.split('organisatie')).toEqual([]);
  });

  it('folds accents in the word list', () => {
    expect(splitter.size).toBeGreaterThan(10);
    expect(splitter.split('clientoverleg')).toEqual(['client', 'overleg']);
  });
});
