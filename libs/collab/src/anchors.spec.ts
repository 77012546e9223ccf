import fc from 'fast-check';
import * as Y from 'yjs';
import {
  anchorQuote,
  bodyText,
  decodeAnchorPosition,
  encodeAnchorPosition,
  findQuote,
  MAX_QUOTE_LENGTH,
  resolveAnchor,
  type StoredAnchor,
} from './anchors';
import { BODY_FRAGMENT } from './prosemirror';
import { markdownToYDocUpdate } from './ydoc-body';

function docOf(markdown: string, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  Y.applyUpdate(doc, markdownToYDocUpdate(markdown));
  return doc;
}

/** The first paragraph's text node. */
function firstText(doc: Y.Doc, block = 0): Y.XmlText {
  return (doc.getXmlFragment(BODY_FRAGMENT).get(block) as Y.XmlElement).get(0) as Y.XmlText;
}

function anchored(doc: Y.Doc, exact: string, prefix?: string): StoredAnchor {
  const result = anchorQuote(doc, { exact, prefix });
  if (!result.ok) throw new Error(`not anchored: ${result.reason}`);
  return result.anchor;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const SENTENCE = 'Wat bedoel je met deze zin?';
const CASE = `De cliënt belde twee keer. ${SENTENCE} Daarna werd het stil.`;

describe('comment anchors', () => {
  describe('the body as text', () => {
    it('joins blocks with one newline and marks inline nodes', () => {
      const doc = docOf('# Kop\n\nEen **vette** zin.\n\n- punt een\n- punt twee\n\nregel\\\nnieuw');
      expect(bodyText(doc.getXmlFragment(BODY_FRAGMENT)).text).toBe(
        'Kop\nEen vette zin.\npunt een\npunt twee\nregel\uFFFCnieuw',
      );
    });
  });

  describe('finding a quote', () => {
    const text = 'de kat en de hond en de kat';
    it('finds the one occurrence', () => {
      expect(findQuote(text, { exact: 'hond' })).toEqual({ ok: true, start: 13, end: 17 });
    });
    it('refuses what does not occur', () => {
      expect(findQuote(text, { exact: 'muis' })).toEqual({ ok: false, reason: 'NOT_FOUND' });
    });
    it('refuses an occurrence twice without context', () => {
      expect(findQuote(text, { exact: 'de kat' })).toEqual({ ok: false, reason: 'AMBIGUOUS' });
    });
    it('lets prefix or suffix decide', () => {
      expect(findQuote(text, { exact: 'de kat', prefix: 'en ' })).toEqual({ ok: true, start: 21, end: 27 });
      expect(findQuote(text, { exact: 'de kat', suffix: ' en' })).toEqual({ ok: true, start: 0, end: 6 });
    });
    it('refuses a context that decides nothing', () => {
      expect(findQuote(text, { exact: 'de kat', prefix: 'x' })).toEqual({ ok: false, reason: 'AMBIGUOUS' });
      expect(findQuote('ab de kat ab de kat', { exact: 'de kat', prefix: 'ab ' })).toEqual({
        ok: false,
        reason: 'AMBIGUOUS',
      });
    });
    it('takes the context that agrees most, also when others typed in it since', () => {
      // "en " was "hond en " when the quote was chosen; the end still agrees.
      expect(findQuote(text, { exact: 'de kat', prefix: 'muis en ' })).toEqual({ ok: true, start: 21, end: 27 });
      // One occurrence is it, whatever its (stale) context.
      expect(findQuote(text, { exact: 'hond', prefix: 'geen ', suffix: 'x' })).toEqual({
        ok: true,
        start: 13,
        end: 17,
      });
    });
    it('refuses empty and too long quotes', () => {
      expect(findQuote(text, { exact: '  ' })).toEqual({ ok: false, reason: 'EMPTY' });
      expect(findQuote('a'.repeat(2000), { exact: 'a'.repeat(MAX_QUOTE_LENGTH + 1) })).toEqual({
        ok: false,
        reason: 'TOO_LONG',
      });
    });
  });

  describe('relative positions', () => {
    it('reads the quote back with its context', () => {
      const doc = docOf(CASE);
      const resolved = resolveAnchor(doc, anchored(doc, SENTENCE));
      expect(resolved).toMatchObject({ exact: SENTENCE, prefix: 'De cliënt belde twee keer. ', start: 27 });
    });

    it('keeps its text while others type before, inside and after it', () => {
      const doc = docOf(CASE);
      const anchor = anchored(doc, SENTENCE);
      const text = firstText(doc);
      text.insert(0, 'Vooraf: ');
      text.insert(text.length, ' Tot slot.');
      const at = text.toString().indexOf('deze');
      text.insert(at, 'precies ');
      expect(resolveAnchor(doc, anchor)?.exact).toBe('Wat bedoel je met precies deze zin?');
      // Typed right at the edges: outside.
      const start = resolveAnchor(doc, anchor)!.start;
      text.insert(start, '«');
      text.insert(resolveAnchor(doc, anchor)!.end, '»');
      expect(resolveAnchor(doc, anchor)?.exact).toBe('Wat bedoel je met precies deze zin?');
    });

    it('spans blocks', () => {
      const doc = docOf('Eerste alinea eindigt hier.\n\nTweede begint zo.');
      const anchor = anchored(doc, 'hier.\nTweede');
      firstText(doc, 1).insert(0, 'De ');
      expect(resolveAnchor(doc, anchor)?.exact).toBe('hier.\nDe Tweede');
    });

    it('is orphaned when its text is deleted, also when its block goes', () => {
      const doc = docOf(CASE);
      const anchor = anchored(doc, SENTENCE);
      const text = firstText(doc);
      text.delete(text.toString().indexOf(SENTENCE), SENTENCE.length);
      expect(resolveAnchor(doc, anchor)).toBeNull();
      const other = docOf(`${CASE}\n\nTweede alinea.`);
      const second = anchored(other, 'Tweede');
      other.getXmlFragment(BODY_FRAGMENT).delete(1, 1);
      expect(resolveAnchor(other, second)).toBeNull();
    });

    it('survives encoding and a reload from the stored update', () => {
      const doc = docOf(CASE);
      const anchor = anchored(doc, SENTENCE);
      const stored = { start: encodeAnchorPosition(anchor.start), end: encodeAnchorPosition(anchor.end) };
      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
      const back = { start: decodeAnchorPosition(stored.start), end: decodeAnchorPosition(stored.end) };
      expect(resolveAnchor(reloaded, back)?.exact).toBe(SENTENCE);
    });

    it('refuses what is not in the document', () => {
      expect(anchorQuote(docOf(CASE), { exact: 'Niet hier' })).toEqual({ ok: false, reason: 'NOT_FOUND' });
    });
  });

  describe('concurrent edits (property-based)', () => {
    type Edit = { replica: 0 | 1; where: number; insert: string; remove: number };
    const edit = fc.record({
      replica: fc.constantFrom<0 | 1>(0, 1),
      where: fc.nat(),
      insert: fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '.'), maxLength: 6 }),
      remove: fc.nat({ max: 5 }),
    });
    const rounds = fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 5 });

    function replicas(): [Y.Doc, Y.Doc, StoredAnchor] {
      const a = docOf(CASE, 1);
      const b = new Y.Doc();
      b.clientID = 2;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      return [a, b, anchored(a, SENTENCE)];
    }

    it('outside the quote: both replicas keep exactly the quote', () => {
      fc.assert(
        fc.property(rounds, (plan) => {
          const [a, b, anchor] = replicas();
          const docs = [a, b];
          for (const round of plan) {
            // Each round the replicas edit apart, then sync.
            for (const e of round as Edit[]) {
              const doc = docs[e.replica];
              const text = firstText(doc);
              const { start, end } = resolveAnchor(doc, anchor)!;
              const before = e.where % 2 === 0;
              // A place before the quote or after it, and a deletion that stays on that side.
              const at = before ? (e.where >> 1) % (start + 1) : end + ((e.where >> 1) % (text.length - end + 1));
              const room = before ? start - at : text.length - at;
              if (e.insert) text.insert(at, e.insert);
              else if (room > 0) text.delete(at, Math.min(e.remove, room));
            }
            sync(a, b);
          }
          expect(resolveAnchor(a, anchor)?.exact).toBe(SENTENCE);
          expect(resolveAnchor(b, anchor)).toEqual(resolveAnchor(a, anchor));
        }),
        { numRuns: 100 },
      );
    });

    it('anywhere: the replicas agree, and what is left is the quote less deletions plus insertions inside it', () => {
      fc.assert(
        fc.property(rounds, (plan) => {
          const [a, b, anchor] = replicas();
          const docs = [a, b];
          for (const round of plan) {
            for (const e of round as Edit[]) {
              const text = firstText(docs[e.replica]);
              const at = e.where % (text.length + 1);
              // Typed characters are ones the sentence does not have.
              if (e.insert) text.insert(at, e.insert.replace(/./g, '#'));
              else if (at < text.length) text.delete(at, Math.min(e.remove, text.length - at));
            }
            sync(a, b);
          }
          const left = resolveAnchor(a, anchor);
          expect(resolveAnchor(b, anchor)).toEqual(left);
          // Without what was typed, the quote is what remains of the sentence, in order, and nothing around it.
          if (left) expect(isSubsequence(left.exact.replace(/#/g, ''), SENTENCE)).toBe(true);
        }),
        { numRuns: 100 },
      );
    });
  });
});

function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (const ch of whole) if (i < part.length && part[i] === ch) i++;
  return i === part.length;
}
