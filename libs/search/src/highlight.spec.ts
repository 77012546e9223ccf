import fc from 'fast-check';
import { escapeHtml, highlightSegments, MARK_END, MARK_START, markedToHtml } from './highlight';

const m = (word: string) => `${MARK_START}${word}${MARK_END}`;

describe('highlights', () => {
  it('marks matched words and escapes everything else', () => {
    expect(markedToHtml(`<img src=x onerror="alert(1)"> & ${m('cliënt')}'s`)).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; <mark>cliënt</mark>&#39;s',
    );
  });

  it('closes an unbalanced mark and ignores a stray end', () => {
    expect(markedToHtml(`${MARK_END}a ${MARK_START}b`)).toBe('a <mark>b</mark>');
  });

  it('gives the text back as segments, whatever the text, with no HTML interpreted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.boolean()), { maxLength: 6 }), (parts) => {
        /* eslint-disable no-control-regex -- strips control characters like the code under test */
        const clean = parts
          .map(([text, marked]) => [text.replace(/[\u0000-\u001f]/g, ''), marked] as const)
          .filter(([t]) => t);
        const html = markedToHtml(clean.map(([text, marked]) => (marked ? m(text) : text)).join(''));
        /* eslint-enable no-control-regex */
        const segments = highlightSegments(html);
        expect(segments.map((s) => s.text).join('')).toBe(clean.map(([t]) => t).join(''));
        expect(
          segments
            .filter((s) => s.marked)
            .map((s) => s.text)
            .join(''),
        ).toBe(
          clean
            .filter(([, marked]) => marked)
            .map(([t]) => t)
            .join(''),
        );
      }),
    );
  });

  it('shows a tag that is not <mark> as text', () => {
    expect(highlightSegments(`${escapeHtml('<script>')}<mark>x</mark>`)).toEqual([
      { text: '<script>', marked: false },
      { text: 'x', marked: true },
    ]);
  });
});
