import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BODY_FRAGMENT, writeBody } from '@spiraal/collab';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/session.service';
import { CollabService } from '../collab/collab.service';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { ItemType } from '../items/item.types';
import { ItemsService } from '../items/items.service';
import { toUserType, UserType } from '../users/user.type';
import { RevisionType } from './revision.types';
import { RevisionsService } from './revisions.service';

@Resolver(() => RevisionType)
export class RevisionsResolver {
  constructor(
    private readonly access: AccessService,
    private readonly revisions: RevisionsService,
    private readonly collab: CollabService,
    private readonly items: ItemsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => [RevisionType], { description: 'Saved versions of an item’s body, newest first' })
  async itemRevisions(@Viewer() viewer: AuthUser, @Args('itemId', { type: () => ID }) itemId: string): Promise<Omit<RevisionType, 'authors'>[]> {
    await this.access.toItem(viewer, itemId, 'community.read');
    return this.revisions.list(itemId);
  }

  @Query(() => RevisionType, { description: 'One saved version; ask for its text and markdown' })
  async revision(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Omit<RevisionType, 'authors'>> {
    await this.access.toItem(viewer, await this.revisions.itemOf(id), 'community.read', 'Deze versie');
    return this.revisions.get(id);
  }

  @Mutation(() => ItemType, { description: 'Brings an old version back as a new change; history is kept' })
  async restoreRevision(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ItemType> {
    const itemId = await this.revisions.itemOf(id);
    const { item } = await this.access.toItem(viewer, itemId, 'item.edit', 'Deze versie');
    const { body } = RevisionsService.bodyOf((await this.revisions.get(id)).state);
    await this.collab.withDocument(itemId, (room) => {
      room.doc.transact(() => writeBody(room.doc.getXmlFragment(BODY_FRAGMENT), body), { kind: 'server', userId: viewer.id });
    });
    await this.collab.flush(itemId);
    await this.audit.record(this.db.manager, { communityId: item.communityId, actorId: viewer.id, action: 'revision.restore', targetId: itemId, details: { revisionId: id } });
    return this.items.get(viewer, itemId);
  }

  @ResolveField(() => String, { description: 'The body as plain text' })
  async text(@Parent() revision: RevisionType): Promise<string> {
    return (await this.revisions.get(revision.id)).text;
  }

  @ResolveField(() => String, { description: 'The body as Markdown' })
  async markdown(@Parent() revision: RevisionType): Promise<string> {
    return RevisionsService.bodyOf((await this.revisions.get(revision.id)).state).markdown;
  }

  @ResolveField(() => [UserType])
  async authors(@Parent() revision: RevisionType, @Ctx() ctx: GqlContext): Promise<UserType[]> {
    const users = await ctx.loaders.user.loadMany(revision.authorIds);
    return users.flatMap((u) => (u && !(u instanceof Error) ? [toUserType(u, ctx.user?.id ?? null)] : []));
  }
}
