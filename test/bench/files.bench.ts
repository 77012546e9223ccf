/**
 * Files (issue 22): upload and download throughput and the server's memory
 * for 100 photos of about 5 MB each, through the built API as its own
 * process with files in PostgreSQL (the default store). Memory must stay
 * flat: files are streamed in 256 kB chunks, never held whole.
 *
 *   npm run bench:files
 *
 * Environment: DATABASE_URL (a PostgreSQL server for the bench database).
 * Reported: MB/s and files/s each way, resident memory (RSS) after every 25
 * files and its peak (VmHWM) over each phase.
 */
import sharp from 'sharp';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { startServer } from '../support/server-process';
import { createTestDatabase } from '../support/test-database';
import { peakRssBytes, resetPeakRss, rssBytes } from './support/process-stats';
import { renderTable } from './support/table';

const MB = 1024 * 1024;
const FILES = 100;

async function gql(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

/** A photo of about 5 MB: noise does not compress, so a 2700 × 2100 JPEG at high quality weighs that much. */
async function fiveMegabytePhoto(): Promise<Buffer> {
  const width = 2700;
  const height = 2100;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = seed >> 16;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 93 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 0/1' } })
    .toBuffer();
}

async function main(): Promise<void> {
  process.env.DATABASE_URL ??= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const db = await createTestDatabase();
  const server = await startServer({
    DATABASE_URL: db.url,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_MUTATIONS_PER_MINUTE: '100000',
    FILES_COMMUNITY_QUOTA_MB: '100000',
  });
  const pid = server.child.pid!;
  try {
    const registered = await gql(
      server.baseUrl,
      `mutation ($input: RegisterInput!) { register(input: $input) { token } }`,
      { input: { email: 'bench-files@example.nl', password: 'correct horse battery', displayName: 'Bench' } },
    );
    const token = registered.data.register.token as string;
    const community = await gql(
      server.baseUrl,
      `mutation { createCommunity(input: { name: "Bench bestanden" }) { id } }`,
      {},
      token,
    );
    const item = await gql(
      server.baseUrl,
      `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
      { input: { communityId: community.data.createCommunity.id, kind: 'CASE', title: 'Foto’s' } },
      token,
    );
    const itemId = item.data.createItem.id as string;
    const photo = await fiveMegabytePhoto();
    const auth = { Authorization: `Bearer ${token}` };

    // Not an image: stored as it comes, so this row shows the storage alone, without image work.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), photo.subarray(0, photo.length - 9)]);

    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows: string[][] = [];
    const kb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

    /** Runs `one(i)` FILES times, with RSS before, after every 25 and the peak. */
    async function phase(what: string, one: (i: number) => Promise<number>): Promise<void> {
      resetPeakRss(pid);
      const memory = [kb(rssBytes(pid))];
      let bytes = 0;
      const started = performance.now();
      for (let i = 0; i < FILES; i++) {
        bytes += await one(i);
        if ((i + 1) % 25 === 0) memory.push(kb(rssBytes(pid)));
      }
      const seconds = (performance.now() - started) / 1000;
      rows.push([
        what,
        `${(bytes / MB / seconds).toFixed(1)} MB/s`,
        (FILES / seconds).toFixed(1),
        ...memory,
        kb(peakRssBytes(pid)),
      ]);
    }

    async function upload(body: Buffer, type: string, name: string): Promise<string> {
      const res = await fetch(`${server.baseUrl}/items/${itemId}/files`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': type, 'X-Filename': name },
        body,
      });
      if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { url: string }).url;
    }

    async function download(url: string): Promise<number> {
      const res = await fetch(`${server.baseUrl}${url}`, { headers: auth });
      if (res.status !== 200) throw new Error(`download ${url}: ${res.status}`);
      let bytes = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return bytes;
    }

    const photos: string[] = [];
    const pdfs: string[] = [];
    const size = `${(photo.length / MB).toFixed(1)} MB`;
    await phase(`upload ${FILES} × ${size} JPEG (GPS/EXIF stripped)`, async (i) => {
      photos.push(await upload(photo, 'image/jpeg', `foto-${i}.jpg`));
      return photo.length;
    });
    await phase(`download those ${FILES} JPEGs`, (i) => download(photos[i]));
    await phase(`download their display copies (?w=1280)`, (i) => download(`${photos[i]}?w=1280`));
    await phase(`upload ${FILES} × ${size} PDF (stored as is)`, async (i) => {
      pdfs.push(await upload(pdf, 'application/pdf', `protocol-${i}.pdf`));
      return pdf.length;
    });
    await phase(`download those ${FILES} PDFs`, (i) => download(pdfs[i]));

    console.log(
      renderTable(
        ['phase', 'throughput', 'files/s', 'RSS before', 'at 25', 'at 50', 'at 75', 'at 100', 'peak RSS'],
        rows,
      ),
    );
    console.log(
      '\nThroughput counts the file bytes sent or received. Flat memory: RSS after 100 files about what it is after 25.',
    );
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
