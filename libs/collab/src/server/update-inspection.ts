import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { ProtocolError } from './messages';

type Struct = Y.Item | Y.GC | Y.Skip;
type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What a client's update would do to a document, found out before it is applied. */
export interface UpdateInspection {
  /** Yjs client ids under which the update adds structs the document does not have yet. */
  writers: Set<number>;
  /**
   * Yjs could not integrate every struct now (a dependency the document
   * lacks) and would keep the rest back as pending.
   */
  incomplete: boolean;
}

/** One client's structs in an update, in clock order; `next` is the first not yet integrated. */
interface Run {
  client: number;
  structs: Struct[];
  next: number;
}

/**
 * Inspects a v1 update against the document, without changing either.
 * `decoded` is `Y.decodeUpdate(update)`. Throws ProtocolError for updates no
 * Yjs encoder writes and Yjs would misread (see `runsOf`, `crossDependency`).
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate): UpdateInspection {
  checkDeletions(decoded.ds);
  const runs = runsOf(update, decoded.structs);
  const state = new Map<number, number>();
  const stateOf = (client: number) => state.get(client) ?? Y.getState(doc.store, client);
  const writers = new Set<number>();
  for (const run of runs.values())
    if (run.structs.some((struct) => isNew(struct, stateOf(run.client)))) writers.add(run.client);
  return { writers, incomplete: !integrates(runs, stateOf, (client, clock) => state.set(client, clock)) };
}

/** A struct (not a skip) reaching past what the document has of its client; zero-length ones at the end count too. */
function isNew(struct: Struct, known: number): boolean {
  return !(struct instanceof Y.Skip) && struct.id.clock + Math.max(struct.length, 1) > known;
}

/**
 * Yjs never writes an empty range; one for content the document lacks makes
 * Yjs throw after it integrated the structs, so the update would be half-applied.
 */
function checkDeletions(ds: DecodedUpdate['ds']): void {
  for (const [client, ranges] of ds.clients) {
    if (ranges.some((range) => range.len === 0))
      throw new ProtocolError(`update deletes an empty range of client ${client}`);
  }
}

/**
 * The update's structs by client. Yjs reads one block per client and a later
 * block for the same client replaces the earlier one, so an update with a
 * repeated or empty block would be integrated differently from how it
 * decodes: refused (Yjs itself never writes one).
 */
function runsOf(update: Uint8Array, structs: Struct[]): Map<number, Run> {
  const blocks = decoding.readVarUint(decoding.createDecoder(update));
  const runs = new Map<number, Run>();
  let previous: number | null = null;
  for (const struct of structs) {
    const client = struct.id.client;
    if (client !== previous && runs.has(client)) throw new ProtocolError(`update has client ${client} in two blocks`);
    if (client !== previous) runs.set(client, { client, structs: [], next: 0 });
    runs.get(client)!.structs.push(struct);
    previous = client;
  }
  if (runs.size !== blocks) throw new ProtocolError('update has an empty or repeated block');
  return runs;
}

/**
 * Yjs' integration (integrateStructs in yjs/src/utils/encoding.js) replayed
 * on clocks alone. Clients are taken highest id first, each client's structs
 * in clock order; a struct integrates once its client's earlier clocks are
 * known and its origin, right origin and parent are. A missing one is looked
 * for in the update's next struct of that client, the waiting struct on a
 * stack meanwhile. Where Yjs would give up and keep structs pending, this
 * returns false. Each struct is taken once, so this is linear.
 */
function integrates(
  runs: Map<number, Run>,
  stateOf: (client: number) => number,
  setState: (client: number, clock: number) => void,
): boolean {
  const clients = [...runs.keys()].sort((a, b) => a - b);
  const nextRun = (): Run | null => {
    for (; clients.length; clients.pop()) {
      const run = runs.get(clients[clients.length - 1])!;
      if (run.next < run.structs.length) return run;
    }
    return null;
  };
  const stack: Struct[] = [];
  let run = nextRun();
  let head = run ? run.structs[run.next++] : null;
  while (head) {
    if (!(head instanceof Y.Skip)) {
      const known = stateOf(head.id.client);
      if (known < head.id.clock) return false; // an earlier part of this client is missing
      const missing = missingDependency(head, stateOf);
      if (missing !== null) {
        const dependency = runs.get(missing);
        if (!dependency || dependency.next === dependency.structs.length) return false;
        stack.push(head);
        head = dependency.structs[dependency.next++];
        continue;
      }
      if (known === head.id.clock || known < head.id.clock + head.length)
        setState(head.id.client, head.id.clock + head.length);
    }
    if (stack.length) head = stack.pop()!;
    else if (run && run.next < run.structs.length) head = run.structs[run.next++];
    else {
      run = nextRun();
      head = run ? run.structs[run.next++] : null;
    }
  }
  return true;
}

/** The client of a dependency the document does not have yet, or null. */
function missingDependency(struct: Y.Item | Y.GC, stateOf: (client: number) => number): number | null {
  if (!(struct instanceof Y.Item)) return null;
  const parent = struct.parent instanceof Y.ID ? struct.parent : null;
  for (const id of [struct.origin, struct.rightOrigin, parent]) {
    if (id && crossDependency(struct, id) && id.clock >= stateOf(id.client)) return id.client;
  }
  return null;
}

/**
 * Whether a dependency is on another client. Yjs assumes one on the same
 * client comes before the struct (as it always writes them) and does not
 * check it; one that does not would make it throw half-way through applying.
 */
function crossDependency(struct: Y.Item, id: Y.ID): boolean {
  if (id.client !== struct.id.client) return true;
  if (id.clock >= struct.id.clock)
    throw new ProtocolError(`struct ${struct.id.client}:${struct.id.clock} depends on a later clock of its own client`);
  return false;
}
