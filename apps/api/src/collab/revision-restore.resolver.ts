import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { BODY_FRAGMENT, writeBody } from '@spiraal/collab';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { ItemType } from '../items/item.types';
import { ItemsService } from '../items/items.service';
import { RevisionsService } from '../revisions/revisions.service';
import { CollabService } from './collab.service';

/** Restoring a saved version is a new change to the live document, which connected editors see at once. */
@Resolver()
export class RevisionRestoreResolver {
  constructor(
    private readonly access: AccessService,
    private readonly revisions: RevisionsService,
    private readonly collab: CollabService,
    private readonly items: ItemsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Mutation(() => ItemType, { description: 'Brings an old version back as a new change; history is kept' })
  async restoreRevision(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ItemType> {
    const itemId = await this.revisions.itemOf(id);
    const { item } = await this.access.toItem(viewer, itemId, 'item.edit', 'Deze versie');
    const { body } = RevisionsService.bodyOf((await this.revisions.get(id)).state);
    await this.collab.withDocument(itemId, (room) => {
      room.doc.transact(() => writeBody(room.doc.getXmlFragment(BODY_FRAGMENT), body), {
        kind: 'server',
        userId: viewer.id,
      });
    });
    await this.collab.flush(itemId);
    await this.collab.bodyRewritten(itemId);
    await this.audit.record(this.db.manager, {
      communityId: item.communityId,
      actorId: viewer.id,
      action: 'revision.restore',
      targetId: itemId,
      details: { revisionId: id },
    });
    return this.items.get(viewer, itemId);
  }
}
