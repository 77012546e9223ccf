import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { expectedBlocks, openClient } from './client';
import { nowNs, SendTimes } from './edit-marker';
import type { EditorSpec, FromWorker, StartMessage, WorkerResult, WorkerSetup } from './fan-out-protocol';
import { BucketedDistribution, histogramDelta } from './server-histogram';
import { startStoredProbe, StoredProbe } from './stored-latency';
import type { CollabTarget } from './target';
import {
  cpuSeconds,
  cpuSecondsByName,
  groupCpuMeter,
  percentOfWallTime,
  runQueueWaitSeconds,
} from '../support/process-stats';
import { Distribution, summarize } from '../support/percentiles';

export interface FanOutScenario {
  name: string;
  rooms: number;
  editorsPerRoom: number;
  updatesPerSecond: number;
  markdown: string;
}

export interface FanOutTiming {
  warmupMs: number;
  measureMs: number;
  /** After the last edit: time for in-flight edits to arrive (and be stored). */
  drainMs: number;
  workers: number;
}

export interface FanOutResult {
  rooms: string[];
  latency: Distribution | null;
  /** Edit-to-row latencies, when the target stores updates. */
  stored: Distribution | null;
  /** Accepted-to-stored as the server measures it (its histogram, over the window and the drain). */
  accepted: BucketedDistribution | null;
  /** Deliveries expected (edits in the window times the other editors of the room) and measured. */
  expected: number;
  received: number;
  /** Edits made in the window, and how many of them were seen stored. */
  editsInWindow: number;
  storedSeen: number;
  /** Edits per editor per second actually made during the window. */
  achievedRate: number;
  clientLag: { p99: number; max: number };
  /** Event-loop delay of the bench's main thread, which polls for stored edits. */
  mainLag: { p99: number; max: number };
  serverCpu: number;
  benchCpu: number;
  postgresCpu: number;
  /** Share of the window (%) the server's event-loop thread was runnable but had no CPU. */
  serverWaitingForCpu: number;
  /** The same for the bench's threads, summed (editors and the poller). */
  benchWaitingForCpu: number;
}

// Workers run TypeScript through tsx's require hook; the path is resolved here, where it is known to work.
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
require(workerData.tsxApi).register();
require(workerData.entry);
`;

/**
 * Runs one fan-out scenario against a target: every editor edits at its rate
 * for warm-up + measurement; latencies count edits made within the
 * measurement window, at every other editor of the room.
 */
export async function runFanOut(
  target: CollabTarget,
  scenario: FanOutScenario,
  timing: FanOutTiming,
  /** Where to poll for stored edits; a target without storage gets the same polling (of a quiet database) so both see the same bench load. */
  pollDatabaseUrl: string | null = target.databaseUrl,
): Promise<FanOutResult> {
  const prepared = await target.prepareRooms(scenario.rooms, scenario.markdown);
  const rooms = prepared.map((p) => p.room);
  const minBlocks = expectedBlocks(scenario.markdown);

  // The reference only learns a document from a client: one pushes it and leaves before the measurement.
  const seeders = await Promise.all(
    prepared
      .filter((p) => p.seed)
      .map(async (p) => {
        const client = openClient(await target.endpoint(p.room, 0), { seed: p.seed });
        await client.synced;
        return client;
      }),
  );

  const specs: EditorSpec[] = [];
  for (let roomIndex = 0; roomIndex < rooms.length; roomIndex++) {
    for (let i = 0; i < scenario.editorsPerRoom; i++) {
      const editor = roomIndex * scenario.editorsPerRoom + i;
      specs.push({ editor, roomIndex, endpoint: await target.endpoint(rooms[roomIndex], editor) });
    }
  }
  const periodMs = 1000 / scenario.updatesPerSecond;
  const maxSeq = Math.ceil(((timing.warmupMs + timing.measureMs) / periodMs) * 1.5) + 64;
  const sendTimes = SendTimes.create(specs.length, maxSeq);

  // Round-robin, so a room's editors are spread over the workers too.
  const workerCount = Math.min(timing.workers, specs.length);
  const workers = Array.from({ length: workerCount }, (_, w) => {
    const setup: WorkerSetup = {
      editors: specs.filter((_, i) => i % workerCount === w),
      sendTimes: sendTimes.buffer,
      maxSeq,
      rooms: rooms.length,
      periodMs,
      minBlocks,
    };
    return new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      workerData: { setup, entry: require.resolve('./fan-out-worker'), tsxApi: require.resolve('tsx/cjs/api') },
    });
  });
  const inbox = workers.map((worker) => messages(worker));
  let probe: StoredProbe | null = null;

  try {
    await withTimeout(Promise.all(inbox.map((next) => next('ready'))), 90_000, 'editors to connect');
    for (const seeder of seeders) seeder.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const startNs = nowNs() + 300_000_000n;
    const windowStartNs = startNs + BigInt(timing.warmupMs) * 1_000_000n;
    const windowEndNs = windowStartNs + BigInt(timing.measureMs) * 1_000_000n;
    probe = pollDatabaseUrl
      ? await startStoredProbe(
          pollDatabaseUrl,
          sendTimes,
          { startNs: windowStartNs, endNs: windowEndNs },
          timing.warmupMs + timing.measureMs + timing.drainMs + 30_000,
        )
      : null;
    const start: StartMessage = {
      type: 'start',
      startNs: String(startNs),
      windowStartNs: String(windowStartNs),
      windowEndNs: String(windowEndNs),
      drainMs: timing.drainMs,
    };
    const results = Promise.all(inbox.map((next) => next('result') as Promise<WorkerResult>));
    for (const worker of workers) worker.postMessage(start);

    // CPU and main-thread lag over the measurement window only.
    await sleepUntil(windowStartNs);
    const histogramBefore = (await target.storedHistogram?.()) ?? null;
    const mainLag = monitorEventLoopDelay({ resolution: 5 });
    mainLag.enable();
    const server = percentOfWallTime(() => cpuSeconds(target.pid));
    const bench = percentOfWallTime(() => {
      const usage = process.cpuUsage(); // the whole process: main thread and editor workers
      return (usage.user + usage.system) / 1e6;
    });
    const postgres = groupCpuMeter(() => cpuSecondsByName('postgres'));
    const serverWait = percentOfWallTime(() => runQueueWaitSeconds(target.pid, target.pid));
    const benchWait = percentOfWallTime(() => runQueueWaitSeconds(process.pid));
    await sleepUntil(windowEndNs);
    mainLag.disable();
    const serverCpu = server();
    const benchCpu = bench();
    const postgresCpu = postgres();
    const serverWaitingForCpu = serverWait();
    const benchWaitingForCpu = benchWait();

    const done = await withTimeout(results, timing.drainMs + 60_000, 'editors to report');
    const stored = probe ? await probe.stop() : null;
    const histogramAfter = (await target.storedHistogram?.()) ?? null;
    const storedLatencies = target.databaseUrl && stored ? stored.latencies : null;

    const latencies = concat(done.map((r) => r.latencies));
    const editsPerRoom = rooms.map((_, i) => done.reduce((sum, r) => sum + r.sendsInWindow[i], 0));
    const editsInWindow = editsPerRoom.reduce((a, b) => a + b, 0);
    return {
      rooms,
      latency: summarize(latencies),
      stored: storedLatencies ? summarize(storedLatencies) : null,
      accepted: histogramBefore && histogramAfter ? histogramDelta(histogramBefore, histogramAfter) : null,
      expected: editsPerRoom.reduce((sum, edits) => sum + edits * (scenario.editorsPerRoom - 1), 0),
      received: latencies.length,
      editsInWindow,
      storedSeen: storedLatencies?.length ?? 0,
      achievedRate: editsInWindow / specs.length / (timing.measureMs / 1000),
      clientLag: { p99: Math.max(...done.map((r) => r.lag.p99)), max: Math.max(...done.map((r) => r.lag.max)) },
      mainLag: { p99: mainLag.percentile(99) / 1e6, max: mainLag.max / 1e6 },
      serverCpu,
      benchCpu,
      postgresCpu,
      serverWaitingForCpu,
      benchWaitingForCpu,
    };
  } finally {
    await probe?.stop().catch(() => undefined);
    for (const seeder of seeders) seeder.destroy();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Waits for a worker's next message of a type; a failure or a crash rejects. */
function messages(worker: Worker): (type: 'ready' | 'result') => Promise<FromWorker> {
  const queue: FromWorker[] = [];
  let failure: Error | null = null;
  let wake: () => void = () => undefined;
  worker.on('message', (message: FromWorker) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`an editor worker exited (code ${code})`);
    wake();
  });
  return async (type) => {
    for (;;) {
      const index = queue.findIndex((m) => m.type === type || m.type === 'failed');
      if (index >= 0) {
        const [message] = queue.splice(index, 1);
        if (message.type === 'failed') throw new Error(`editor worker: ${message.message}`);
        return message;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
}

function concat(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

function sleepUntil(ns: bigint): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(ns - nowNs()) / 1e6)));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}
