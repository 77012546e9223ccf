/**
 * A worker thread hosting some of the editors of a fan-out scenario: it
 * connects them, makes each edit at its rate, and records when other
 * editors' edits arrive. Started by latency.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { BenchClient, blockCount, openClient } from './client';
import { CHARS_PER_EDIT, CLIENT_ID_BASE, forEachNewEdit, nowNs, SendTimes } from './edit-marker';
import type { EditorSpec, FromWorker, StartMessage, WorkerSetup } from './fan-out-protocol';

interface Editor {
  spec: EditorSpec;
  client: BenchClient;
  text: Y.XmlText;
  seq: number;
}

// Every y-websocket provider adds a process 'exit' listener; dozens per thread are expected here.
process.setMaxListeners(0);

const setup = (workerData as { setup: WorkerSetup }).setup;
const sendTimes = new SendTimes(setup.sendTimes, setup.maxSeq);
const periodNs = BigInt(Math.round(setup.periodMs * 1e6));
const post = (message: FromWorker) => parentPort!.postMessage(message);

let windowStart = 0n;
let windowEnd = 0n;
let measuring = false;
const latencies: number[] = [];
const sendsInWindow = new Array<number>(setup.rooms).fill(0);
let sent = 0;

async function connect(): Promise<Editor[]> {
  const clients = setup.editors.map((spec) => ({
    spec,
    client: openClient(spec.endpoint, { clientId: CLIENT_ID_BASE + spec.editor }),
  }));
  try {
    await Promise.all(clients.map(({ client }) => client.synced));
    const deadline = Date.now() + 15_000;
    while (clients.some(({ client }) => blockCount(client.doc) < setup.minBlocks)) {
      if (Date.now() > deadline) throw new Error(`content did not arrive (expected ${setup.minBlocks} blocks)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch (error) {
    for (const { client } of clients) client.destroy();
    throw error;
  }
  return clients.map(({ spec, client }) => {
    const paragraphs = client.doc
      .getXmlFragment('default')
      .toArray()
      .filter(
        (node): node is Y.XmlElement =>
          node instanceof Y.XmlElement && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText,
      );
    if (!paragraphs.length) throw new Error('the document has no paragraph to type in');
    const editor: Editor = {
      spec,
      client,
      text: paragraphs[spec.editor % paragraphs.length].get(0) as Y.XmlText,
      seq: 0,
    };
    // The clock ranges a transaction added per client are the edits it brought; Yjs
    // computes these state vectors anyway, so nothing is decoded twice.
    client.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!measuring || transaction.origin !== client.provider) return; // only what arrived from the server
      const arrivedAt = nowNs();
      forEachNewEdit(transaction.beforeState, transaction.afterState, (from, seq) => {
        const sentAt = sendTimes.sentAt(from, seq);
        if (sentAt >= windowStart && sentAt < windowEnd) latencies.push(Number(arrivedAt - sentAt) / 1e6);
      });
    });
    return editor;
  });
}

/** One edit: a few characters typed at the end of this editor's paragraph. */
function edit(editor: Editor, at: bigint): void {
  const { doc } = editor.client;
  // The marker scheme relies on this editor's clock advancing by exactly CHARS_PER_EDIT per edit.
  if (Y.getState(doc.store, doc.clientID) !== editor.seq * CHARS_PER_EDIT)
    throw new Error(`editor ${editor.spec.editor}: unexpected clock`);
  sendTimes.record(editor.spec.editor, editor.seq, at); // before the change: the send happens inside it
  const letter = String.fromCharCode(97 + (editor.seq % 26));
  editor.text.insert(editor.text.length, letter.repeat(CHARS_PER_EDIT));
  editor.seq += 1;
  sent += 1;
  if (at >= windowStart && at < windowEnd) sendsInWindow[editor.spec.roomIndex] += 1;
}

function run(editors: Editor[], start: StartMessage): void {
  const startNs = BigInt(start.startNs);
  windowStart = BigInt(start.windowStartNs);
  windowEnd = BigInt(start.windowEndNs);
  const lag = monitorEventLoopDelay({ resolution: 5 });

  const schedule = (editor: Editor, dueNs: bigint) => {
    setTimeout(
      () => {
        const at = nowNs();
        if (at >= windowEnd || editor.seq >= setup.maxSeq) return;
        edit(editor, at);
        // Keep the rate; after a stall, do not fire a burst to catch up.
        let next = dueNs + periodNs;
        if (next < at - periodNs) next = at;
        schedule(editor, next);
      },
      Math.max(0, Number(dueNs - nowNs()) / 1e6),
    );
  };
  // Spread editors evenly over the period (golden-ratio offsets), so edits do not come in bursts.
  editors.forEach((editor) =>
    schedule(editor, startNs + BigInt(Math.round(((editor.spec.editor * 0.618034) % 1) * Number(periodNs)))),
  );

  measuring = true;
  setTimeout(() => lag.enable(), Math.max(0, Number(windowStart - nowNs()) / 1e6));
  setTimeout(() => lag.disable(), Math.max(0, Number(windowEnd - nowNs()) / 1e6));
  setTimeout(
    () => {
      measuring = false;
      for (const editor of editors) editor.client.destroy();
      const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : Number.NaN);
      const buffer = new ArrayBuffer(latencies.length * Float64Array.BYTES_PER_ELEMENT);
      new Float64Array(buffer).set(latencies);
      const result: FromWorker = {
        type: 'result',
        latencies: new Float64Array(buffer),
        sendsInWindow,
        sent,
        lag: { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) },
      };
      parentPort!.postMessage(result, [buffer]); // moved, not copied
    },
    Number(windowEnd - nowNs()) / 1e6 + start.drainMs,
  );
}

connect().then(
  (editors) => {
    parentPort!.once('message', (message: StartMessage) => run(editors, message));
    post({ type: 'ready' });
  },
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
