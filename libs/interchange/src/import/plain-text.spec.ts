import { proseMirrorToMarkdown } from '@spiraal/collab';
import { cleanExtractedText, textToProseMirror } from './plain-text';

describe('cleanExtractedText (text from PDF extraction)', () => {
  it('joins words split over line ends, but keeps shortened compounds and real hyphens', () => {
    const text =
      'Goede samen-\nwerking tussen zorg-\nen welzijnspartners in Noord-\nBrabant en de Wmo-\nwerkplaatsen, ook voor 18-\n23 jarigen.';
    expect(cleanExtractedText(text)).toBe(
      'Goede samenwerking tussen zorg- en welzijnspartners in Noord-Brabant en de Wmo-werkplaatsen, ook voor 18-23 jarigen.',
    );
  });

  it('joins words split without a hyphen when the document itself uses the whole word', () => {
    const text =
      'De praktijken in de wijk zijn divers.\nWe leren van prak\ntijken en van de wijk\nzelf, niet van de wijkteams.';
    expect(cleanExtractedText(text)).toBe(
      'De praktijken in de wijk zijn divers. We leren van praktijken en van de wijk zelf, niet van de wijkteams.',
    );
  });

  it('rejoins hard-wrapped lines into paragraphs; blank lines and indented new sentences start a new one', () => {
    const text =
      'Dit is de eerste\nalinea van het verslag.\n\nDe tweede alinea\nloopt door.\n  Een ingesprongen regel na een punt\nbegint een alinea.';
    expect(cleanExtractedText(text).split('\n\n')).toEqual([
      'Dit is de eerste alinea van het verslag.',
      'De tweede alinea loopt door.',
      'Een ingesprongen regel na een punt begint een alinea.',
    ]);
  });

  it('drops page numbers and headers and footers that repeat on every page', () => {
    const page = (n: number, body: string) => `Leernetwerk Wijkzorg – jaarverslag\n\n${body}\n\nPagina ${n} van 3\n`;
    const text = [page(1, 'Eerste pagina met\ntekst.'), page(2, 'Tweede pagina.'), page(3, 'Derde pagina.')].join('\f');
    expect(cleanExtractedText(text).split('\n\n')).toEqual([
      'Eerste pagina met tekst.',
      'Tweede pagina.',
      'Derde pagina.',
    ]);
    // Without page breaks, a line repeated next to page numbers is a running header.
    const flat =
      'Jaarverslag 2023\n12\nEen zin die\ndoorloopt.\nJaarverslag 2023\n13\nNog een zin.\nJaarverslag 2023\n14\n';
    expect(cleanExtractedText(flat)).toBe('Een zin die doorloopt.\n\nNog een zin.');
  });

  it('keeps lines that repeat as content (not next to page numbers, no pages)', () => {
    const text = 'Wat gebeurt er?\nIets.\n\nWat gebeurt er?\nIets anders.\n\nWat gebeurt er?\nNog iets.';
    expect(cleanExtractedText(text).match(/Wat gebeurt er\?/g)).toHaveLength(3);
  });

  it('splits glued words where that is certain, and leaves addresses alone', () => {
    expect(
      cleanExtractedText(
        'Het werk.De volgende stap; zie www.Movisie.nl of info@Werkplaats.nl en deWerkplaatsen. Een iPhone en WhatsApp.',
      ),
    ).toBe(
      'Het werk. De volgende stap; zie www.Movisie.nl of info@Werkplaats.nl en de Werkplaatsen. Een iPhone en WhatsApp.',
    );
  });
});

describe('textToProseMirror', () => {
  it('makes paragraphs, capitals headings and lists', () => {
    const text =
      'VOORS EN TEGENS\n\nEen alinea\nover twee regels.\n\n• eerste punt\n• tweede punt dat\ndoorloopt\n1. stap een\n2. stap twee\n';
    expect(proseMirrorToMarkdown(textToProseMirror(text))).toBe(
      [
        '## VOORS EN TEGENS',
        '',
        'Een alinea over twee regels.',
        '',
        '- eerste punt',
        '- tweede punt dat doorloopt',
        '',
        '1. stap een',
        '2. stap twee',
        '',
      ].join('\n'),
    );
  });

  it('gives an empty document for whitespace only', () => {
    expect(textToProseMirror(' \n\n ')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
