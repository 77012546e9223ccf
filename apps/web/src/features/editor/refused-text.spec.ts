import { describe, expect, it } from 'vitest';
import { refusedText } from './refused-text';

describe('refused text', () => {
  it('is what was typed in one place, at the end, the start or in the middle', () => {
    expect(refusedText('Eerst aanbellen. Dan wachten.', 'Eerst aanbellen.')).toBe('Dan wachten.');
    expect(refusedText('Let op: eerst aanbellen.', 'eerst aanbellen.')).toBe('Let op:');
    expect(refusedText('Eerst rustig aanbellen.', 'Eerst aanbellen.')).toBe('rustig');
  });

  it('covers edits in several places, and is empty when nothing of ours is missing', () => {
    expect(refusedText('A nieuw B ook C', 'A B C')).toBe('nieuw B ook');
    expect(refusedText('Zelfde tekst', 'Zelfde tekst')).toBe('');
    expect(refusedText('', 'Iets van een ander')).toBe('');
  });
});
