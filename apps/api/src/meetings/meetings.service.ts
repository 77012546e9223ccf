import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  defaultStageFor,
  isUuid,
  MEETING_KINDS,
  MeetingKind,
  validateAgendaNote,
  validateDate,
  validateTitle,
} from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { CommentsService } from '../comments/comments.service';
import { badInput, notFound } from '../common/errors';
import { ItemsService } from '../items/items.service';
import { NotificationsService } from '../notifications/notifications.service';

export interface MeetingRow {
  id: string;
  communityId: string;
  title: string;
  date: Date;
  kind: MeetingKind;
  reportItemId: string | null;
}

export interface AgendaRow {
  id: string;
  position: number;
  itemId: string | null;
  commentId: string | null;
  note: string | null;
  addedById: string | null;
}

export interface SuggestionRow {
  reason: 'REFLECTION' | 'QUESTION_ITEM' | 'OPEN_QUESTION';
  itemId: string;
  commentId: string | null;
}

const SUGGESTIONS_MAX = 20;
const REPORT_TEMPLATE = '## Aanwezig\n\n## Besproken\n\n## Wat namen we mee?\n\n## Afspraken\n';
const MEETING_COLUMNS = `id, community_id AS "communityId", title, date, kind, report_item_id AS "reportItemId"`;

/** Bijeenkomsten: a date, an agenda of items and questions, and a verslag co-written live. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly items: ItemsService,
    private readonly comments: CommentsService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(
    user: AuthUser,
    input: { communityId: string; title: string; date: Date; kind: MeetingKind },
  ): Promise<MeetingRow> {
    await this.access.toCommunity(user, input.communityId, 'meeting.manage');
    const title = validateTitle(input.title);
    const date = validateDate('date', input.date);
    if (!MEETING_KINDS.includes(input.kind))
      throw badInput('Onbekend soort bijeenkomst / Unknown meeting kind', 'kind');
    return this.db.transaction(async (tx) => {
      const report = await this.items.insert(tx, user, {
        communityId: input.communityId,
        kind: 'NOTE',
        // Writing down what was shared is externalisatie.
        stage: defaultStageFor('NOTE'),
        title: `Verslag: ${title}`.slice(0, 200),
        tags: ['verslag'],
        markdown: REPORT_TEMPLATE,
      });
      const [row]: MeetingRow[] = await tx.query(
        `INSERT INTO meetings (community_id, title, date, kind, report_item_id, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${MEETING_COLUMNS}`,
        [input.communityId, title, date, input.kind, report.id, user.id],
      );
      const members: { user_id: string }[] = await tx.query(`SELECT user_id FROM memberships WHERE community_id = $1`, [
        input.communityId,
      ]);
      const when = date.toISOString().slice(0, 10);
      await this.notifications.notify(tx, {
        kind: 'MEETING',
        actorId: user.id,
        communityId: input.communityId,
        itemId: report.id,
        excerpt: `${title} (${when})`,
        userIds: members.map((m) => m.user_id),
        followersOf: [input.communityId],
      });
      return row;
    });
  }

  async addAgendaItem(
    user: AuthUser,
    input: { meetingId: string; itemId?: string | null; commentId?: string | null; note?: string | null },
  ): Promise<MeetingRow> {
    const meeting = await this.get(user, input.meetingId);
    await this.access.toCommunity(user, meeting.communityId, 'meeting.manage');
    const note = validateAgendaNote(input.note);
    let itemId: string | null = input.itemId ?? null;
    const commentId = input.commentId ?? null;
    if (commentId) {
      const comment = isUuid(commentId) ? await this.comments.find(commentId) : null;
      if (!comment) throw notFound('Deze reactie');
      // A comment you may not read does not exist for you: same answer as for an unknown id.
      await this.access.toItem(user, comment.itemId, 'community.read', 'Deze reactie');
      itemId ??= comment.itemId;
      if (comment.itemId !== itemId)
        throw badInput('Deze reactie hoort niet bij dit item / This comment is not on this item', 'commentId');
    }
    if (!itemId && !note)
      throw badInput(
        'Kies een item of reactie, of schrijf een agendapunt / Choose an item or comment, or write a note',
        'note',
      );
    if (itemId) {
      // Only what belongs to the meeting's own community goes on its agenda.
      const { item } = await this.access.toItem(user, itemId, 'community.read');
      if (item.communityId !== meeting.communityId)
        throw badInput('Dit item hoort bij een ander leernetwerk / This item belongs to another community', 'itemId');
    }
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE', [meeting.id]);
      await tx.query(
        `INSERT INTO agenda_items (meeting_id, position, item_id, comment_id, note, added_by)
         SELECT $1, coalesce(max(position), 0) + 1, $2, $3, $4, $5 FROM agenda_items WHERE meeting_id = $1`,
        [meeting.id, itemId, commentId, note, user.id],
      );
      if (itemId) {
        // Its authors hear that their item is on the agenda.
        const authors: { user_id: string }[] = await tx.query(`SELECT user_id FROM item_authors WHERE item_id = $1`, [
          itemId,
        ]);
        const excerpt = `Op de agenda van ${meeting.title} (${new Date(meeting.date).toISOString().slice(0, 10)})`;
        await this.notifications.notify(tx, {
          kind: 'MEETING',
          actorId: user.id,
          communityId: meeting.communityId,
          itemId,
          excerpt,
          userIds: authors.map((a) => a.user_id),
        });
      }
    });
    return meeting;
  }

  /** A meeting the user may read; NOT_FOUND otherwise. */
  async get(user: AuthUser, id: string): Promise<MeetingRow> {
    const [row]: MeetingRow[] = isUuid(id)
      ? await this.db.query(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = $1`, [id])
      : [];
    if (!row) throw notFound('Deze bijeenkomst');
    await this.access.toCommunity(user, row.communityId, 'community.read').catch(() => {
      throw notFound('Deze bijeenkomst');
    });
    return row;
  }

  async list(user: AuthUser, communityId: string): Promise<MeetingRow[]> {
    await this.access.toCommunity(user, communityId, 'community.read');
    return this.db.query(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE community_id = $1 ORDER BY date DESC, id`, [
      communityId,
    ]);
  }

  async agenda(meetingId: string): Promise<AgendaRow[]> {
    return this.db.query(
      `SELECT id, position, item_id AS "itemId", comment_id AS "commentId", note, added_by AS "addedById"
         FROM agenda_items WHERE meeting_id = $1 ORDER BY position`,
      [meetingId],
    );
  }

  /**
   * Practice that has not come back into conversation yet: practice
   * reflections and werkvragen on no agenda, and open deepening questions
   * on no agenda. Newest first.
   */
  async suggestions(communityId: string): Promise<SuggestionRow[]> {
    return this.db.query(
      `(SELECT CASE i.kind WHEN 'REFLECTION' THEN 'REFLECTION' ELSE 'QUESTION_ITEM' END AS reason, i.id AS "itemId", NULL::uuid AS "commentId", i.created_at AS at
          FROM items i
         WHERE i.community_id = $1 AND i.kind IN ('REFLECTION', 'QUESTION') AND i.archived_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.item_id = i.id))
       UNION ALL
       (SELECT 'OPEN_QUESTION', c.item_id, c.id, c.created_at
          FROM comments c JOIN items i ON i.id = c.item_id
         WHERE i.community_id = $1 AND c.kind = 'QUESTION' AND c.resolved_at IS NULL AND i.archived_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.comment_id = c.id))
       ORDER BY at DESC LIMIT ${SUGGESTIONS_MAX}`,
      [communityId],
    );
  }
}
