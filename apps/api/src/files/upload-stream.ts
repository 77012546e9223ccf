import { FileType, sniffFileType, Sniffed, SNIFF_BYTES } from '@spiraal/domain';
import { Readable } from 'node:stream';
import sharp from 'sharp';

/** Passes the bytes on and throws `tooLarge()` as soon as more than `max` went by. */
export async function* limited(
  source: AsyncIterable<Uint8Array>,
  max: number,
  tooLarge: () => Error,
): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.length;
    if (seen > max) throw tooLarge();
    yield chunk;
  }
}

/**
 * Reads the first `SNIFF_BYTES` (or all, when shorter), decides the type from
 * them, and gives back the whole stream again (those bytes first).
 */
export async function sniffed(
  source: AsyncIterable<Uint8Array>,
): Promise<{ sniffed: Sniffed; bytes: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let complete = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = Buffer.concat(head);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (first.length) yield first;
    if (complete) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { sniffed: sniffFileType(first.subarray(0, SNIFF_BYTES), complete), bytes: all() };
}

// Every image is new to this process: libvips' operation cache would only hold memory.
sharp.cache(false);

/** Images larger than this many pixels are refused before decoding (a small file can unpack into a huge bitmap). */
export const MAX_IMAGE_PIXELS = 100_000_000;

/**
 * Re-encodes an image in its own format without any metadata: EXIF (GPS
 * above all), XMP, IPTC and comments are dropped (sharp keeps none unless
 * asked), after turning the pixels the way the EXIF orientation said.
 */
export function withoutMetadata(
  bytes: AsyncIterable<Uint8Array>,
  type: FileType,
): { output: AsyncIterable<Uint8Array>; info: Promise<{ width: number; height: number }> } {
  const animated = type === 'image/gif' || type === 'image/webp';
  let pipeline = sharp({ animated, limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
  if (type === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 88, mozjpeg: false });
  else if (type === 'image/png') pipeline = pipeline.png();
  else if (type === 'image/webp') pipeline = pipeline.webp({ quality: 88 });
  else pipeline = pipeline.gif();
  const info = new Promise<{ width: number; height: number }>((resolve, reject) => {
    pipeline.once('info', (i: sharp.OutputInfo) => resolve({ width: i.width, height: i.pageHeight ?? i.height }));
    pipeline.once('error', reject);
  });
  info.catch(() => undefined);
  const input = Readable.from(bytes);
  input.once('error', (error) => pipeline.destroy(error));
  input.pipe(pipeline);
  return { output: pipeline, info };
}

/** A display-size copy of an image, `width` pixels wide at most, in its own format. */
export function resized(source: Readable, type: FileType, width: number): Readable {
  const animated = type === 'image/gif' || type === 'image/webp';
  const pipeline = sharp({ animated, limitInputPixels: MAX_IMAGE_PIXELS }).resize({
    width,
    withoutEnlargement: true,
  });
  source.once('error', (error) => pipeline.destroy(error));
  return source.pipe(pipeline);
}
