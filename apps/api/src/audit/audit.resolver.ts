import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { loadUser, UserType } from '../users/user.type';
import { AuditService } from './audit.service';
import { AuditEntryType, AuditLogConnection } from './audit.types';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditLogConnection, { description: "The community's audit log, newest first (facilitators)" })
  async auditLog(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditLogConnection> {
    const { entries, hasNextPage } = await this.audit.list(viewer, communityId, first, after);
    return {
      edges: entries.map((e) => ({ node: { ...e, details: JSON.stringify(e.details) }, cursor: e.id })),
      pageInfo: { hasNextPage, endCursor: entries.at(-1)?.id ?? null },
    };
  }

  @ResolveField(() => UserType, { nullable: true })
  async actor(@Parent() entry: AuditEntryType, @Ctx() ctx: GqlContext): Promise<UserType | null> {
    return loadUser(ctx, entry.actorId);
  }
}
