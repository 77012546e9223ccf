import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import * as Y from 'yjs';
import { CollabClient, connectClient, textOf } from '../../support/collab-client';
import type { TestUser } from '../../support/graphql-client';
import { cpuSeconds, percentOfWallTime } from '../support/process-stats';
import { histogramQuantile, scrape, Scrape, total } from './prometheus';

export interface SoakOptions {
  editors: number;
  documents: number;
  seconds: number;
  /** Mean pause between one editor's keystrokes. */
  keystrokeMs: number;
  sampleSeconds: number;
  /** Unmeasured time after every editor is connected, before the first memory reading. */
  settleSeconds: number;
  /** How long to watch the processes after the editors left (documents unload after COLLAB_IDLE_UNLOAD_MS, 30 s). */
  afterSeconds: number;
}

export interface Sample {
  at: number;
  /** Per process. */
  rss: number[];
  heap: number[];
  lagP99: number[];
  sockets: number[];
  documents: number[];
}

export interface SoakResult {
  samples: Sample[];
  /** Readings taken when typing started (after connecting and settling) and at the end, per process. */
  start: Sample;
  end: Sample;
  storedMs: { p50: number; p95: number; p99: number; count: number };
  keystrokes: number;
  connectFailures: number;
  unexpectedCloses: number;
  connectionErrors: number;
  /** Documents whose editors all ended with the same text, of all documents. */
  converged: number;
  /** Documents a fresh client loaded with exactly the editors' text. */
  reloadedEqual: number;
  /** Documents whose stored rows (snapshot + updates) hold exactly the editors' text. */
  storedEqual: number;
  benchLagP99Ms: number;
  /** % of one core while typing: each API process, and this bench's editors. */
  serverCpu: number[];
  benchCpu: number;
  /** The documents' encoded Yjs state at the end, summed: what the server must hold for them. */
  documentBytes: number;
  /** Readings (after a full collection) once every editor left and the idle documents unloaded: what the editing left behind. */
  afterLeaving: Sample;
  mismatches: string[];
}

interface Editor {
  client: CollabClient;
  itemId: string;
  timer: NodeJS.Timeout | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Paragraph texts (top-level elements whose first child is text) of a document. */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .flatMap((node) =>
      node instanceof Y.XmlElement && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText
        ? [node.get(0) as Y.XmlText]
        : [],
    );
}

/** One keystroke where a person would type: a letter inside a paragraph, now and then a new paragraph; the caret moves along. */
function keystroke(editor: Editor, random: () => number): void {
  const { doc, provider } = editor.client;
  const texts = paragraphTexts(doc);
  if (!texts.length || random() < 0.03) {
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Nieuwe alinea ')]);
      const fragment = doc.getXmlFragment('default');
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
    });
    return;
  }
  const text = texts[Math.floor(random() * texts.length)];
  const at = Math.floor(random() * (text.length + 1));
  text.insert(at, 'abcdefghijklmnopqrstuvwxyz '[Math.floor(random() * 27)]);
  const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at + 1));
  provider.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
}

async function sample(baseUrls: string[]): Promise<{ sample: Sample; scrapes: Scrape[] }> {
  const scrapes = await Promise.all(baseUrls.map((url) => scrape(url)));
  return {
    scrapes,
    sample: {
      at: Date.now(),
      rss: scrapes.map((s) => total(s, 'process_resident_memory_bytes')),
      heap: scrapes.map((s) => total(s, 'nodejs_heap_size_used_bytes')),
      lagP99: scrapes.map((s) => total(s, 'nodejs_eventloop_lag_p99_seconds')),
      sockets: scrapes.map((s) => total(s, 'spiraal_collab_open_sockets')),
      documents: scrapes.map((s) => total(s, 'spiraal_collab_loaded_documents')),
    },
  };
}

async function storedState(db: Client, itemId: string): Promise<{ text: string; rows: number; pending: boolean }> {
  const { rows } = await db.query<{ state: Buffer }>(
    `SELECT state FROM yjs_snapshots WHERE item_id = $1 UNION ALL (SELECT update FROM yjs_updates WHERE item_id = $1 ORDER BY id)`,
    [itemId],
  );
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.state));
  const text = textOf(doc);
  const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  doc.destroy();
  return { text, rows: rows.length, pending };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(250);
  }
  return condition();
}

/**
 * `editors` y-websocket editors over `documents` documents (spread over the
 * API processes), typing at a human rate for `seconds`, while every process's
 * /metrics is sampled. Afterwards: did every document converge across its
 * editors, does a fresh client load the same, and is that what is stored?
 */
export async function runSoak(
  processes: string[],
  pids: number[],
  /** Runs a full garbage collection in every process (before the memory readings at start, end and after leaving). */
  collectGarbage: () => Promise<void>,
  users: TestUser[],
  itemIds: string[],
  databaseUrl: string,
  options: SoakOptions,
  progress: (message: string) => void,
): Promise<SoakResult> {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const documents = itemIds.slice(0, options.documents);
  const editors: Editor[] = [];
  let connectFailures = 0;
  let unexpectedCloses = 0;
  let connectionErrors = 0;
  let keystrokes = 0;
  let stopping = false;

  const benchLag = monitorEventLoopDelay({ resolution: 10 });
  try {
    progress(
      `connecting ${options.editors} editors to ${documents.length} documents over ${processes.length} process(es)`,
    );
    for (let start = 0; start < options.editors; start += 20) {
      const batch = Array.from({ length: Math.min(20, options.editors - start) }, (_, k) => start + k);
      await Promise.all(
        batch.map(async (i) => {
          const itemId = documents[i % documents.length];
          try {
            // Each document's editors are spread over the processes, so its edits cross between them.
            const process = processes[Math.floor(i / documents.length) % processes.length];
            const client = await connectClient(process, users[i % users.length].token, itemId);
            client.provider.on('connection-close', () => {
              if (!stopping) unexpectedCloses++;
            });
            client.provider.on('connection-error', () => {
              if (!stopping) connectionErrors++;
            });
            editors.push({ client, itemId, timer: null });
          } catch {
            connectFailures++;
          }
        }),
      );
    }
    progress(`${editors.length} connected; settling ${options.settleSeconds} s`);
    await sleep(options.settleSeconds * 1000);

    await collectGarbage();
    const first = await sample(processes);
    const samples: Sample[] = [first.sample];
    benchLag.enable();
    const serverCpu = pids.map((pid) => percentOfWallTime(() => cpuSeconds(pid)));
    const benchCpu = percentOfWallTime(() => cpuSeconds(process.pid));
    const typeOn = (editor: Editor) => {
      // Pauses vary around the mean (half to one and a half times), as people's do.
      editor.timer = setTimeout(
        () => {
          if (stopping) return;
          keystroke(editor, random);
          keystrokes++;
          typeOn(editor);
        },
        options.keystrokeMs * (0.5 + random()),
      );
    };
    for (const editor of editors) typeOn(editor);

    const endAt = Date.now() + options.seconds * 1000;
    let lastReport = Date.now();
    let last = first;
    while (Date.now() < endAt) {
      await sleep(Math.min(options.sampleSeconds * 1000, Math.max(0, endAt - Date.now())));
      last = await sample(processes);
      samples.push(last.sample);
      if (Date.now() - lastReport >= 60_000) {
        lastReport = Date.now();
        const mb = last.sample.rss.map((b) => `${(b / 2 ** 20).toFixed(0)} MB`).join(', ');
        progress(
          `${Math.round((endAt - Date.now()) / 1000)} s left; ${keystrokes} keystrokes; RSS ${mb}; closes ${unexpectedCloses}`,
        );
      }
    }
    for (const editor of editors) if (editor.timer) clearTimeout(editor.timer);
    benchLag.disable();
    const cpu = { servers: serverCpu.map((meter) => meter()), bench: benchCpu() };
    // The last edits reach the other editors and the database.
    await sleep(2_000);
    await collectGarbage();
    const end = await sample(processes);
    samples.push(end.sample);
    const quantile = (q: number) =>
      histogramQuantile(first.scrapes, end.scrapes, 'spiraal_collab_update_stored_seconds', q);

    progress('checking convergence');
    const byDocument = new Map<string, Editor[]>();
    for (const editor of editors) byDocument.set(editor.itemId, [...(byDocument.get(editor.itemId) ?? []), editor]);
    const mismatches: string[] = [];
    let converged = 0;
    const expected = new Map<string, string>();
    let documentBytes = 0;
    for (const [itemId, group] of byDocument) {
      const same = await until(() => new Set(group.map((e) => e.client.text())).size === 1, 60_000);
      if (same) converged++;
      else
        mismatches.push(
          `${itemId}: ${new Set(group.map((e) => e.client.text())).size} different texts among ${group.length} editors`,
        );
      expected.set(itemId, group[0].client.text());
      documentBytes += Y.encodeStateAsUpdate(group[0].client.doc).length;
    }

    let reloadedEqual = 0;
    let storedEqual = 0;
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      for (const [itemId, text] of expected) {
        const fresh = await connectClient(processes[0], users[0].token, itemId);
        if (fresh.text() === text) reloadedEqual++;
        else
          mismatches.push(
            `${itemId}: a fresh client loads ${fresh.text().length} characters, the editors hold ${text.length}`,
          );
        fresh.destroy();
        if (await until(async () => (await storedState(db, itemId)).text === text, 10_000)) storedEqual++;
        else {
          const stored = await storedState(db, itemId);
          mismatches.push(
            `${itemId}: stored text (${stored.text.length} characters from ${stored.rows} rows${stored.pending ? ', with updates missing what they build on' : ''}) differs from the editors' (${text.length})`,
          );
        }
      }
    } finally {
      await db.end();
    }

    stopping = true;
    for (const editor of editors.splice(0)) {
      if (editor.timer) clearTimeout(editor.timer);
      editor.client.destroy();
    }
    progress(`editors left; watching the process(es) for ${options.afterSeconds} s while documents unload`);
    await sleep(options.afterSeconds * 1000);
    await collectGarbage();
    const afterLeaving = (await sample(processes)).sample;

    const p50 = quantile(0.5);
    return {
      samples,
      start: first.sample,
      end: end.sample,
      storedMs: {
        p50: p50.seconds * 1000,
        p95: quantile(0.95).seconds * 1000,
        p99: quantile(0.99).seconds * 1000,
        count: p50.count,
      },
      keystrokes,
      connectFailures,
      unexpectedCloses,
      connectionErrors,
      converged,
      reloadedEqual,
      storedEqual,
      benchLagP99Ms: benchLag.percentile(99) / 1e6,
      serverCpu: cpu.servers,
      benchCpu: cpu.bench,
      documentBytes,
      afterLeaving,
      mismatches,
    };
  } finally {
    stopping = true;
    for (const editor of editors) {
      if (editor.timer) clearTimeout(editor.timer);
      editor.client.destroy();
    }
  }
}
