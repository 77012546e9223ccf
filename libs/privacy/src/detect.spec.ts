import { detectPersonalData } from './detect';
import { isValidBsn, isValidIban } from './checksums';

const kinds = (text: string) => detectPersonalData(text).map((f) => `${f.kind}:${f.text}`);

describe('checksums', () => {
  it('accepts a BSN that passes the elfproef and refuses one digit off', () => {
    expect(isValidBsn('123457002')).toBe(true);
    expect(isValidBsn('123457003')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });

  it('checks an IBAN with mod 97, with or without spaces', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
  });
});

describe('detectPersonalData', () => {
  it('finds the name, age, address and BSN of the issue example, with offsets', () => {
    const text = 'Mevrouw Jansen (82) woont aan de Lindelaan 14, BSN 123457002';
    const found = detectPersonalData(text);
    expect(found.map((f) => f.kind)).toEqual(['NAME', 'AGE', 'ADDRESS', 'BSN']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found[0].text).toBe('Jansen');
  });

  it('finds names of many origins with particles and double surnames', () => {
    expect(kinds('Haar zoon Ahmed el Amrani belde.')).toEqual(['NAME:Ahmed el Amrani']);
    expect(kinds('Dhr. J.P. Visser-de Graaf gaf toestemming.')).toEqual(['NAME:J.P. Visser-de Graaf']);
    expect(kinds('Gisteren sprak ik Priya Ramdin.')).toEqual(['NAME:Priya Ramdin']);
    expect(kinds('De heer van der Linden was er niet.')).toEqual(['NAME:van der Linden']);
  });

  it('does not read a sentence opener after a role word as a name', () => {
    expect(kinds('Bespreek het met de huisarts. Zie https://example.org/richtlijn-dementie.')).toEqual([]);
    expect(kinds('Tip van een collega: Zie https://example.org/handreiking')).toEqual([]);
    expect(kinds('Ze belde haar moeder. Gisteren ging het beter.')).toEqual([]);
    expect(kinds('Ze belde haar moeder. Fatima was blij.')).toEqual(['NAME:Fatima']);
    expect(kinds('Cliënt: Bouchra Tahiri.')).toEqual(['NAME:Bouchra Tahiri']);
  });

  it('follows a person found once to the other mentions', () => {
    expect(kinds('Cliënt Bouchra Tahiri belde. Later zei Tahiri dat het beter gaat.')).toEqual([
      'NAME:Bouchra Tahiri',
      'NAME:Tahiri',
    ]);
  });

  it('leaves theory authors, laws, meeting dates, counts and places alone', () => {
    expect(kinds('Volgens Kolb (1984) en Nonaka en Takeuchi (1995) leren we door ervaring.')).toEqual([]);
    expect(kinds('De intervisie op 12 maart 2024 in Utrecht ging over de Jeugdwet; er waren 14 deelnemers.')).toEqual(
      [],
    );
    expect(kinds('Het project loopt al 3 jaar en de organisatie viert haar 25-jarig bestaan.')).toEqual([]);
    expect(kinds('Bestelnummer 123456789 en factuur 2024001234.')).toEqual([]);
  });

  it('finds phone numbers in Dutch forms but not dates', () => {
    expect(kinds('Bel 06-12345678, +31 (0)6 4567 8901 of 020 - 6123456.')).toEqual([
      'PHONE:06-12345678',
      'PHONE:+31 (0)6 4567 8901',
      'PHONE:020 - 6123456',
    ]);
    expect(kinds('De evaluatie is op 01-06-2025.')).toEqual([]);
  });

  it('finds e-mail, IBAN, postcode and birth date', () => {
    expect(kinds('Mail a.b@example.nl, IBAN NL91 ABNA 0417 1643 00, 1063 BJ, geboren op 3 maart 1987.')).toEqual([
      'EMAIL:a.b@example.nl',
      'IBAN:NL91 ABNA 0417 1643 00',
      'POSTCODE:1063 BJ',
      'BIRTHDATE:3 maart 1987',
    ]);
  });

  it('finds ages about a person, identifiers with context, and soft institution and place', () => {
    expect(kinds('Een 16-jarige jongen; hij is 45 jaar oud. Dossiernummer 4471902.')).toEqual([
      'AGE:16-jarige',
      'AGE:45 jaar oud',
      'IDENTIFIER:4471902',
    ]);
    const soft = detectPersonalData('Haar zoon zit op basisschool De Regenboog en zij woont in Lelystad.');
    expect(soft.map((f) => [f.kind, f.text, f.confidence < 0.6])).toEqual([
      ['INSTITUTION', 'basisschool De Regenboog', true],
      ['LOCATION', 'Lelystad', true],
    ]);
  });

  it('finds nothing in pseudonymised text', () => {
    expect(kinds('Mevrouw Persoon A [leeftijd] woont aan de [adres], BSN [BSN].')).toEqual([]);
  });

  it('returns findings sorted and never overlapping', () => {
    const found = detectPersonalData('Mail jan.jansen@example.nl of bel Jan Jansen op 06 12345678.');
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
    expect(found.map((f) => f.kind)).toEqual(['EMAIL', 'NAME', 'PHONE']);
  });
});

describe('maskNumbersInSnippet', () => {
  it('hides a BSN and an IBAN in a snippet, also when marks split them', () => {
    const { maskNumbersInSnippet } = jest.requireActual('./mask') as typeof import('./mask');
    expect(maskNumbersInSnippet('BSN <mark>123457002</mark> en NL91 ABNA <mark>0417</mark> 1643 00 van &amp; de')).toBe(
      'BSN <mark>[BSN]</mark> en [IBAN]<mark></mark> van &amp; de',
    );
    expect(maskNumbersInSnippet('geen <mark>nummers</mark>')).toBe('geen <mark>nummers</mark>');
  });
});

describe('already anonymised forms', () => {
  it('leaves "mevrouw J." (initials only) alone', () => {
    expect(detectPersonalData('Casus: mevrouw J. wil geen hulp, dhr. K.L. ook niet.')).toEqual([]);
  });
});
