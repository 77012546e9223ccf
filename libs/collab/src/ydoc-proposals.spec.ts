import fc from 'fast-check';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from './prosemirror';
import { PROPOSAL_DELETE, PROPOSAL_INSERT, proposalViolation, withoutProposals } from './proposal-marks';
import { checkProposalUpdate, decideProposals, mentionsProposals, proposalsIn } from './ydoc-proposals';
import { markdownToYDocUpdate, readBody, yDocToMarkdown, yDocToText } from './ydoc-body';

const BRAM = { id: 'u-bram', name: 'Bram' };
const CEES = { id: 'u-cees', name: 'Cees' };

function docOf(markdown: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYDocUpdate(markdown));
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The first paragraph's text node. */
function textOf(doc: Y.Doc, block = 0): Y.XmlText {
  return (doc.getXmlFragment(BODY_FRAGMENT).get(block) as Y.XmlElement).get(0) as Y.XmlText;
}

function attrs(id: string, author = BRAM) {
  return { id, authorId: author.id, authorName: author.name, createdAt: '2026-12-07T19:00:00.000Z' };
}

/** Runs `change` on a copy of `doc` and returns the update it made. */
function updateFrom(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = copyOf(doc);
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

describe('proposals on a Y.Doc', () => {
  it('reads the text without open proposals: inserts left out, deletions kept', () => {
    const doc = docOf('De cliënt belt het wijkteam.');
    textOf(doc).insert(3, 'boze ', { [PROPOSAL_INSERT]: attrs('p1') });
    textOf(doc).format(24, 8, { [PROPOSAL_DELETE]: attrs('p2') }); // "wijkteam"
    expect(yDocToText(doc)).toBe('De cliënt belt het wijkteam.');
    expect(yDocToMarkdown(doc)).toBe('De cliënt belt het wijkteam.\n');
    expect(proposalsIn(doc)).toEqual([
      expect.objectContaining({ id: 'p1', authorId: 'u-bram', inserted: 'boze ', deleted: '' }),
      expect.objectContaining({ id: 'p2', inserted: '', deleted: 'wijkteam' }),
    ]);
  });

  it('accepts and rejects each proposal, or all at once', () => {
    const doc = docOf('De cliënt belt.');
    textOf(doc).insert(3, 'boze ', { [PROPOSAL_INSERT]: attrs('p1') });
    textOf(doc).format(15, 4, { [PROPOSAL_DELETE]: attrs('p2') }); // "belt"
    const accepted = copyOf(doc);
    expect(decideProposals(accepted, new Set(['p1']), 'accept', null).map((p) => p.id)).toEqual(['p1']);
    expect(yDocToText(accepted)).toBe('De boze cliënt belt.');
    expect(proposalsIn(accepted).map((p) => p.id)).toEqual(['p2']);
    decideProposals(accepted, null, 'accept', null);
    expect(yDocToText(accepted)).toBe('De boze cliënt .');
    expect(proposalsIn(accepted)).toEqual([]);

    const rejected = copyOf(doc);
    decideProposals(rejected, null, 'reject', null);
    expect(readBody(rejected.getXmlFragment(BODY_FRAGMENT))).toEqual(
      readBody(docOf('De cliënt belt.').getXmlFragment(BODY_FRAGMENT)),
    );
    expect(decideProposals(rejected, null, 'reject', null)).toEqual([]);
  });

  it('decides a replacement (insert and delete with one id) together', () => {
    const doc = docOf('een oud woord');
    textOf(doc).format(4, 3, { [PROPOSAL_DELETE]: attrs('r') });
    textOf(doc).insert(7, 'nieuw', { [PROPOSAL_INSERT]: attrs('r') });
    const proposals = proposalsIn(doc);
    expect(proposals).toEqual([expect.objectContaining({ id: 'r', inserted: 'nieuw', deleted: 'oud' })]);
    decideProposals(doc, new Set(['r']), 'accept', null);
    expect(yDocToText(doc)).toBe('een nieuw woord');
  });

  describe('the check of a suggester’s update', () => {
    const base = () => docOf('De cliënt belt het wijkteam.');

    it('lets proposals by the author through', () => {
      const doc = base();
      const insert = updateFrom(doc, (d) => textOf(d).insert(3, 'boze ', { [PROPOSAL_INSERT]: attrs('p1') }));
      expect(checkProposalUpdate(doc, insert, BRAM, true)).toBeNull();
      const remove = updateFrom(doc, (d) => textOf(d).format(0, 2, { [PROPOSAL_DELETE]: attrs('p2') }));
      expect(checkProposalUpdate(doc, remove, BRAM, true)).toBeNull();
    });

    it('refuses a direct edit, formatting included', () => {
      const doc = base();
      expect(
        checkProposalUpdate(
          doc,
          updateFrom(doc, (d) => textOf(d).insert(3, 'boze ')),
          BRAM,
          true,
        ),
      ).toBe('changes outside proposals');
      expect(
        checkProposalUpdate(
          doc,
          updateFrom(doc, (d) => textOf(d).delete(0, 3)),
          BRAM,
          true,
        ),
      ).toBe('changes outside proposals');
      expect(
        checkProposalUpdate(
          doc,
          updateFrom(doc, (d) => textOf(d).format(0, 2, { bold: {} })),
          BRAM,
          true,
        ),
      ).toBe('changes outside proposals');
      const paragraph = updateFrom(doc, (d) =>
        d.getXmlFragment(BODY_FRAGMENT).insert(1, [new Y.XmlElement('paragraph')]),
      );
      expect(checkProposalUpdate(doc, paragraph, BRAM, true)).toBe('changes outside proposals');
    });

    it('refuses a mark claiming another author, from suggesters and editors alike', () => {
      const doc = base();
      const forged = updateFrom(doc, (d) => textOf(d).insert(3, 'boze ', { [PROPOSAL_INSERT]: attrs('p1', CEES) }));
      expect(checkProposalUpdate(doc, forged, BRAM, true)).toBe('a proposal mark claiming another author');
      expect(checkProposalUpdate(doc, forged, BRAM, false)).toBe('a proposal mark claiming another author');
      const nameless = updateFrom(doc, (d) => textOf(d).insert(3, 'x', { [PROPOSAL_INSERT]: { id: 'p' } }));
      expect(checkProposalUpdate(doc, nameless, BRAM, true)).toBe('a proposal mark without valid attributes');
      const renamed = updateFrom(doc, (d) =>
        textOf(d).insert(3, 'x', { [PROPOSAL_INSERT]: { ...attrs('p'), authorName: 'Anna' } }),
      );
      expect(checkProposalUpdate(doc, renamed, BRAM, true)).toBe('a proposal mark claiming another author');
    });

    it('lets a suggester withdraw their own proposal but not touch another’s', () => {
      const doc = base();
      textOf(doc).insert(3, 'boze ', { [PROPOSAL_INSERT]: attrs('p1', CEES) });
      textOf(doc).insert(0, 'Nu: ', { [PROPOSAL_INSERT]: attrs('p2', BRAM) });
      const withdraw = updateFrom(doc, (d) => textOf(d).delete(0, 4));
      expect(checkProposalUpdate(doc, withdraw, BRAM, true)).toBeNull();
      const others = updateFrom(doc, (d) => textOf(d).delete(7, 5));
      expect(checkProposalUpdate(doc, others, BRAM, true)).toBe('changes another person’s proposal');
      // An editor may edit anything, other people's proposals included.
      expect(checkProposalUpdate(doc, others, BRAM, false)).toBeNull();
    });

    it('skips updates of editors that never name a proposal mark', () => {
      const doc = base();
      const plain = updateFrom(doc, (d) => textOf(d).insert(0, 'x'));
      expect(mentionsProposals(plain)).toBe(false);
      expect(checkProposalUpdate(doc, plain, BRAM, false)).toBeNull();
      const marked = updateFrom(doc, (d) => textOf(d).insert(0, 'x', { [PROPOSAL_INSERT]: attrs('p') }));
      expect(mentionsProposals(marked)).toBe(true);
    });

    it('leaves the document itself alone', () => {
      const doc = base();
      const before = Y.encodeStateAsUpdate(doc);
      checkProposalUpdate(
        doc,
        updateFrom(doc, (d) => textOf(d).insert(3, 'boze ')),
        BRAM,
        true,
      );
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    });
  });

  describe('with concurrent suggesters (property)', () => {
    type Op = { user: 0 | 1; kind: 'insert' | 'delete'; at: number; length: number; text: string };
    const op: fc.Arbitrary<Op> = fc.record({
      user: fc.constantFrom(0 as const, 1 as const),
      kind: fc.constantFrom('insert' as const, 'delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 5 }),
      // No astral characters: an editor never puts a position inside a surrogate pair, a random index would.
      text: fc.constantFrom('zorg', 'één ', 'vraag', 'ß', ' en'),
    });
    const users = [BRAM, CEES];
    const BASE = 'Het wijkteam bespreekt de casus met mevrouw J. in de intervisie.';

    /** What a suggest-mode editor writes: own inserts, own deletions on text nobody proposed to insert. */
    function suggest(doc: Y.Doc, o: Op, n: number): void {
      const text = textOf(doc);
      const at = o.at % (text.length + 1);
      if (o.kind === 'insert') {
        text.insert(at, o.text, { [PROPOSAL_INSERT]: attrs(`${o.user}-${n}`, users[o.user]), [PROPOSAL_DELETE]: null });
        return;
      }
      let index = 0;
      for (const part of text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
        const end = index + part.insert.length;
        const from = Math.max(at, index);
        const to = Math.min(at + o.length, end);
        if (from < to && !part.attributes?.[PROPOSAL_INSERT] && !part.attributes?.[PROPOSAL_DELETE])
          text.format(from, to - from, { [PROPOSAL_DELETE]: attrs(`${o.user}-${n}`, users[o.user]) });
        index = end;
      }
    }

    it('every update passes the check, rejecting all restores the text, accepting all applies it', () => {
      fc.assert(
        fc.property(
          fc.array(op, { minLength: 1, maxLength: 15 }),
          fc.array(fc.boolean(), { maxLength: 15 }),
          (ops, syncs) => {
            const server = docOf(BASE);
            const clients = [copyOf(server), copyOf(server)];
            const pending: Uint8Array[][] = [[], []];
            clients.forEach((client, i) =>
              client.on('update', (update: Uint8Array, origin: unknown) => {
                if (origin !== 'server') pending[i].push(update);
              }),
            );
            const deliver = (i: number) => {
              for (const update of pending[i].splice(0)) {
                expect(checkProposalUpdate(server, update, users[i], true)).toBeNull();
                Y.applyUpdate(server, update);
              }
              for (const client of clients) Y.applyUpdate(client, Y.encodeStateAsUpdate(server), 'server');
            };
            ops.forEach((o, n) => {
              suggest(clients[o.user], o, n);
              if (syncs[n]) deliver(o.user); // the other client edits meanwhile: concurrent
            });
            deliver(0);
            deliver(1);
            expect(yDocToText(server)).toBe(BASE);
            const expected = withoutProposals(acceptAllJson(readBody(server.getXmlFragment(BODY_FRAGMENT))));
            const accepted = copyOf(server);
            decideProposals(accepted, null, 'accept', null);
            expect(readBody(accepted.getXmlFragment(BODY_FRAGMENT))).toEqual(expected);
            const rejected = copyOf(server);
            decideProposals(rejected, null, 'reject', null);
            expect(yDocToText(rejected)).toBe(BASE);
            expect(proposalsIn(rejected)).toEqual([]);
          },
        ),
        { numRuns: 40 },
      );
    });

    it('a plain edit among proposals is always refused', () => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 10 }), fc.nat(), fc.constantFrom('x', 'zorg'), (ops, at, text) => {
          const server = docOf(BASE);
          ops.forEach((o, n) => suggest(server, o, n));
          const update = updateFrom(server, (d) =>
            textOf(d).insert(at % (textOf(d).length + 1), text, { [PROPOSAL_INSERT]: null, [PROPOSAL_DELETE]: null }),
          );
          expect(checkProposalUpdate(server, update, BRAM, true)).toBe('changes outside proposals');
        }),
        { numRuns: 40 },
      );
    });
  });

  it('the pure check compares bodies as ProseMirror JSON', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] };
    expect(proposalViolation(doc, doc, BRAM, true)).toBeNull();
  });
});

/** Accept-all on JSON, as the reference: drop deleted text, keep inserted text without its mark. */
function acceptAllJson(node: ReturnType<typeof readBody>): ReturnType<typeof readBody> {
  if (!node.content) return node;
  const content = node.content
    .filter((child) => !(child.marks ?? []).some((m) => m.type === PROPOSAL_DELETE))
    .map((child) => {
      const marks = (child.marks ?? []).filter((m) => m.type !== PROPOSAL_INSERT);
      const copy = { ...child, marks };
      if (!marks.length) delete (copy as { marks?: unknown }).marks;
      return acceptAllJson(copy);
    });
  return { ...node, content };
}
