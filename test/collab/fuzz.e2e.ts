/**
 * Fuzzing the y-websocket endpoint with at least 100,000 random and mutated
 * frames on documents of their own (fifteen at a time, four times), while two
 * well-behaved editors work on another document.
 *
 * Frames go out in small batches in one write, and probes (an awareness
 * update of the fuzz socket's own presence, which the server echoes once it
 * has processed everything before it) tell exactly which frames the server
 * processed and which one made it close the socket. Frames that may be
 * refused get a probe each; well-formed ones share one. Nothing is counted
 * that the server never looked at: frames after a refused one are sent again
 * on the next socket.
 *
 * Every refused frame costs a new connection (~2 ms of CPU here, with the
 * ticket check and access queries), so most frames are mutations that keep
 * the frame decodable; about 11% are refused.
 *
 * Reproducible frames: FUZZ_SEED=<n> picks the seed (printed at the start);
 * each socket draws its frames from its own PRNG seeded from it. How the
 * server interleaves the sockets, and so the documents' states, is not
 * reproducible.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import request from 'supertest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { yDocToText } from '@spiraal/collab';
import { CollabService } from '../../apps/api/src/collab/collab.service';
import { collabTicket, CollabClient, connectClient, waitFor } from '../support/collab-client';
import { CommunityFixture, communityWithPeople, createItem } from '../support/fixtures';
import { gql, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

const SEED = (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 0x5eed_2026) >>> 0;
const TARGET_FRAMES = 100_000;
/**
 * Fuzzed documents. The first has two sockets, a reader's and a member's;
 * the others one member's socket each (a probe is echoed to every socket of
 * its document, so fewer sockets per document means less work per frame).
 */
const FUZZED_DOCUMENTS = 15;
/** The fuzzed documents are unloaded (flushed, compacted) and loaded again from the database this often. */
const EPOCHS = 20;
/** Every this many epochs the sockets move on to new documents (what the fuzz leaves behind makes every frame slower). */
const EPOCHS_PER_DOCUMENT = 5;
/**
 * A guard against a hang, far above the ~2-3 minutes 100,000 frames take on
 * a quiet 2-core machine; the test fails when it stops short of TARGET_FRAMES.
 */
const FUZZ_BUDGET_MS = 360_000;
const PROBE_TIMEOUT_MS = 10_000;
const MAX_MESSAGE_BYTES = 320 * 1024;
const MAX_DOCUMENT_BYTES = 256 * 1024;
const IDLE_UNLOAD_MS = 50;
const ALLOWED_CLOSE_CODES = new Set([4400, 4413, 1009, 1006, 1005]);

// ---------------------------------------------------------------------------
// Seeded randomness

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  float(): number {
    return this.uint32() / 2 ** 32;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const word = this.uint32();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** Mostly short, sometimes long. */
  length(max: number): number {
    const r = this.float();
    return r < 0.6 ? this.int(16) : r < 0.92 ? this.int(256) : this.int(max);
  }

  /** Integers that tend to break decoders. */
  interestingUint(): number {
    return this.pick([
      0,
      1,
      2,
      3,
      4,
      127,
      128,
      255,
      256,
      16383,
      16384,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 53 - 1,
      this.uint32(),
      this.int(1000),
    ]);
  }
}

const WORDS = [
  'overleg',
  'wijkteam',
  'ervaring',
  'café',
  'coöperatie',
  'één',
  'reünie',
  'Zoë',
  'naïef',
  'privé',
  'zorgvraag',
  '🚲',
  '🌷',
  '👩🏽‍⚕️',
  'gebiedsgericht',
  'ĳs',
  'mantelzorg',
  '∑',
  '—',
  '\n',
  '\u200b',
];

function dutchish(rng: Rng, maxWords = 4): string {
  return Array.from({ length: 1 + rng.int(maxWords) }, () => rng.pick(WORDS)).join(rng.pick([' ', ' ', '', '-']));
}

// ---------------------------------------------------------------------------
// Frames

type BaseType = 'step1' | 'step2' | 'update' | 'awareness';
/** A well-formed message, kept apart from its framing so a mutation can keep the length prefix right. */
interface Base {
  type: BaseType;
  payload: Uint8Array;
}

interface Frame {
  kind: string;
  data: Uint8Array | string;
  /** Sent with its own probe even when its kind is quiet (after a close in a group). */
  probed?: boolean;
}

function header(type: BaseType): number[] {
  return type === 'awareness' ? [1] : [0, type === 'step1' ? 0 : type === 'step2' ? 1 : 2];
}

function encodeBase(type: BaseType, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const n of header(type)) encoding.writeVarUint(encoder, n);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function varUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function awarenessPayload(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

/** The probe: this socket's own presence, with a new clock each time. */
function probeFrame(clientId: number, clock: number): Uint8Array {
  return encodeBase('awareness', awarenessPayload([{ clientId, clock, json: '{}' }]));
}

/** The clock of this probe client in an awareness message, or 0. */
function probeEchoClock(data: Buffer, clientId: number): number {
  try {
    const outer = decoding.createDecoder(data);
    decoding.readVarUint(outer);
    const inner = decoding.createDecoder(decoding.readVarUint8Array(outer));
    const count = decoding.readVarUint(inner);
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      decoding.readVarUint8Array(inner);
      if (id === clientId) return clock;
    }
  } catch {
    // not an awareness message we can read: no echo
  }
  return 0;
}

function nestedJson(rng: Rng, depth: number): string {
  const array = rng.chance(0.5);
  const open = array ? '[' : '{"a":';
  const close = array ? ']' : '}';
  return `{"deep":${open.repeat(depth)}${rng.chance(0.5) ? '1' : '"x"'}${close.repeat(depth)}}`;
}

function oddJson(rng: Rng): string {
  switch (rng.int(12)) {
    case 0:
      return nestedJson(
        rng,
        rng.pick([1, 10, 100, 1000, 3000, 4100, 4150, 4170, 4180, 4200, 4500, 6000, 20000, 60000]),
      );
    case 1:
      return rng.pick(['null', '0', '-1e308', '"text"', 'true', '[]', '[1,2,3]', '{}', '""']);
    case 2:
      return '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}';
    case 3:
      return JSON.stringify({ user: { id: 'someone-else', name: 'Fenna Facilitator', color: '#000' }, cursor: null });
    case 4:
      return JSON.stringify({ n: rng.pick([1e308, -0, 2 ** 64, Number.MIN_VALUE]), s: dutchish(rng, 20) });
    case 5:
      return `{"s":"${'\\ud800'.repeat(1 + rng.int(4))}","t":"\\u0000"}`;
    case 6:
      return JSON.stringify({
        many: Object.fromEntries(Array.from({ length: 200 + rng.int(2000) }, (_, i) => [`k${i}`, i])),
      });
    case 7:
      return JSON.stringify({ long: 'x'.repeat(rng.int(60_000)) });
    case 8:
      return '{"a":1,"a":2}';
    case 9:
      return `{"cursor":{"anchor":${rng.interestingUint()},"head":{"type":{"client":${rng.uint32()},"clock":${rng.uint32()}}}}}`;
    case 10:
      return '{"a":1'; // not JSON
    default:
      return JSON.stringify({
        cursor: { anchor: rng.int(100), head: rng.int(100) },
        name: dutchish(rng),
        color: '#123456',
      });
  }
}

function clientIdFor(rng: Rng): number {
  return rng.chance(0.8) ? rng.uint32() : rng.interestingUint();
}

/**
 * One socket's frames. Its own Y.Doc starts from the stored document and
 * makes well-formed edits, so valid updates integrate on the server; recent
 * well-formed messages are the material for mutations. Most mutations are
 * structure-aware and keep the frame decodable (a refused frame costs a new
 * connection; see the weights); the byte-level ones mostly do not.
 *
 * Updates are mutated only from a second, shadow document with a client id
 * of its own. A mutated update the server accepts may claim the editing
 * document's client id at clocks that document uses later; the server then
 * holds other content under those ids, and may refuse the editing
 * document's own later, well-formed updates (seen: 4400). The server refuses
 * this between users (a client id belongs to the user who first wrote under
 * it), but every fuzz socket here is the same member.
 */
class FrameFactory {
  private readonly doc = new Y.Doc();
  private readonly shadow = new Y.Doc();
  /** The shadow document's state vector before its first edit. */
  private readonly shadowStart: Uint8Array;
  private readonly recent: Base[] = [];
  private lastUpdate: Uint8Array | null = null;
  /** [weight, generator]: the mix of frames. */
  private readonly mix: [number, () => Frame][];
  private readonly totalWeight: number;

  constructor(
    private readonly rng: Rng,
    initialState: Uint8Array,
    /** A reader's socket: its updates are refused before their size is looked at. */
    private readonly readOnly: boolean,
  ) {
    for (const doc of [this.doc, this.shadow]) {
      doc.clientID = rng.uint32();
      Y.applyUpdate(doc, initialState);
      doc.on('update', (update: Uint8Array) => (this.lastUpdate = update));
    }
    this.shadowStart = Y.encodeStateVector(this.shadow);
    this.mix = [
      // well-formed
      [11, () => this.validUpdate()],
      [0.7, () => this.remember('valid-step1', 'step1', this.stateVector())],
      [5, () => this.remember('valid-awareness', 'awareness', this.awareness())],
      [1.2, () => this.remember('valid-odd-document', 'update', this.oddDocument(), false)],
      [0.8, () => this.remember('valid-delete-set', 'update', this.deleteSet())],
      [0.8, () => ({ kind: 'query-awareness', data: Uint8Array.of(3) })],
      // mutated, still decodable (mostly)
      [
        4,
        () => ({
          kind: 'odd-awareness-json',
          data: encodeBase(
            'awareness',
            awarenessPayload([{ clientId: clientIdFor(rng), clock: 1 + rng.int(100), json: oddJson(rng) }]),
          ),
        }),
      ],
      [22, () => this.mutatedAwarenessJson()],
      [1.5, () => this.mutatedStateVector()],
      [14, () => this.trailingBytes()],
      [0.6, () => this.reclockedUpdate()],
      [
        0.5,
        () => ({ kind: 'v2-update-as-v1', data: encodeBase(rng.pick(['update', 'step2'] as const), this.v2Update()) }),
      ],
      // byte-level mutations and garbage (mostly refused)
      [2.5, () => this.mutatedPayload()],
      [2, () => this.mutatedFrame()],
      [1, () => ({ kind: 'random-bytes', data: rng.bytes(rng.length(4096)) })],
      [0.7, () => this.shortLength()],
      [0.7, () => ({ kind: 'odd-varuint', data: this.oddVarUint() })],
      // refused, every time
      [0.6, () => this.tooLongLength()],
      [0.6, () => this.wrongType()],
      [0.4, () => this.textFrame()],
      [
        0.05,
        () => ({
          kind: 'oversized-frame',
          data: concat(rng.bytes(64), new Uint8Array(MAX_MESSAGE_BYTES + rng.int(64 * 1024)).fill(rng.int(256))),
        }),
      ],
      [0.05, () => this.overDocumentCap()],
    ];
    this.totalWeight = this.mix.reduce((sum, [weight]) => sum + weight, 0);
  }

  next(): Frame {
    let r = this.rng.float() * this.totalWeight;
    for (const [weight, generate] of this.mix) {
      r -= weight;
      if (r < 0) return generate();
    }
    return this.mix[0][1]();
  }

  // well-formed material

  private remember(kind: string, type: BaseType, payload: Uint8Array, keep = true): Frame {
    if (keep) this.keep(type, payload);
    return { kind, data: encodeBase(type, payload) };
  }

  private keep(type: BaseType, payload: Uint8Array): void {
    this.recent.push({ type, payload });
    if (this.recent.length > 64) this.recent.shift();
  }

  private base(type?: BaseType): Base {
    const candidates = type ? this.recent.filter((b) => b.type === type) : this.recent;
    if (candidates.length) return this.rng.pick(candidates);
    if (type === 'awareness') return { type, payload: this.awareness() };
    if (type === 'step1') return { type, payload: this.stateVector() };
    return { type: 'update', payload: this.shadowEdit() };
  }

  /** An edit of the editing document; every few times, one of the shadow document for the material. */
  private validUpdate(): Frame {
    const type = this.rng.chance(0.7) ? 'update' : 'step2';
    if (this.rng.chance(0.3)) this.keep(type, this.shadowEdit());
    return { kind: 'valid-update', data: encodeBase(type, this.edit(this.doc)) };
  }

  /** A well-formed edit of a copy of the document, as an update. */
  private edit(doc: Y.Doc): Uint8Array {
    const rng = this.rng;
    const fragment = doc.getXmlFragment('default');
    const paragraphs = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
    this.lastUpdate = null;
    doc.transact(() => {
      const texts = paragraphs.map((p) => p.get(0)).filter((t): t is Y.XmlText => t instanceof Y.XmlText);
      const target = texts.length ? rng.pick(texts) : null;
      if (!target || rng.chance(0.1)) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(dutchish(rng))]);
        fragment.insert(rng.int(fragment.length + 1), [paragraph]);
      } else if (paragraphs.length > 6 && rng.chance(0.5)) {
        fragment.delete(rng.int(fragment.length), 1);
      } else if (target.length > 40 || rng.chance(0.3)) {
        const at = rng.int(Math.max(target.length, 1));
        target.delete(at, Math.min(1 + rng.int(20), target.length - at));
      } else {
        target.insert(rng.int(target.length + 1), dutchish(rng), rng.chance(0.2) ? { bold: {} } : undefined);
      }
    });
    // An edit that changed nothing (e.g. deleting from an empty text) still needs a payload.
    return this.lastUpdate ?? Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
  }

  /**
   * An edit of the shadow document, as everything it wrote so far. Its
   * updates reach the server only mutated, if at all, so a lone incremental
   * one would depend on others the server never got: the server refuses
   * those (missing dependencies), which would make mutations such as
   * trailing bytes, sent in groups, cost a new socket and a resend each.
   */
  private shadowEdit(): Uint8Array {
    this.edit(this.shadow);
    return Y.encodeStateAsUpdate(this.shadow, this.shadowStart);
  }

  private stateVector(): Uint8Array {
    const rng = this.rng;
    if (rng.chance(0.8)) return Y.encodeStateVector(this.doc);
    if (rng.chance(0.2)) return Uint8Array.of(0); // "send me everything"
    return encodeStateVector(
      new Map(Array.from({ length: 1 + rng.int(4) }, () => [clientIdFor(rng), rng.interestingUint()])),
    );
  }

  private awareness(): Uint8Array {
    const rng = this.rng;
    return awarenessPayload(
      Array.from({ length: 1 + rng.int(3) }, () => ({
        clientId: clientIdFor(rng),
        clock: rng.chance(0.9) ? 1 + rng.int(1000) : rng.interestingUint(),
        json: rng.chance(0.1)
          ? 'null'
          : JSON.stringify({
              cursor: { anchor: rng.int(50), head: rng.int(50) },
              name: dutchish(rng),
              color: '#a1b2c3',
            }),
      })),
    );
  }

  /** Valid Yjs, but nothing an editor writes: other shared types, embeds, subdocuments, deep nesting. */
  private oddDocument(): Uint8Array {
    const rng = this.rng;
    const doc = new Y.Doc();
    doc.clientID = rng.uint32();
    switch (rng.int(9)) {
      case 0:
        doc.getMap('default').set(dutchish(rng, 1), { nested: [1, 'twee', { drie: null }], when: 'nu' });
        break;
      case 1:
        doc.getText('default').insert(0, dutchish(rng), { bold: true, link: { href: 'javascript:alert(1)' } });
        break;
      case 2:
        doc.getArray('elders').insert(0, [new Uint8Array([1, 2, 3]), new Y.Map(), 42, null, true]);
        break;
      case 3:
        doc.getMap('sub').set('doc', new Y.Doc({ guid: `sub-${rng.uint32()}` }));
        break;
      case 4: {
        // Nested one integrated level at a time: Yjs integrates a preliminary tree recursively.
        let node: Y.XmlFragment = doc.getXmlFragment('default');
        doc.transact(() => {
          for (let depth = rng.chance(0.9) ? rng.pick([2, 10, 50]) : 500; depth > 0; depth--) {
            const child = new Y.XmlElement('blockquote');
            node.insert(0, [child]);
            node = child;
          }
          node.insert(0, [new Y.XmlText('diep')]);
        });
        break;
      }
      case 5: {
        const element = new Y.XmlElement(rng.pick(['doc', 'text', '', '<script>', '🌷', 'hardBreak', 'heading']));
        element.setAttribute(
          rng.pick(['level', '__proto__', 'href', 'constructor']),
          rng.pick(['1', 'javascript:x', '']),
        );
        element.insert(0, [new Y.XmlText(dutchish(rng))]);
        doc.getXmlFragment('default').insert(0, [element]);
        break;
      }
      case 6:
        doc
          .getXmlFragment('default')
          .insert(0, [new Y.XmlText(dutchish(rng)), new Y.XmlHook('haak') as unknown as Y.XmlElement]);
        break;
      case 7: {
        const text = new Y.XmlText();
        text.insertEmbed(0, { image: 'x.png' });
        text.insert(1, dutchish(rng), { [`link--${'A'.repeat(8)}`]: { href: 'https://example.nl' }, bold: null });
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [text]);
        doc.getXmlFragment('default').insert(0, [paragraph]);
        break;
      }
      default:
        doc.getXmlFragment(rng.pick(['title', 'notes', ''])).insert(0, [new Y.XmlText(dutchish(rng))]);
    }
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  }

  /** An update with no structs: deletions of random ranges of clients the document knows. */
  private deleteSet(): Uint8Array {
    const rng = this.rng;
    const known = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const clients = [...known.keys()];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    const count = 1 + rng.int(2);
    encoding.writeVarUint(encoder, count);
    for (let i = 0; i < count; i++) {
      // Mostly within what exists; the server drops deletions of content it does not have.
      const client = clients.length && rng.chance(0.9) ? rng.pick(clients) : clientIdFor(rng);
      const end = known.get(client) ?? 100;
      encoding.writeVarUint(encoder, client);
      const ranges = 1 + rng.int(3);
      encoding.writeVarUint(encoder, ranges);
      for (let j = 0; j < ranges; j++) {
        encoding.writeVarUint(encoder, rng.int(Math.max(end, 1)));
        encoding.writeVarUint(encoder, 1 + rng.int(5));
      }
    }
    return encoding.toUint8Array(encoder);
  }

  private v2Update(): Uint8Array {
    const doc = new Y.Doc();
    doc.clientID = this.rng.uint32();
    doc.getXmlFragment('default').insert(0, [new Y.XmlText(dutchish(this.rng))]);
    const update = Y.encodeStateAsUpdateV2(doc);
    doc.destroy();
    return update;
  }

  // mutations that keep the frame decodable

  /** An awareness entry with its JSON changed (still JSON), and sometimes its client id or clock. */
  private mutatedAwarenessJson(): Frame {
    const rng = this.rng;
    const entries = readAwareness(this.base('awareness').payload).map((entry) => {
      if (rng.chance(0.2)) entry.clientId = clientIdFor(rng);
      if (rng.chance(0.2)) entry.clock = rng.interestingUint();
      if (entry.json !== 'null' && rng.chance(0.9))
        entry.json = JSON.stringify(mutateJson(rng, JSON.parse(entry.json) as unknown, 0));
      return entry;
    });
    if (rng.chance(0.1)) entries.push({ ...entries[0], clock: entries[0].clock + 1 }); // the same client twice
    return { kind: 'mutated-awareness-json', data: encodeBase('awareness', awarenessPayload(entries)) };
  }

  private mutatedStateVector(): Frame {
    const rng = this.rng;
    const vector = Y.decodeStateVector(this.base('step1').payload);
    const clients = [...vector.keys()];
    for (let changes = 1 + rng.int(3); changes > 0; changes--) {
      const client = clients.length && rng.chance(0.6) ? rng.pick(clients) : clientIdFor(rng);
      if (rng.chance(0.2)) vector.delete(client);
      else vector.set(client, rng.interestingUint());
    }
    return { kind: 'mutated-state-vector', data: encodeBase('step1', encodeStateVector(vector)) };
  }

  /** A well-formed message with bytes after it: inside the payload's length, or after the frame's. */
  private trailingBytes(): Frame {
    const rng = this.rng;
    const base = this.base();
    const extra = rng.bytes(1 + rng.int(64));
    return rng.chance(0.5)
      ? { kind: `trailing-bytes-in-${base.type}`, data: encodeBase(base.type, concat(base.payload, extra)) }
      : { kind: 'trailing-bytes-after-frame', data: concat(encodeBase(base.type, base.payload), extra) };
  }

  /** An update whose first struct block claims another client or clock: unknown dependencies, or a fresh client. */
  private reclockedUpdate(): Frame {
    const rng = this.rng;
    const payload = this.base('update').payload;
    try {
      const decoder = decoding.createDecoder(payload);
      const blocks = decoding.readVarUint(decoder);
      if (blocks === 0) throw new Error('no structs');
      const structs = decoding.readVarUint(decoder);
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const rest = payload.subarray(decoder.pos);
      const newClient = rng.chance(0.6) ? clientIdFor(rng) : client;
      const newClock = rng.chance(0.5) ? 0 : rng.chance(0.5) ? clock + 1 + rng.int(10) : rng.interestingUint();
      return {
        kind: 'reclocked-update',
        data: encodeBase(
          'update',
          concat(varUint(blocks), varUint(structs), varUint(newClient), varUint(newClock), rest),
        ),
      };
    } catch {
      return { kind: 'reclocked-update', data: encodeBase('update', this.shadowEdit()) };
    }
  }

  // frames that are not the protocol

  /** A length prefix beyond the end of the frame: always refused. */
  private tooLongLength(): Frame {
    const rng = this.rng;
    const base = this.base();
    const length = base.payload.length + 1 + (rng.chance(0.5) ? rng.int(16) : rng.interestingUint());
    const tail = base.payload.subarray(0, rng.chance(0.5) ? base.payload.length : rng.int(base.payload.length + 1));
    return {
      kind: 'too-long-length',
      data: concat(header(base.type), varUint(Math.min(length, Number.MAX_SAFE_INTEGER)), tail),
    };
  }

  /** A length prefix short of the payload: the rest is trailing data, or the payload is cut. */
  private shortLength(): Frame {
    const base = this.base();
    const length = this.rng.int(Math.max(base.payload.length, 1));
    return { kind: 'short-length', data: concat(header(base.type), varUint(length), base.payload) };
  }

  /** An unknown message type or sync message type: always refused. */
  private wrongType(): Frame {
    const rng = this.rng;
    const base = this.base();
    const body = encodeBase(base.type, base.payload).subarray(header(base.type).length);
    if (base.type !== 'awareness' && rng.chance(0.5)) {
      let syncType = rng.interestingUint();
      if (syncType <= 2) syncType += 3;
      return { kind: 'wrong-sync-type', data: concat([0], varUint(syncType), body) };
    }
    let type = rng.chance(0.5) ? 2 + rng.int(30) : rng.interestingUint();
    if (type === 0 || type === 1 || type === 3) type = 4;
    return {
      kind: 'wrong-message-type',
      data: concat(varUint(type), rng.chance(0.5) ? body : rng.bytes(rng.length(64))),
    };
  }

  private textFrame(): Frame {
    const rng = this.rng;
    const base = this.base();
    const options = [
      '',
      'hallo',
      '{"type":"sync"}',
      dutchish(rng, 30),
      Buffer.from(encodeBase(base.type, base.payload)).toString('latin1'),
    ];
    return { kind: 'text-frame', data: rng.pick(options) };
  }

  /** A valid update larger than the document may grow: refused before it is applied. */
  private overDocumentCap(): Frame {
    const rng = this.rng;
    const doc = new Y.Doc();
    doc.clientID = rng.uint32();
    doc
      .getXmlFragment('default')
      .insert(0, [
        new Y.XmlText('x'.repeat(MAX_DOCUMENT_BYTES + 1 + rng.int(MAX_MESSAGE_BYTES - MAX_DOCUMENT_BYTES - 1024))),
      ]);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return {
      kind: this.readOnly ? 'over-document-cap-as-reader' : 'over-document-cap',
      data: encodeBase(rng.pick(['update', 'step2'] as const), update),
    };
  }

  /** Non-canonical and out-of-range varUints where the protocol has them. */
  private oddVarUint(): Uint8Array {
    const rng = this.rng;
    const base = this.base();
    switch (rng.int(4)) {
      case 0: // overlong encodings of the real header values
        return concat(
          ...header(base.type).map((n) => [n | 0x80, 0x80, 0x00]),
          varUint(base.payload.length),
          base.payload,
        );
      case 1: // more than 53 bits
        return concat(new Array<number>(8 + rng.int(8)).fill(0xff), [0x7f], base.payload);
      case 2: // unterminated
        return concat(header(base.type), new Array<number>(1 + rng.int(12)).fill(0x80 | rng.int(128)));
      default: // a huge length right after a valid header, and nothing else
        return concat(header(base.type), varUint(rng.pick([2 ** 31, 2 ** 32, 2 ** 53 - 1, MAX_MESSAGE_BYTES * 4])));
    }
  }

  /** The payload mutated byte-wise, framed with a correct length: reaches the Yjs and awareness decoders. */
  private mutatedPayload(): Frame {
    const base = this.base();
    return { kind: `mutated-${base.type}-payload`, data: encodeBase(base.type, this.mutate(base.payload)) };
  }

  /** The whole frame mutated byte-wise. */
  private mutatedFrame(): Frame {
    const base = this.base();
    return { kind: 'mutated-frame', data: this.mutate(encodeBase(base.type, base.payload)) };
  }

  private mutate(input: Uint8Array): Uint8Array {
    const rng = this.rng;
    let bytes: Uint8Array = Uint8Array.from(input);
    for (let round = 1 + (rng.chance(0.3) ? rng.int(4) : 0); round > 0; round--) {
      const at = rng.int(bytes.length + 1);
      switch (rng.int(9)) {
        case 0: // bit flips
          for (let flips = 1 + rng.int(8); flips > 0 && bytes.length; flips--)
            bytes[rng.int(bytes.length)] ^= 1 << rng.int(8);
          break;
        case 1: // interesting bytes
          if (bytes.length) bytes[rng.int(bytes.length)] = rng.pick([0x00, 0x01, 0x7f, 0x80, 0xff, 0x0a, 0x22, 0x7b]);
          break;
        case 2: // truncation
          bytes = bytes.slice(0, rng.int(bytes.length + 1));
          break;
        case 3: // extension
          bytes = concat(bytes, rng.bytes(1 + rng.int(64)));
          break;
        case 4: // insertion
          bytes = concat(bytes.subarray(0, at), rng.bytes(1 + rng.int(8)), bytes.subarray(at));
          break;
        case 5: // removal
          bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + rng.int(8))));
          break;
        case 6: // a slice repeated
          bytes = concat(bytes.subarray(0, at), bytes.subarray(rng.int(at + 1), at), bytes.subarray(at));
          break;
        case 7: // another message's bytes in the middle
          bytes = concat(bytes.subarray(0, at), this.base().payload, bytes.subarray(at));
          break;
        default: // an interesting varUint in place of a byte
          bytes = concat(
            bytes.subarray(0, at),
            varUint(rng.interestingUint()),
            bytes.subarray(Math.min(bytes.length, at + 1)),
          );
      }
    }
    return bytes;
  }
}

function encodeStateVector(vector: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, vector.size);
  for (const [client, clock] of vector) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

function readAwareness(payload: Uint8Array): { clientId: number; clock: number; json: string }[] {
  const decoder = decoding.createDecoder(payload);
  return Array.from({ length: decoding.readVarUint(decoder) }, () => ({
    clientId: decoding.readVarUint(decoder),
    clock: decoding.readVarUint(decoder),
    json: decoding.readVarString(decoder),
  }));
}

/** A JSON value with one thing changed somewhere in it. */
function mutateJson(rng: Rng, value: unknown, depth: number): unknown {
  const replacement = (): unknown =>
    rng.pick<() => unknown>([
      () => null,
      () => rng.chance(0.5),
      () => rng.interestingUint() * (rng.chance(0.5) ? -1 : 1),
      () => rng.pick([1e308, -0, 0.1, Number.MAX_SAFE_INTEGER + 2]),
      () => dutchish(rng, 6),
      () => [],
      () => ({}),
      () => [dutchish(rng), { anchor: rng.int(9) }],
      () => ({ type: { client: rng.uint32(), clock: rng.int(1e6) }, tname: null, item: null, assoc: 0 }),
    ])();
  if (value !== null && typeof value === 'object' && depth < 4 && rng.chance(0.7)) {
    const keys = Object.keys(value as object);
    if (Array.isArray(value)) {
      const copy: unknown[] = [...value];
      if (copy.length && rng.chance(0.6))
        copy[rng.int(copy.length)] = mutateJson(rng, copy[rng.int(copy.length)], depth + 1);
      else copy.push(replacement());
      return copy;
    }
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const r = rng.float();
    if (keys.length && r < 0.5) {
      const key = rng.pick(keys);
      copy[key] = mutateJson(rng, copy[key], depth + 1);
    } else if (keys.length && r < 0.65) {
      delete copy[rng.pick(keys)];
    } else {
      // defineProperty, so that "__proto__" becomes a key, as JSON.parse makes it.
      Object.defineProperty(
        copy,
        rng.pick(['cursor', 'user', 'name', 'color', '__proto__', 'selection', dutchish(rng, 1)]),
        { value: replacement(), enumerable: true, writable: true, configurable: true },
      );
    }
    return copy;
  }
  return replacement();
}

// ---------------------------------------------------------------------------
// Fuzz sockets

type Outcome = { type: 'ok' } | { type: 'closed'; code: number; reason: string } | { type: 'silent' };

/** What became of a batch: the first `ok` frames were processed; the next one (if any) ended it with `end`; the rest were never looked at. */
interface BatchResult {
  ok: number;
  end: Exclude<Outcome, { type: 'ok' }> | null;
}

/**
 * A raw socket to the collab endpoint. Each frame is followed by a probe: an
 * awareness update of this socket's own presence with a new clock, which the
 * server echoes once it has processed everything before it. The server
 * handles a socket's frames in order, so the echoes tell exactly which
 * frames were processed, and which one made the server close the socket.
 */
class FuzzSocket {
  private closeInfo: { code: number; reason: string } | null = null;
  private probeClock = 0;
  /** Clock of the last probe echoed back. */
  private echoed = 0;
  private wake: (() => void) | null = null;
  onClose: () => void = () => undefined;

  private constructor(
    private readonly ws: WebSocket,
    private probeId: number,
  ) {
    ws.on('message', (data: Buffer) => {
      if (data[0] !== 1 || this.echoed === this.probeClock) return;
      const clock = probeEchoClock(data, this.probeId);
      if (clock > this.echoed) {
        this.echoed = clock;
        this.wake?.();
      }
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.closeInfo = { code, reason: reason.toString() };
      this.onClose();
      this.wake?.();
    });
  }

  /** Opens a socket; resolves with the HTTP status when the upgrade is refused. */
  static open(url: string, probeId: number): Promise<FuzzSocket | number> {
    return new Promise((resolve) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.on('error', () => undefined); // 'close' follows
      ws.once('open', () => resolve(new FuzzSocket(ws, probeId)));
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
    });
  }

  /**
   * Sends the frames in one write, with a probe after each frame marked in
   * `probed` (and always after the last); resolves once every probe came back,
   * or the socket closed. `ok`: how many frames are known to be processed.
   */
  async exchange(frames: (Uint8Array | string)[], probed: boolean[]): Promise<BatchResult> {
    if (this.closeInfo) return { ok: 0, end: { type: 'closed', ...this.closeInfo } };
    /** For each probe clock sent now: how many frames are processed once it comes back. */
    const framesAt = new Map<number, number>();
    // ws corks each message; this corks the whole batch into one write (ws keeps its socket private).
    const socket = (this.ws as unknown as { _socket?: Socket })._socket;
    socket?.cork();
    frames.forEach((frame, i) => {
      this.ws.send(frame, { binary: typeof frame !== 'string' });
      if (!probed[i] && i < frames.length - 1) return;
      this.ws.send(probeFrame(this.probeId, ++this.probeClock));
      framesAt.set(this.probeClock, i + 1);
    });
    socket?.uncork();
    const processed = () => framesAt.get(this.echoed) ?? 0;
    let progressAt = Date.now();
    let seen = this.echoed;
    while (this.echoed < this.probeClock && !this.closeInfo) {
      if (Date.now() - progressAt > PROBE_TIMEOUT_MS) {
        // Open, but the probe got lost (a fuzz frame may have claimed its client id with a higher clock).
        this.ws.terminate();
        return { ok: processed(), end: { type: 'silent' } };
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, PROBE_TIMEOUT_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      if (this.echoed > seen) [seen, progressAt] = [this.echoed, Date.now()];
    }
    if (this.echoed === this.probeClock) return { ok: frames.length, end: null };
    return { ok: processed(), end: { type: 'closed', ...this.closeInfo! } };
  }

  close(): Promise<void> {
    if (this.closeInfo) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close(1000);
    });
  }

  terminate(): void {
    this.ws.terminate();
  }
}

// ---------------------------------------------------------------------------
// Bookkeeping

interface KindStats {
  sent: number;
  ok: number;
  silent: number;
  closes: Map<number, number>;
}

class FuzzStats {
  sent = 0;
  ok = 0;
  /** Closes of a group of frames without probes between them; the group then went again, frame by frame. */
  unprobedCloses = 0;
  silent = 0;
  connections = 0;
  readonly closes = new Map<number, number>();
  readonly kinds = new Map<string, KindStats>();
  /** Frames whose outcome broke a rule, with the rule. */
  readonly violations: { rule: string; kind: string; outcome: string; frame: string; sentWith: string[] }[] = [];
  /** Sync frames the server processed in the current epoch (they may have changed the document), in order. */
  epochSyncFrames: { kind: string; outcome: string; frame: Uint8Array }[] = [];

  record(frame: Frame, outcome: Outcome, context: Frame[] = []): void {
    this.sent += 1;
    let kind = this.kinds.get(frame.kind);
    if (!kind) this.kinds.set(frame.kind, (kind = { sent: 0, ok: 0, silent: 0, closes: new Map() }));
    kind.sent += 1;
    if (outcome.type === 'ok') {
      this.ok += 1;
      kind.ok += 1;
    } else if (outcome.type === 'silent') {
      this.silent += 1;
      kind.silent += 1;
    } else {
      this.closes.set(outcome.code, (this.closes.get(outcome.code) ?? 0) + 1);
      kind.closes.set(outcome.code, (kind.closes.get(outcome.code) ?? 0) + 1);
    }
    const described = outcome.type === 'closed' ? `closed ${outcome.code} (${outcome.reason})` : outcome.type;
    const rule = violatedRule(frame, outcome);
    if (rule && this.violations.length < 50) {
      this.violations.push({
        rule,
        kind: frame.kind,
        outcome: described,
        frame: hex(frame.data),
        sentWith: context.map((f) => `${f.kind} ${hex(f.data).slice(0, 300)}`),
      });
    }
    if (
      typeof frame.data !== 'string' &&
      frame.data[0] === 0 &&
      frame.data.length < 64 * 1024 &&
      outcome.type !== 'silent'
    ) {
      this.epochSyncFrames.push({ kind: frame.kind, outcome: described, frame: frame.data });
    }
  }

  table(): string {
    const rows = [...this.kinds].sort(([a], [b]) => a.localeCompare(b));
    return rows
      .map(
        ([name, k]) =>
          `  ${name.padEnd(26)} sent ${String(k.sent).padStart(6)}  ok ${String(k.ok).padStart(6)}  silent ${k.silent}  closed ${JSON.stringify(Object.fromEntries(k.closes))}`,
      )
      .join('\n');
  }
}

function hex(data: Uint8Array | string): string {
  return typeof data === 'string'
    ? `text:${JSON.stringify(data.slice(0, 200))}`
    : Buffer.from(data.subarray(0, 4096)).toString('hex') + (data.length > 4096 ? `…(${data.length} bytes)` : '');
}

/** What the server must do with frames whose fate is known in advance. */
function violatedRule(frame: Frame, outcome: Outcome): string | null {
  const closedWith = outcome.type === 'closed' ? outcome.code : null;
  if (closedWith !== null && !ALLOWED_CLOSE_CODES.has(closedWith))
    return `close code ${closedWith} is none of ${[...ALLOWED_CLOSE_CODES].join(', ')}`;
  if (outcome.type === 'silent') return 'the socket stayed open, but the probe after the frame never came back';
  switch (frame.kind) {
    case 'valid-update':
    case 'valid-step1':
    case 'valid-awareness':
    case 'valid-odd-document':
    case 'valid-delete-set':
    case 'query-awareness':
    case 'mutated-awareness-json':
    case 'mutated-state-vector':
      return closedWith === null ? null : 'a well-formed frame closed the socket';
    case 'text-frame':
    case 'too-long-length':
    case 'wrong-sync-type':
    case 'wrong-message-type':
      return closedWith === 4400 ? null : 'a frame that is not the protocol must close the socket with 4400';
    case 'oversized-frame':
      return closedWith === 1009 || closedWith === 1006
        ? null
        : 'a frame over maxPayload must close the socket with 1009';
    case 'over-document-cap':
      return closedWith === 4413 ? null : 'an update larger than the document cap must close the socket with 4413';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// The database's view of a document

/** What is stored for these documents (snapshot merged with the updates after it), each as a Y.Doc; throws when it does not decode. */
async function storedDocs(t: TestApp, itemIds: string[]): Promise<Map<string, Y.Doc>> {
  const rows = await sql<{ item_id: string; state: Buffer }>(
    t.db.url,
    `SELECT item_id, state FROM (
       SELECT item_id, 0 AS part, 0::bigint AS id, state FROM yjs_snapshots WHERE item_id = ANY($1::uuid[])
       UNION ALL
       SELECT item_id, 1 AS part, id, update AS state FROM yjs_updates WHERE item_id = ANY($1::uuid[])
     ) parts ORDER BY item_id, part, id`,
    [itemIds],
  );
  const docs = new Map(itemIds.map((id) => [id, new Y.Doc()]));
  for (const row of rows) {
    try {
      Y.applyUpdate(docs.get(row.item_id)!, new Uint8Array(row.state));
    } catch (error) {
      throw new Error(`the stored state of ${row.item_id} does not decode: ${String(error)}`, { cause: error });
    }
  }
  return docs;
}

async function storedDoc(t: TestApp, itemId: string): Promise<Y.Doc> {
  return (await storedDocs(t, [itemId])).get(itemId)!;
}

async function storedFragment(t: TestApp, itemId: string): Promise<string> {
  const doc = await storedDoc(t, itemId);
  const fragment = doc.getXmlFragment('default').toString();
  doc.destroy();
  return fragment;
}

/** What the server does first on a new socket: sends its sync step 1, or closes (with this code). */
function firstAnswer(url: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('error', () => undefined);
    ws.once('message', (data: Buffer) => {
      resolve(data[0] === 0 && data[1] === 0 ? 'sync step 1' : `message ${data.subarray(0, 2).toString('hex')}`);
      ws.terminate();
    });
    ws.once('close', (code: number) => resolve(`closed ${code}`));
  });
}

const fragmentOf = (client: CollabClient) => client.doc.getXmlFragment('default').toString();
const once = (action: () => void) => {
  let done = false;
  return () => {
    if (!done) action();
    done = true;
  };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------

/** Kinds that are well-formed (or well-formed plus trailing bytes): sent in groups with one probe after the group. */
const QUIET_KINDS = /^(valid-|query-awareness$|mutated-awareness-json$|mutated-state-vector$|trailing-bytes-)/;
/** Most frames in one write. */
const MAX_BATCH = 12;

/**
 * The next frames to send, and which of them get their own probe. Quiet
 * frames go in groups with one probe at the end; any other frame gets its own
 * probe, so that the frame that made the server close a socket is known.
 * Text frames and frames over maxPayload go alone: the server refuses them on
 * arrival, while the other frames wait in line for the document to load, so
 * frames sent before them could go unprocessed.
 */
function nextBatch(worker: Worker): { batch: Frame[]; probed: boolean[] } {
  while (worker.queue.length < 2 * MAX_BATCH) worker.queue.push(worker.factory.next());
  const refusedOnArrival = (frame: Frame) => typeof frame.data === 'string' || frame.data.length > MAX_MESSAGE_BYTES;
  const quiet = (frame: Frame) => !frame.probed && QUIET_KINDS.test(frame.kind);
  if (refusedOnArrival(worker.queue[0])) return { batch: worker.queue.splice(0, 1), probed: [true] };
  if (!quiet(worker.queue[0])) {
    let n = 1;
    while (n < MAX_BATCH / 2 && !quiet(worker.queue[n]) && !refusedOnArrival(worker.queue[n])) n++;
    return { batch: worker.queue.splice(0, n), probed: new Array<boolean>(n).fill(true) };
  }
  const batch: Frame[] = [];
  for (let i = 0; i < worker.queue.length && batch.length < MAX_BATCH;) {
    if (quiet(worker.queue[i])) batch.push(...worker.queue.splice(i, 1));
    else i++;
  }
  return { batch, probed: batch.map((_, i) => i === batch.length - 1) };
}

const FUZZED_BODY = '# Situatie\n\nBegin van de **casus**.\n\n- punt één\n- punt twee';

describe('the collab endpoint under fuzzing', () => {
  let t: TestApp;
  let c: CommunityFixture;
  /** Sockets and clients to end even when the test fails half-way. */
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      COLLAB_IDLE_UNLOAD_MS: String(IDLE_UNLOAD_MS),
      COLLAB_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
      COLLAB_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
    });
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(async () => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    await t.close();
  });

  it(`survives ${TARGET_FRAMES.toLocaleString('en')} random and mutated frames: only the offending socket closes, editing elsewhere goes on, stored state stays loadable`, async () => {
    console.log(`collab fuzz seed: ${SEED} (FUZZ_SEED=${SEED} to repeat the frames)`);
    const rng = new Rng(SEED);
    const registry = t.app.get(CollabService).registry;
    const newCase = (title: string, body: string) =>
      createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title, body });
    const edited = await newCase('Rustige casus', 'Hier wordt gewoon geschreven.');

    // Two well-behaved editors on another document, for the whole run.
    const bystanders = [
      await connectClient(t.baseUrl, c.member.token, edited.id),
      await connectClient(t.baseUrl, c.facilitator.token, edited.id),
    ];
    const endBystanders = once(() => bystanders.forEach((b) => b.destroy()));
    cleanups.push(endBystanders);
    let bystanderDisconnects = 0;
    for (const b of bystanders)
      b.provider.on(
        'status',
        ({ status }: { status: string }) => status === 'disconnected' && (bystanderDisconnects += 1),
      );
    let fuzzing = true;
    cleanups.push(() => (fuzzing = false));
    const bystanderRng = new Rng(SEED ^ 0xb157a4d);
    const bystanderWork = (async () => {
      let edits = 0;
      while (fuzzing && edits < 10_000) {
        const doc = bystanderRng.pick(bystanders).doc;
        const fragment = doc.getXmlFragment('default');
        doc.transact(() => {
          const paragraph = fragment.get(bystanderRng.int(fragment.length));
          const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
          if (fragment.length > 12 && bystanderRng.chance(0.2)) {
            fragment.delete(bystanderRng.int(fragment.length), 1);
          } else if (!(text instanceof Y.XmlText) || bystanderRng.chance(0.15)) {
            const fresh = new Y.XmlElement('paragraph');
            fresh.insert(0, [new Y.XmlText(dutchish(bystanderRng))]);
            fragment.insert(bystanderRng.int(fragment.length + 1), [fresh]);
          } else if (text.length > 40 && bystanderRng.chance(0.4)) {
            const at = bystanderRng.int(text.length);
            text.delete(at, Math.min(1 + bystanderRng.int(10), text.length - at));
          } else {
            text.insert(bystanderRng.int(text.length + 1), dutchish(bystanderRng, 2));
          }
        });
        edits += 1;
        await sleep(20 + bystanderRng.int(40));
      }
      return edits;
    })();

    // The fuzz sockets: a reader's and a member's on the first fuzzed document, a member's on each other one.
    const stats = new FuzzStats();
    const workerRngs = [true, ...new Array<boolean>(FUZZED_DOCUMENTS).fill(false)].map(() => new Rng(rng.uint32()));
    let fuzzed: { id: string }[] = [];
    const allFuzzed: string[] = [];
    let workers: Worker[] = [];
    const newDocuments = async (generation: number) => {
      fuzzed = await Promise.all(
        Array.from({ length: FUZZED_DOCUMENTS }, (_, i) =>
          newCase(`Gefuzzde casus ${generation + 1}.${i + 1}`, FUZZED_BODY),
        ),
      );
      allFuzzed.push(...fuzzed.map(({ id }) => id));
      const states = await sql<{ item_id: string; state: Buffer }>(
        t.db.url,
        'SELECT item_id, state FROM yjs_snapshots WHERE item_id = ANY($1::uuid[])',
        [fuzzed.map(({ id }) => id)],
      );
      const initial = new Map(states.map((row) => [row.item_id, new Uint8Array(row.state)]));
      workers = fuzzed.flatMap(({ id }, d) =>
        (d === 0 ? [true, false] : [false]).map((readOnly, s) => {
          const workerRng = workerRngs[d + s];
          return {
            itemId: id,
            rng: workerRng,
            factory: new FrameFactory(workerRng, initial.get(id)!, readOnly),
            token: readOnly ? c.reader.token : c.member.token,
            ticket: null,
            socket: null,
            queue: [],
          };
        }),
      );
    };
    const started = Date.now();
    const cpuAtStart = process.cpuUsage();
    const outOfTime = () => Date.now() - started > FUZZ_BUDGET_MS;
    const openSockets = new Set<FuzzSocket>();
    cleanups.push(() => openSockets.forEach((socket) => socket.terminate()));
    const wsBase = `${t.baseUrl.replace('http', 'ws')}/collab`;
    const connect = async (worker: Worker): Promise<FuzzSocket> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        // Tickets are single-use: one per socket.
        worker.ticket = { token: (await collabTicket(t.baseUrl, worker.token, worker.itemId)).token, at: Date.now() };
        const opened = await FuzzSocket.open(
          `${wsBase}/${worker.itemId}?ticket=${worker.ticket.token}`,
          worker.rng.uint32(),
        );
        stats.connections += 1;
        if (typeof opened !== 'number') {
          openSockets.add(opened);
          opened.onClose = () => openSockets.delete(opened);
          return opened;
        }
      }
      throw new Error('a fuzz socket was refused three times with fresh tickets');
    };
    const dumpEpoch = (why: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'collab-fuzz-'));
      writeFileSync(
        join(dir, 'sync-frames.json'),
        JSON.stringify(
          stats.epochSyncFrames.map((f) => ({ ...f, frame: hex(f.frame) })),
          null,
          1,
        ),
      );
      return `${why}; the sync frames processed in that epoch, in order, are in ${dir}/sync-frames.json`;
    };

    const epochs: string[] = [];
    let largestPending = 0;
    for (let epoch = 0; epoch < EPOCHS && !outOfTime(); epoch++) {
      if (epoch % EPOCHS_PER_DOCUMENT === 0) await newDocuments(epoch / EPOCHS_PER_DOCUMENT);
      const epochStarted = Date.now();
      const epochTarget = Math.ceil((TARGET_FRAMES * (epoch + 1)) / EPOCHS);
      const loadFailures: string[] = [];
      stats.epochSyncFrames = [];
      await Promise.all(
        workers.map(async (worker) => {
          while (stats.sent < epochTarget && !outOfTime() && !loadFailures.length) {
            worker.socket ??= await connect(worker);
            const { batch, probed } = nextBatch(worker);
            const { ok, end } = await worker.socket.exchange(
              batch.map((frame) => frame.data),
              probed,
            );
            for (const frame of batch.slice(0, ok)) stats.record(frame, { type: 'ok' });
            if (!end) continue;
            worker.socket = null;
            // The frames up to the next probe include the one that ended the socket; the frames after it
            // were never looked at and go out again on the next socket.
            const suspects = probed.indexOf(true, ok) === -1 ? batch.length - ok : probed.indexOf(true, ok) - ok + 1;
            worker.queue.unshift(...batch.slice(ok + suspects));
            if (end.type === 'closed' && end.code === 4500) {
              // The document could not be loaded: what the epoch before stored is the suspect, not these frames.
              loadFailures.push(`${worker.itemId} in epoch ${epoch}: ${end.reason}`);
              worker.queue.unshift(...batch.slice(ok, ok + suspects));
            } else if (suspects === 1) {
              stats.record(batch[ok], end, batch);
            } else {
              // Several frames without a probe between them: each goes again with its own probe, to find the one.
              stats.unprobedCloses += 1;
              worker.queue.unshift(...batch.slice(ok, ok + suspects).map((frame) => ({ ...frame, probed: true })));
            }
          }
          await worker.socket?.close();
          worker.socket = null;
        }),
      );
      if (loadFailures.length)
        throw new Error(dumpEpoch(`a fuzzed document could not be loaded again (${loadFailures[0]})`));
      // Nothing may be held back as pending: Yjs would retry it on every later update (issue 7).
      const pending = fuzzed.map(({ id }) => {
        const store = registry.loaded(id)?.doc.store;
        return (store?.pendingStructs?.update.length ?? 0) + (store?.pendingDs?.length ?? 0);
      });
      // Everyone left: each document is flushed, compacted and unloaded; the next epoch loads it from the database.
      await waitFor(() => fuzzed.every(({ id }) => !registry.loaded(id)), 15_000, 'the fuzzed documents to unload');
      let storedBytes: number[];
      try {
        const docs = await storedDocs(
          t,
          fuzzed.map(({ id }) => id),
        );
        storedBytes = [...docs.values()].map((doc) => Y.encodeStateAsUpdate(doc).length);
        docs.forEach((doc) => doc.destroy());
      } catch (error) {
        throw new Error(dumpEpoch(String(error)), { cause: error });
      }
      largestPending = Math.max(largestPending, ...pending);
      epochs.push(
        `  epoch ${epoch}: up to frame ${stats.sent} in ${((Date.now() - epochStarted) / 1000).toFixed(1)} s; largest pending ${Math.max(...pending)} bytes, largest stored ${Math.max(...storedBytes)} bytes`,
      );
    }
    fuzzing = false;
    const bystanderEdits = await bystanderWork;
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);

    console.log(
      [
        `collab fuzz: ${stats.sent} frames in ${seconds.toFixed(1)} s (this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU) over ${stats.connections} connections (seed ${SEED})`,
        `  processed with the socket still open: ${stats.ok}; probe lost: ${stats.silent}; groups resent frame by frame: ${stats.unprobedCloses}`,
        `  close codes: ${JSON.stringify(Object.fromEntries([...stats.closes].sort(([a], [b]) => a - b)))}`,
        stats.table(),
        ...epochs,
        `  bystander edits: ${bystanderEdits}`,
      ].join('\n'),
    );

    // Enough frames, each with a known outcome, and no rule broken.
    expect(stats.sent).toBeGreaterThanOrEqual(TARGET_FRAMES);
    expect(stats.violations).toEqual([]);
    expect([...stats.closes.keys()].filter((code) => !ALLOWED_CLOSE_CODES.has(code))).toEqual([]);
    expect(largestPending).toBe(0);
    // The fuzz reached every path: accepted frames and each kind of refusal.
    expect(stats.ok).toBeGreaterThan(TARGET_FRAMES / 10);
    for (const code of [4400, 4413, 1009]) expect(stats.closes.get(code) ?? 0).toBeGreaterThan(0);

    // The server is up.
    expect((await request(t.baseUrl).get('/health')).status).toBe(200);

    // The editors on the other document never lost their connection, and converged with what is stored.
    expect(bystanderEdits).toBeGreaterThan(50);
    expect(bystanderDisconnects).toBe(0);
    await waitFor(() => fragmentOf(bystanders[0]) === fragmentOf(bystanders[1]), 10_000, 'the editors to converge');
    expect(fragmentOf(bystanders[0])).toContain('<paragraph>');
    await waitFor(
      async () => (await storedFragment(t, edited.id)) === fragmentOf(bystanders[0]),
      5_000,
      'the stored state to match the editors',
    );
    endBystanders();
    await waitFor(() => !registry.loaded(edited.id), 10_000, 'the edited document to unload');
    const editedText = yDocToText(await storedDoc(t, edited.id));
    expect(editedText.length).toBeGreaterThan(20);
    expect(
      (await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { text } }`, { id: edited.id }, c.member.token)).data!
        .item.text,
    ).toBe(editedText);

    // Every fuzzed document opens: the server loads what it stored and sends its sync step 1 (not 4500).
    for (const id of allFuzzed) {
      const ticket = await collabTicket(t.baseUrl, c.facilitator.token, id);
      expect(`${id}: ${await firstAnswer(`${wsBase}/${id}?ticket=${ticket.token}`)}`).toBe(`${id}: sync step 1`);
    }
    await Promise.all(
      fuzzed.map(async ({ id }) => {
        // A fresh editor can open the fuzzed document and sees what is stored.
        await waitFor(() => !registry.loaded(id), 10_000, 'the fuzzed document to unload');
        const fresh = await connectClient(t.baseUrl, c.facilitator.token, id);
        const endFresh = once(() => fresh.destroy());
        cleanups.push(endFresh);
        expect(fragmentOf(fresh)).toBe(await storedFragment(t, id));
        // It can still edit, and the edit is stored.
        fresh.doc.transact(() => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText('Na het fuzzen.')]);
          fresh.doc.getXmlFragment('default').insert(0, [paragraph]);
        });
        await waitFor(
          async () => (await storedFragment(t, id)) === fragmentOf(fresh),
          5_000,
          'the edit after fuzzing to be stored',
        );
        endFresh();
        // Once unloaded, what is derived from the document (its text) is in step with it.
        await waitFor(() => !registry.loaded(id), 10_000, 'the fuzzed document to unload');
        const item = await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { text } }`, { id }, c.member.token);
        expect(item.data!.item.text).toBe(yDocToText(await storedDoc(t, id)));
      }),
    );
  }, 420_000);
});

interface Worker {
  itemId: string;
  rng: Rng;
  factory: FrameFactory;
  token: string;
  ticket: { token: string; at: number } | null;
  socket: FuzzSocket | null;
  /** Frames made but not yet sent, or sent after a frame that closed the socket. */
  queue: Frame[];
}
