import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LiveService } from '../live/live.service';
import { ItemEvents } from './item-events';

/**
 * A changed item status (stage, guideline status, editability) reaches the
 * open pages of the community's members as an `item` event on the live
 * channel, so a page showing the item fetches it again (status, toolbar) at
 * once. Every process hears item events already, so each delivers to its own
 * streams only. The event names the item and nothing else: what changed is
 * read through GraphQL, where every read passes `can()`.
 */
@Injectable()
export class ItemLive {
  private readonly logger = new Logger(ItemLive.name);

  constructor(events: ItemEvents, live: LiveService, @InjectDataSource() db: DataSource) {
    events.subscribe(({ itemId, communityId }) => {
      db.query<{ user_id: string }[]>(`SELECT user_id FROM memberships WHERE community_id = $1`, [communityId]).then(
        (rows) =>
          live.deliverHere(
            rows.map((row) => row.user_id),
            { type: 'item', data: { itemId, communityId } },
          ),
        (error: unknown) => this.logger.error(`Telling members about item ${itemId} failed: ${String(error)}`),
      );
    });
  }
}
