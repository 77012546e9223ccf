import { isUuid } from '@spiraal/domain';
import { badInput } from './errors';

/** Opaque keyset cursor: the (createdAt, id) of the last item on a page. */
export interface ItemCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: ItemCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): ItemCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (typeof at === 'string' && typeof id === 'string' && isUuid(id) && !Number.isNaN(createdAt.getTime()))
      return { createdAt, id };
  } catch {
    // fall through
  }
  throw badInput('Ongeldige cursor / Invalid cursor', 'after');
}
