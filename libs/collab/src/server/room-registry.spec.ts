import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CollabConnection, DocumentRoom, Peer, UpdateOrigin } from './document-room';
import { CLOSE, encodeSyncUpdate, MESSAGE_SYNC } from './messages';
import { DocumentPersistence, RoomRegistry } from './room-registry';

// Captured before any test fakes timers: one real turn of the event loop runs every pending promise callback.
const realSetImmediate = setImmediate;
const drain = () => new Promise<void>((resolve) => realSetImmediate(resolve));

class FakeConnection implements CollabConnection {
  readonly sent: Uint8Array[] = [];
  readonly closes: { code: number; reason: string }[] = [];
  send(message: Uint8Array): void {
    this.sent.push(message);
  }
  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Storage in memory. Updates are pending until a flush succeeds, then durable;
 * `load` returns the durable state. Each step can be replaced by a test (to
 * fail, or to wait for a promise the test resolves by hand), and every call is
 * recorded, in order, in `log`.
 */
class MemoryPersistence implements DocumentPersistence {
  readonly durable = new Map<string, Uint8Array>();
  readonly pending = new Map<string, Uint8Array[]>();
  readonly stored: { name: string; update: Uint8Array; origin: UpdateOrigin }[] = [];
  readonly log: string[] = [];
  readonly unloaded: { name: string; text: string }[] = [];
  loads = 0;
  flushes = 0;

  /** What the next loads do; by default the durable state (or null). */
  onLoad: (name: string) => Promise<Uint8Array | null> = async (name) => this.durable.get(name) ?? null;
  onFlush: (name: string) => Promise<void> = async () => undefined;
  onUnloading: (name: string) => Promise<void> = async () => undefined;

  load(name: string): Promise<Uint8Array | null> {
    this.loads++;
    this.log.push(`load ${name}`);
    return this.onLoad(name);
  }

  store(name: string, update: Uint8Array, origin: UpdateOrigin): void {
    this.stored.push({ name, update, origin });
    this.pending.set(name, [...(this.pending.get(name) ?? []), update]);
  }

  async flush(name: string): Promise<void> {
    this.flushes++;
    this.log.push(`flush ${name}`);
    const batch = this.pending.get(name) ?? [];
    await this.onFlush(name);
    const current = this.durable.get(name);
    this.durable.set(name, Y.mergeUpdates([...(current ? [current] : []), ...batch]));
    this.pending.set(name, (this.pending.get(name) ?? []).slice(batch.length));
    this.log.push(`flushed ${name}`);
  }

  async unloading(name: string, doc: Y.Doc): Promise<void> {
    this.log.push(`unloading ${name}`);
    this.unloaded.push({ name, text: doc.getText('t').toString() });
    await this.onUnloading(name);
  }

  textOf(name: string): string {
    const doc = new Y.Doc();
    const state = this.durable.get(name);
    if (state) Y.applyUpdate(doc, state);
    const text = doc.getText('t').toString();
    doc.destroy();
    return text;
  }
}

const writer = (id: string): Peer => ({ identity: { id, name: id, color: '#123456' }, readOnly: false });
const IDLE_MS = 1_000;

function stateWith(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** What a client sends when it types `text` at the start of the room's document. */
function edit(room: DocumentRoom, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return encodeSyncUpdate(update);
}

function firstFrameType(connection: FakeConnection): [number, number] {
  const decoder = decoding.createDecoder(connection.sent[0]);
  return [decoding.readVarUint(decoder), decoding.readVarUint(decoder)];
}

const activeTimeouts = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

let persistence: MemoryPersistence;
let registry: RoomRegistry;

beforeEach(() => {
  persistence = new MemoryPersistence();
  registry = new RoomRegistry(persistence, { maxDocumentBytes: 100_000, idleMs: IDLE_MS });
});

afterEach(async () => {
  // Whatever a test left behind: let storage succeed and unload everything.
  persistence.onLoad = async (name) => persistence.durable.get(name) ?? null;
  persistence.onFlush = async () => undefined;
  persistence.onUnloading = async () => undefined;
  await registry.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);
  expect(registry.loadedCount).toBe(0);
  jest.useRealTimers();
});

describe('RoomRegistry', () => {
  describe('loading', () => {
    it('loads a document once however many connections arrive at once', async () => {
      const gate = deferred<Uint8Array | null>();
      persistence.onLoad = () => gate.promise;
      const connections = [new FakeConnection(), new FakeConnection(), new FakeConnection()];

      const joins = connections.map((connection, i) => registry.join('doc', connection, writer(`u${i}`)));
      const viaWork = registry.withRoom('doc', (room) => room);
      await drain();
      expect(persistence.loads).toBe(1);
      expect(registry.loaded('doc')).toBeUndefined(); // still loading
      expect(connections.every((connection) => connection.sent.length === 0)).toBe(true);

      gate.resolve(stateWith('gedeeld'));
      const rooms = await Promise.all(joins);
      expect(await viaWork).toBe(rooms[0]);
      expect(new Set(rooms).size).toBe(1);
      expect(rooms[0].size).toBe(3);
      expect(rooms[0].doc.getText('t').toString()).toBe('gedeeld');
      expect(persistence.loads).toBe(1);
      for (const connection of connections) expect(firstFrameType(connection)).toEqual([MESSAGE_SYNC, 0]);
    });

    it('finds a loaded document without loading it again', async () => {
      const first = await registry.join('doc', new FakeConnection(), writer('a'));
      const second = await registry.join('doc', new FakeConnection(), writer('b'));
      expect(second).toBe(first);
      expect(persistence.loads).toBe(1);
      expect(registry.loaded('doc')).toBe(first);
      expect(registry.loadedCount).toBe(1);
    });

    it('keeps documents apart', async () => {
      persistence.durable.set('a', stateWith('A'));
      persistence.durable.set('b', stateWith('B'));
      const a = await registry.join('a', new FakeConnection(), writer('x'));
      const b = await registry.join('b', new FakeConnection(), writer('x'));
      expect(a).not.toBe(b);
      expect(a.doc.getText('t').toString()).toBe('A');
      expect(b.doc.getText('t').toString()).toBe('B');
      expect(registry.loadedCount).toBe(2);
    });

    it('starts a document that has no stored state empty', async () => {
      const room = await registry.join('nieuw', new FakeConnection(), writer('a'));
      expect(room.doc.getText('t').toString()).toBe('');
      expect(persistence.stored).toEqual([]);
    });

    it('rejects every waiting join when the load fails, creates nothing, and loads afresh next time', async () => {
      persistence.durable.set('doc', stateWith('bewaard'));
      const gate = deferred<Uint8Array | null>();
      persistence.onLoad = () => gate.promise;
      const a = new FakeConnection();
      const b = new FakeConnection();
      const joins = [registry.join('doc', a, writer('a')), registry.join('doc', b, writer('b'))];
      await drain();

      gate.reject(new Error('database weg'));
      for (const join of joins) await expect(join).rejects.toThrow('database weg');
      expect(registry.loaded('doc')).toBeUndefined();
      expect(registry.loadedCount).toBe(0);
      expect(a.sent).toEqual([]);
      expect(persistence.stored).toEqual([]);
      expect(persistence.flushes).toBe(0);
      expect(persistence.unloaded).toEqual([]);

      persistence.onLoad = async (name) => persistence.durable.get(name) ?? null;
      const room = await registry.join('doc', new FakeConnection(), writer('c'));
      expect(persistence.loads).toBe(2);
      expect(room.doc.getText('t').toString()).toBe('bewaard');
    });

    it('rejects withRoom too when the load fails, without running the work', async () => {
      persistence.onLoad = async () => {
        throw new Error('kapot');
      };
      const work = jest.fn();
      await expect(registry.withRoom('doc', work)).rejects.toThrow('kapot');
      expect(work).not.toHaveBeenCalled();
      expect(registry.loadedCount).toBe(0);
    });

    it('refuses a corrupt stored state without leaving a timer running, and loads afresh next time', async () => {
      persistence.durable.set('doc', new Uint8Array([1, 2, 3]));
      const before = activeTimeouts();
      await expect(registry.join('doc', new FakeConnection(), writer('a'))).rejects.toThrow();
      expect(activeTimeouts()).toBe(before);
      expect(registry.loadedCount).toBe(0);
      expect(persistence.stored).toEqual([]);

      // The same measurement does see the timer of a document that loads.
      persistence.durable.set('doc', stateWith('hersteld'));
      const room = await registry.join('doc', new FakeConnection(), writer('a'));
      expect(activeTimeouts()).toBeGreaterThan(before);
      expect(persistence.loads).toBe(2);
      expect(room.doc.getText('t').toString()).toBe('hersteld');
    });

    it('tells its owner about a load that failed on decoding, and about loads and unloads', async () => {
      const events: string[] = [];
      const watched = new RoomRegistry(persistence, {
        maxDocumentBytes: 100_000,
        idleMs: 0,
        onLoaded: (room) => events.push(`loaded ${room.name}`),
        onUnloaded: (room) => events.push(`unloaded ${room.name}`),
        onLoadFailed: (name) => events.push(`failed ${name}`),
      });
      persistence.durable.set('kapot', new Uint8Array([1, 2, 3]));
      await expect(watched.join('kapot', new FakeConnection(), writer('a'))).rejects.toThrow();
      const connection = new FakeConnection();
      const room = await watched.join('heel', connection, writer('a'));
      watched.leave(room, connection);
      await watched.closeAll(1001, 'klaar');
      expect(events).toEqual(['failed kapot', 'loaded heel', 'unloaded heel']);
    });
  });

  describe('origins', () => {
    it('stores a client change with the user that made it', async () => {
      const connection = new FakeConnection();
      const room = await registry.join('doc', connection, writer('alice'));
      room.receive(connection, edit(room, 'hallo'));
      expect(persistence.stored).toHaveLength(1);
      expect(persistence.stored[0]).toMatchObject({
        name: 'doc',
        origin: { kind: 'client', userId: 'alice', connection },
      });
    });

    it('stores server-side work as a server change, loading the document for it', async () => {
      persistence.durable.set('doc', stateWith('oud'));
      const result = await registry.withRoom('doc', (room) => {
        room.doc.transact(() => room.doc.getText('t').insert(0, 'hersteld: '), {
          kind: 'server',
          userId: 'admin',
        } satisfies UpdateOrigin);
        room.doc.getText('t').insert(0, '» ');
        return room.doc.getText('t').toString();
      });
      expect(result).toBe('» hersteld: oud');
      expect(persistence.loads).toBe(1);
      expect(persistence.stored.map((entry) => entry.origin)).toEqual([
        { kind: 'server', userId: 'admin' },
        { kind: 'server', userId: null },
      ]);
    });

    it('sends server-side work to the connections', async () => {
      const connection = new FakeConnection();
      await registry.join('doc', connection, writer('alice'));
      connection.sent.length = 0;
      await registry.withRoom('doc', async (room) => {
        await Promise.resolve();
        room.doc.getText('t').insert(0, 'import');
      });
      expect(connection.sent).toHaveLength(1);
      const decoder = decoding.createDecoder(connection.sent[0]);
      expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([MESSAGE_SYNC, 2]);
    });

    it('passes on the error of failed work', async () => {
      await expect(
        registry.withRoom('doc', () => {
          throw new Error('import mislukt');
        }),
      ).rejects.toThrow('import mislukt');
    });
  });

  describe('idle unloading', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    });

    async function editedThenLeft(text = 'inhoud') {
      const connection = new FakeConnection();
      const room = await registry.join('doc', connection, writer('alice'));
      room.receive(connection, edit(room, text));
      registry.leave(room, connection);
      return room;
    }

    it('unloads only after idleMs, flushing first and handing over the document', async () => {
      const room = await editedThenLeft();
      jest.advanceTimersByTime(IDLE_MS - 1);
      await drain();
      expect(persistence.flushes).toBe(0);
      expect(registry.loaded('doc')).toBe(room);

      jest.advanceTimersByTime(1);
      await drain();
      expect(persistence.log).toEqual(['load doc', 'flush doc', 'flushed doc', 'unloading doc']);
      expect(persistence.unloaded).toEqual([{ name: 'doc', text: 'inhoud' }]);
      expect(registry.loaded('doc')).toBeUndefined();
      expect(registry.loadedCount).toBe(0);
      expect(room.doc.isDestroyed).toBe(true);
    });

    it('loads afresh from storage after an unload', async () => {
      const first = await editedThenLeft('blijft');
      jest.advanceTimersByTime(IDLE_MS);
      await drain();
      const second = await registry.join('doc', new FakeConnection(), writer('bob'));
      expect(second).not.toBe(first);
      expect(persistence.loads).toBe(2);
      expect(second.doc.getText('t').toString()).toBe('blijft');
    });

    it('keeps a document while someone is connected', async () => {
      const a = new FakeConnection();
      const b = new FakeConnection();
      const room = await registry.join('doc', a, writer('a'));
      await registry.join('doc', b, writer('b'));
      registry.leave(room, a);
      jest.advanceTimersByTime(IDLE_MS * 10);
      await drain();
      expect(persistence.flushes).toBe(0);
      expect(registry.loaded('doc')).toBe(room);
    });

    it('cancels the unload when someone joins before idleMs', async () => {
      const room = await editedThenLeft();
      jest.advanceTimersByTime(IDLE_MS / 2);
      const again = await registry.join('doc', new FakeConnection(), writer('bob'));
      jest.advanceTimersByTime(IDLE_MS * 10);
      await drain();
      expect(again).toBe(room);
      expect(persistence.flushes).toBe(0);
      expect(persistence.loads).toBe(1);
    });

    it('unloads after server-side work on a document nobody has open', async () => {
      await registry.withRoom('doc', (room) => room.doc.getText('t').insert(0, 'werk'));
      expect(registry.loadedCount).toBe(1);
      jest.advanceTimersByTime(IDLE_MS);
      await drain();
      expect(persistence.unloaded).toEqual([{ name: 'doc', text: 'werk' }]);
      expect(persistence.textOf('doc')).toBe('werk');
      expect(registry.loadedCount).toBe(0);
    });

    it('waits for the flush before unloading', async () => {
      const gate = deferred();
      persistence.onFlush = () => gate.promise;
      const room = await editedThenLeft();
      jest.advanceTimersByTime(IDLE_MS);
      await drain();
      expect(persistence.flushes).toBe(1);
      expect(persistence.unloaded).toEqual([]);
      expect(registry.loaded('doc')).toBe(room);
      expect(room.doc.isDestroyed).toBe(false);

      gate.resolve();
      await drain();
      expect(persistence.unloaded).toHaveLength(1);
      expect(registry.loaded('doc')).toBeUndefined();
      expect(persistence.textOf('doc')).toBe('inhoud');
    });

    it('keeps the document loaded when the flush fails, and tries again later', async () => {
      persistence.onFlush = async () => {
        throw new Error('schijf vol');
      };
      const room = await editedThenLeft();
      jest.advanceTimersByTime(IDLE_MS);
      await drain();
      expect(persistence.flushes).toBe(1);
      expect(persistence.unloaded).toEqual([]);
      expect(registry.loaded('doc')).toBe(room);
      expect(room.doc.isDestroyed).toBe(false);

      persistence.onFlush = async () => undefined;
      jest.advanceTimersByTime(IDLE_MS);
      await drain();
      expect(persistence.flushes).toBe(2);
      expect(persistence.unloaded).toEqual([{ name: 'doc', text: 'inhoud' }]);
      expect(registry.loaded('doc')).toBeUndefined();
      expect(persistence.textOf('doc')).toBe('inhoud');
    });

    it('gives a connection that joins during a failing flush the same, still loaded document', async () => {
      const gate = deferred();
      persistence.onFlush = () => gate.promise;
      const room = await editedThenLeft();
      jest.advanceTimersByTime(IDLE_MS);
      await drain();

      const connection = new FakeConnection();
      const joining = registry.join('doc', connection, writer('bob'));
      gate.reject(new Error('schijf vol'));
      expect(await joining).toBe(room);
      expect(room.size).toBe(1);
      expect(persistence.loads).toBe(1);
      // Connected again: no retry while someone is there.
      persistence.onFlush = async () => undefined;
      jest.advanceTimersByTime(IDLE_MS * 10);
      await drain();
      expect(persistence.flushes).toBe(1);
      expect(registry.loaded('doc')).toBe(room);
    });

    it('does not unload when someone joins while the flush is running', async () => {
      // A join during the flush keeps the room: the newcomer gets the same room, no reload.
      const gate = deferred();
      persistence.onFlush = () => gate.promise;
      const room = await editedThenLeft();
      jest.advanceTimersByTime(IDLE_MS);
      await drain();
      expect(persistence.flushes).toBe(1);

      const joining = registry.join('doc', new FakeConnection(), writer('bob'));
      await drain();
      gate.resolve();
      const joined = await joining;
      expect(persistence.unloaded).toEqual([]);
      expect(joined).toBe(room);
      expect(persistence.loads).toBe(1);
    });

    it('keeps the document loaded when unloading() fails', async () => {
      persistence.onUnloading = async () => {
        throw new Error('compactie mislukt');
      };
      const room = await editedThenLeft();
      jest.advanceTimersByTime(IDLE_MS);
      await drain();
      expect(persistence.unloaded).toHaveLength(1);
      expect(registry.loaded('doc')).toBe(room);
      expect(room.doc.isDestroyed).toBe(false);
    });
  });

  describe('closeAll', () => {
    it('closes every connection with the code and reason, flushes and unloads every document', async () => {
      const a = new FakeConnection();
      const b = new FakeConnection();
      const c = new FakeConnection();
      const one = await registry.join('one', a, writer('a'));
      await registry.join('one', b, writer('b'));
      await registry.join('two', c, writer('c'));
      one.receive(a, edit(one, 'laatste woord'));

      await registry.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);

      for (const connection of [a, b, c])
        expect(connection.closes).toEqual([{ code: CLOSE.goingAway.code, reason: CLOSE.goingAway.reason }]);
      expect(registry.loadedCount).toBe(0);
      expect(persistence.unloaded.map((entry) => entry.name).sort()).toEqual(['one', 'two']);
      expect(persistence.textOf('one')).toBe('laatste woord');
      expect(one.doc.isDestroyed).toBe(true);
    });

    it('waits for a document that is still loading', async () => {
      const gate = deferred<Uint8Array | null>();
      persistence.onLoad = () => gate.promise;
      const connection = new FakeConnection();
      const joining = registry.join('doc', connection, writer('a'));
      await drain();
      const closing = registry.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);
      gate.resolve(null);
      await joining;
      await closing;
      expect(registry.loadedCount).toBe(0);
      expect(persistence.unloaded).toHaveLength(1);
    });

    it('unloads a document that was waiting for its idle timer once, and nothing happens when the timer would have fired', async () => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
      const connection = new FakeConnection();
      const room = await registry.join('doc', connection, writer('a'));
      registry.leave(room, connection);
      await registry.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);
      expect(persistence.flushes).toBe(1);
      jest.advanceTimersByTime(IDLE_MS * 10);
      await drain();
      expect(persistence.flushes).toBe(1);
      expect(persistence.loads).toBe(1);
    });

    it('does not load a document again that an idle unload is just taking away', async () => {
      // closeAll() takes over a running idle unload instead of loading the document afresh.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
      const gate = deferred();
      persistence.onFlush = () => gate.promise;
      const connection = new FakeConnection();
      const room = await registry.join('doc', connection, writer('a'));
      registry.leave(room, connection);
      jest.advanceTimersByTime(IDLE_MS);
      await drain();

      const closing = registry.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);
      persistence.onFlush = async () => undefined;
      gate.resolve();
      await closing;
      expect(registry.loadedCount).toBe(0);
      expect(persistence.loads).toBe(1);
      expect(persistence.unloaded).toHaveLength(1);
    });
  });
});
