import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { collabModeFor } from '@spiraal/domain';
import { AccessService, factsOf } from '../access/access.service';
import { sessionFingerprint } from '../auth/session.service';
import { RateLimits } from '../common/rate-limits';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { CollabTicketService } from './collab-ticket.service';
import { CollabModeEnum, CollabTicketType } from './collab-ticket.types';

@Resolver()
export class CollabTicketResolver {
  constructor(
    private readonly access: AccessService,
    private readonly tickets: CollabTicketService,
    private readonly limits: RateLimits,
  ) {}

  @Mutation(() => CollabTicketType, { description: 'A short-lived ticket to open an item’s live document' })
  async collabTicket(
    @Viewer() viewer: AuthUser,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<CollabTicketType> {
    await this.limits.ticket(viewer.id);
    const { access, item } = await this.access.toItem(viewer, itemId, 'community.read');
    const mode = collabModeFor(access, factsOf(item, viewer.id));
    const readOnly = mode !== 'EDIT';
    const { token, expiresAt } = await this.tickets.issue({
      itemId,
      userId: viewer.id,
      readOnly,
      mode,
      session: sessionFingerprint(ctx.token!),
    });
    const scheme = ctx.req.secure ? 'wss' : 'ws';
    return { url: `${scheme}://${ctx.req.get('host')}/collab`, token, expiresAt, readOnly, mode: CollabModeEnum[mode] };
  }
}
