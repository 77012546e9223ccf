import { splitPassages } from './passages';

describe('splitPassages', () => {
  it('keeps a short text whole', () => {
    expect(splitPassages('Een korte casus.\n\nMet twee alinea’s.')).toEqual(['Een korte casus.\n\nMet twee alinea’s.']);
    expect(splitPassages('')).toEqual(['']);
  });

  it('splits a long text into passages of at most the maximum, losing no word', () => {
    const text = Array.from({ length: 95 }, (_, i) => `woord${i}`).join(' ');
    const passages = splitPassages(text, 20);
    expect(passages.every((p) => p.split(/\s+/).length <= 20)).toBe(true);
    expect(passages.join(' ').split(/\s+/)).toEqual(text.split(' '));
  });

  it('ends a passage at a paragraph break when one is in its second half', () => {
    const paragraph = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
    const passages = splitPassages(`${paragraph(15, 'a')}\n\n${paragraph(15, 'b')}`, 20);
    expect(passages[0]).toBe(paragraph(15, 'a'));
    expect(passages[1]).toBe(paragraph(15, 'b'));
  });
});
