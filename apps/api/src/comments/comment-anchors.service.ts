import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  anchorQuote,
  bodyText,
  BODY_FRAGMENT,
  decodeAnchorPosition,
  encodeAnchorPosition,
  MAX_QUOTE_LENGTH,
  resolveAnchor,
  type TextQuote,
} from '@spiraal/collab';
import { DataSource } from 'typeorm';
import { CollabService } from '../collab/collab.service';
import { badInput } from '../common/errors';
import type { CommentAnchorType } from './comment.types';

/** An anchor as stored: encoded relative positions and the last quote read there. */
export interface StoredCommentAnchor {
  start: Buffer;
  end: Buffer;
  exact: string;
  prefix: string | null;
  suffix: string | null;
}

const REFUSALS = {
  EMPTY: 'Het citaat is leeg / The quote is empty',
  TOO_LONG: `Een citaat is hoogstens ${MAX_QUOTE_LENGTH} tekens / A quote is at most ${MAX_QUOTE_LENGTH} characters`,
  NOT_FOUND: 'Deze tekst staat niet in het item / This text does not occur in the item',
  AMBIGUOUS:
    'Deze tekst staat meer dan eens in het item; geef tekst ervoor of erna mee die beslist / This text occurs more than once in the item; give a prefix or suffix that decides',
} as const;

const bytes = (encoded: string) => Buffer.from(encoded, 'base64');
const base64 = (buffer: Buffer) => buffer.toString('base64');

/**
 * Comment anchors on the server (docs/decisions/comment-anchors.md): a text
 * quote resolved against the item's current document into Yjs relative
 * positions, and read back from them.
 */
@Injectable()
export class CommentAnchorsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly collab: CollabService,
  ) {}

  onModuleInit(): void {
    this.collab.onBodyRewritten((itemId) => this.reanchor(itemId));
  }

  /** Checks the quote's size; BAD_USER_INPUT before anything is read. */
  validate(quote: TextQuote): TextQuote {
    const exact = quote.exact;
    if (exact.length > MAX_QUOTE_LENGTH) throw badInput(REFUSALS.TOO_LONG, 'anchor.exact');
    if (!exact.trim()) throw badInput(REFUSALS.EMPTY, 'anchor.exact');
    for (const side of ['prefix', 'suffix'] as const) {
      if ((quote[side]?.length ?? 0) > MAX_QUOTE_LENGTH) throw badInput(REFUSALS.TOO_LONG, `anchor.${side}`);
    }
    return { exact, prefix: quote.prefix || null, suffix: quote.suffix || null };
  }

  /** The quote anchored in the item's live document, or BAD_USER_INPUT saying why not. */
  async anchor(itemId: string, quote: TextQuote): Promise<StoredCommentAnchor> {
    const result = await this.collab.withDocument(itemId, (room) => anchorQuote(room.doc, this.validate(quote)));
    if (!result.ok) throw badInput(REFUSALS[result.reason], 'anchor.exact');
    return {
      start: bytes(encodeAnchorPosition(result.anchor.start)),
      end: bytes(encodeAnchorPosition(result.anchor.end)),
      exact: result.quote.exact,
      prefix: result.quote.prefix || null,
      suffix: result.quote.suffix || null,
    };
  }

  /**
   * Reads stored anchors of one item back against its current document. A
   * quote that changed is remembered, so an orphaned anchor keeps the last one.
   */
  async read(
    itemId: string,
    anchors: readonly { commentId: string; anchor: StoredCommentAnchor }[],
  ): Promise<Map<string, CommentAnchorType>> {
    const out = new Map<string, CommentAnchorType>();
    if (!anchors.length) return out;
    const doc = await this.collab.currentDocument(itemId);
    const body = bodyText(doc.getXmlFragment(BODY_FRAGMENT));
    const changed: { id: string; exact: string; prefix: string; suffix: string }[] = [];
    for (const { commentId, anchor } of anchors) {
      const positions = {
        start: decodeAnchorPosition(base64(anchor.start)),
        end: decodeAnchorPosition(base64(anchor.end)),
      };
      const now = resolveAnchor(doc, positions, body);
      const encoded = { start: base64(anchor.start), end: base64(anchor.end) };
      if (!now) {
        out.set(commentId, {
          ...encoded,
          exact: anchor.exact,
          prefix: anchor.prefix,
          suffix: anchor.suffix,
          orphaned: true,
        });
        continue;
      }
      out.set(commentId, { ...encoded, exact: now.exact, prefix: now.prefix, suffix: now.suffix, orphaned: false });
      if (now.exact !== anchor.exact)
        changed.push({ id: commentId, exact: now.exact, prefix: now.prefix, suffix: now.suffix });
    }
    if (changed.length) await this.remember(changed);
    return out;
  }

  private async remember(changed: { id: string; exact: string; prefix: string; suffix: string }[]): Promise<void> {
    await this.db.query(
      `UPDATE comments c SET anchor_exact = v.exact, anchor_prefix = v.prefix, anchor_suffix = v.suffix
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, exact text, prefix text, suffix text)
        WHERE c.id = v.id`,
      [JSON.stringify(changed)],
    );
  }

  /**
   * After the body was written anew (a revision restored), every anchor of
   * the item whose positions lost their text is looked for again by its last
   * quote; one found exactly once gets new positions.
   */
  async reanchor(itemId: string): Promise<void> {
    const rows: {
      id: string;
      start: Buffer;
      end: Buffer;
      exact: string;
      prefix: string | null;
      suffix: string | null;
    }[] = await this.db.query(
      `SELECT id, anchor_start AS start, anchor_end AS "end", anchor_exact AS exact, anchor_prefix AS prefix, anchor_suffix AS suffix
           FROM comments WHERE item_id = $1 AND anchor_start IS NOT NULL`,
      [itemId],
    );
    if (!rows.length) return;
    const moved = await this.collab.withDocument(itemId, (room) => {
      const body = bodyText(room.doc.getXmlFragment(BODY_FRAGMENT));
      const out: { id: string; start: string; end: string }[] = [];
      for (const row of rows) {
        const positions = {
          start: decodeAnchorPosition(base64(row.start)),
          end: decodeAnchorPosition(base64(row.end)),
        };
        if (resolveAnchor(room.doc, positions, body)) continue;
        const found = anchorQuote(room.doc, row);
        if (!found.ok) continue;
        out.push({
          id: row.id,
          start: encodeAnchorPosition(found.anchor.start),
          end: encodeAnchorPosition(found.anchor.end),
        });
      }
      return out;
    });
    for (const row of moved) {
      await this.db.query(`UPDATE comments SET anchor_start = $2, anchor_end = $3 WHERE id = $1`, [
        row.id,
        bytes(row.start),
        bytes(row.end),
      ]);
    }
  }
}
