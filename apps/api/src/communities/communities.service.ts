import { Injectable } from '@nestjs/common';
import { NotificationsService } from '../notifications/notifications.service';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  accessFor,
  can,
  isUuid,
  Perspective,
  Role,
  validateCommunityDescription,
  validateCommunityName,
  validateEmail,
  Visibility,
  ROLE_LABELS,
} from '@spiraal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { badInput, notFound } from '../common/errors';
import { UserEntity } from '../database/entities/user.entity';
import { CommunityEntity } from '../database/entities/community.entity';
import { MembershipEntity } from '../database/entities/membership.entity';
import { MembershipEvents } from './membership-events';

export interface CommunityView extends CommunityEntity {
  myRole: Role | null;
}

export interface MemberView {
  user: UserEntity;
  role: Role;
  perspective: Perspective;
  joinedAt: Date;
  /** Set only for facilitators (who add people by e-mail) and for the member themselves. */
  email: string | null;
}

@Injectable()
export class CommunitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly events: MembershipEvents,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async create(
    user: AuthUser,
    input: { name: string; description?: string | null; visibility: Visibility; perspective?: Perspective | null },
  ): Promise<CommunityView> {
    const name = validateCommunityName(input.name);
    const description = validateCommunityDescription(input.description);
    return this.db.transaction(async (tx) => {
      const community = await tx
        .getRepository(CommunityEntity)
        .save({ name, description, visibility: input.visibility, createdBy: user.id });
      await tx.getRepository(MembershipEntity).insert({
        communityId: community.id,
        userId: user.id,
        role: 'FACILITATOR',
        perspective: input.perspective ?? 'PROFESSIONAL',
      });
      return { ...community, myRole: 'FACILITATOR' as const };
    });
  }

  /** The user's own communities and every NETWORK community, by name. */
  async list(user: AuthUser): Promise<CommunityView[]> {
    const { entities, raw } = await this.db
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .leftJoin('memberships', 'm', 'm.community_id = c.id AND m.user_id = :userId', { userId: user.id })
      .addSelect('m.role', 'my_role')
      .where(`m.user_id IS NOT NULL OR c.visibility = 'NETWORK'`)
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getRawAndEntities();
    const roles = new Map<string, Role | null>(
      raw.map((r: { c_id: string; my_role: Role | null }) => [r.c_id, r.my_role]),
    );
    return entities.map((c) => ({ ...c, myRole: roles.get(c.id) ?? null }));
  }

  /** The directory: every NETWORK and LISTED community, and the user's own, by name (`community.see`). */
  async directory(user: AuthUser): Promise<CommunityView[]> {
    const { entities, raw } = await this.db
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .leftJoin('memberships', 'm', 'm.community_id = c.id AND m.user_id = :userId', { userId: user.id })
      .addSelect('m.role', 'my_role')
      .where(`m.user_id IS NOT NULL OR c.visibility IN ('NETWORK', 'LISTED')`)
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getRawAndEntities();
    const roles = new Map<string, Role | null>(
      raw.map((r: { c_id: string; my_role: Role | null }) => [r.c_id, r.my_role]),
    );
    return entities
      .map((c) => ({ ...c, myRole: roles.get(c.id) ?? null }))
      .filter((c) => can(accessFor(c.myRole, c.visibility), 'community.see'));
  }

  /** The facilitators of each community, for the directory (anyone who may see the community). */
  async facilitators(communityIds: readonly string[]): Promise<Map<string, UserEntity[]>> {
    const rows = (await this.db
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndMapOne('m.user', UserEntity, 'u', 'u.id = m.user_id')
      .where('m.community_id IN (:...ids)', {
        ids: communityIds.length ? communityIds : ['00000000-0000-0000-0000-000000000000'],
      })
      .andWhere(`m.role = 'FACILITATOR'`)
      .orderBy('u.display_name', 'ASC')
      .getMany()) as (MembershipEntity & { user: UserEntity })[];
    const byCommunity = new Map<string, UserEntity[]>();
    for (const row of rows) byCommunity.set(row.communityId, [...(byCommunity.get(row.communityId) ?? []), row.user]);
    return byCommunity;
  }

  /** Name, description and visibility (facilitators), with what changed in the audit log. */
  async update(
    user: AuthUser,
    input: { id: string; name?: string | null; description?: string | null; visibility?: Visibility | null },
  ): Promise<CommunityView> {
    const { access } = await this.access.toCommunity(user, input.id, 'community.manage');
    const changes: Partial<Pick<CommunityEntity, 'name' | 'description' | 'visibility'>> = {};
    if (input.name != null) changes.name = validateCommunityName(input.name);
    if (input.description != null) changes.description = validateCommunityDescription(input.description);
    if (input.visibility != null) changes.visibility = input.visibility;
    if (!Object.keys(changes).length)
      throw badInput(
        'Geef een nieuwe naam, beschrijving of zichtbaarheid / Give a new name, description or visibility',
      );
    const updated = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(CommunityEntity);
      const before = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('Dit leernetwerk');
      const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => before[key] !== changes[key]);
      if (!changed.length) return before;
      await repo.update({ id: input.id }, changes);
      await this.audit.record(tx, {
        communityId: input.id,
        actorId: user.id,
        action: 'community.update',
        targetId: input.id,
        details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: changes[key] }])),
      });
      return repo.findOneByOrFail({ id: input.id });
    });
    return { ...updated, myRole: access as Role };
  }

  async get(user: AuthUser, id: string): Promise<CommunityView> {
    const { community, access } = await this.access.toCommunity(user, id, 'community.read');
    return {
      ...community,
      myRole: access === 'FACILITATOR' || access === 'MEMBER' || access === 'READER' ? access : null,
    };
  }

  async members(user: AuthUser, communityId: string): Promise<MemberView[]> {
    const { access } = await this.access.toCommunity(user, communityId, 'member.list');
    const members = await this.memberViews(this.db.manager, communityId);
    return members.map((m) => ({
      ...m,
      email: access === 'FACILITATOR' || m.user.id === user.id ? m.user.email : null,
    }));
  }

  /**
   * Adds someone with an account directly, without asking them: only for the
   * operator's own tools (`npm run seed:demo`); people join through
   * invitations (apps/api/src/invitations), which they accept.
   */
  async addMember(
    user: AuthUser,
    input: { communityId: string; email: string; role: Role; perspective: Perspective },
  ): Promise<MemberView> {
    await this.access.toCommunity(user, input.communityId, 'member.manage');
    const email = validateEmail(input.email);
    const target = await this.db.getRepository(UserEntity).findOneBy({ email });
    if (!target) throw notFound('Een account met dit e-mailadres');
    return this.db.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO memberships (community_id, user_id, role, perspective) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [input.communityId, target.id, input.role, input.perspective],
      );
      if (!inserted.length)
        throw badInput(`${target.displayName} is al lid van dit leernetwerk / is already a member`, 'email');
      await this.audit.record(tx, {
        communityId: input.communityId,
        actorId: user.id,
        action: 'member.add',
        targetId: target.id,
        details: { role: input.role, perspective: input.perspective },
      });
      await this.notifyMembership(tx, user, input.communityId, target.id, `Je bent lid geworden als`, input.role);
      return this.member(tx, input.communityId, target.id);
    });
  }

  async changeMemberRole(
    user: AuthUser,
    input: { communityId: string; userId: string; role: Role },
  ): Promise<MemberView> {
    await this.access.toCommunity(user, input.communityId, 'member.manage');
    const member = await this.db.transaction(async (tx) => {
      const membership = await this.lockMembership(tx, input.communityId, input.userId);
      if (membership.role === 'FACILITATOR' && input.role !== 'FACILITATOR')
        await this.keepAFacilitator(tx, input.communityId);
      await tx
        .getRepository(MembershipEntity)
        .update({ communityId: input.communityId, userId: input.userId }, { role: input.role });
      await this.audit.record(tx, {
        communityId: input.communityId,
        actorId: user.id,
        action: 'member.role',
        targetId: input.userId,
        details: { from: membership.role, to: input.role },
      });
      await this.notifyMembership(tx, user, input.communityId, input.userId, `Je rol is nu`, input.role);
      return this.member(tx, input.communityId, input.userId);
    });
    this.events.emit({ communityId: input.communityId, userId: input.userId, role: input.role });
    return member;
  }

  /** Facilitators set anyone's perspective; every member may set their own. */
  async setMemberPerspective(
    user: AuthUser,
    input: { communityId: string; userId: string; perspective: Perspective },
  ): Promise<MemberView> {
    const self = input.userId === user.id;
    await this.access.toCommunity(user, input.communityId, self ? 'membership.own' : 'member.manage');
    return this.db.transaction(async (tx) => {
      const membership = isUuid(input.userId)
        ? await tx.getRepository(MembershipEntity).findOneBy({ communityId: input.communityId, userId: input.userId })
        : null;
      if (!membership) throw notFound('Dit lid');
      await tx
        .getRepository(MembershipEntity)
        .update({ communityId: input.communityId, userId: input.userId }, { perspective: input.perspective });
      await this.audit.record(tx, {
        communityId: input.communityId,
        actorId: user.id,
        action: 'member.perspective',
        targetId: input.userId,
        details: { from: membership.perspective, to: input.perspective },
      });
      return this.member(tx, input.communityId, input.userId);
    });
  }

  /** Facilitators remove anyone; every member may leave. The last facilitator stays. */
  async removeMember(user: AuthUser, input: { communityId: string; userId: string }): Promise<boolean> {
    const self = input.userId === user.id;
    await this.access.toCommunity(user, input.communityId, self ? 'membership.own' : 'member.manage');
    await this.db.transaction(async (tx) => {
      const membership = await this.lockMembership(tx, input.communityId, input.userId);
      if (membership.role === 'FACILITATOR') await this.keepAFacilitator(tx, input.communityId);
      await tx.getRepository(MembershipEntity).delete({ communityId: input.communityId, userId: input.userId });
      await this.audit.record(tx, {
        communityId: input.communityId,
        actorId: user.id,
        action: self ? 'member.leave' : 'member.remove',
        targetId: input.userId,
        details: { role: membership.role },
      });
    });
    this.events.emit({ communityId: input.communityId, userId: input.userId, role: null });
    return true;
  }

  /** Locks the community row, so concurrent role changes cannot remove the last facilitator. */
  private async lockMembership(tx: EntityManager, communityId: string, userId: string): Promise<MembershipEntity> {
    await tx.query('SELECT id FROM communities WHERE id = $1 FOR UPDATE', [communityId]);
    const membership = isUuid(userId)
      ? await tx.getRepository(MembershipEntity).findOneBy({ communityId, userId })
      : null;
    if (!membership) throw notFound('Dit lid');
    return membership;
  }

  /** Tells a member, in the change's transaction, that they joined or that their role changed. */
  private async notifyMembership(
    tx: EntityManager,
    actor: AuthUser,
    communityId: string,
    userId: string,
    what: 'Je bent lid geworden als' | 'Je rol is nu',
    role: Role,
  ): Promise<void> {
    await this.notifications.notify(tx, {
      kind: 'MEMBERSHIP',
      actorId: actor.id,
      communityId,
      excerpt: `${what} ${ROLE_LABELS[role].nl.toLowerCase()}`,
      userIds: [userId],
    });
  }

  private async keepAFacilitator(tx: EntityManager, communityId: string): Promise<void> {
    const facilitators = await tx.getRepository(MembershipEntity).countBy({ communityId, role: 'FACILITATOR' });
    if (facilitators <= 1) {
      throw badInput(
        'Een leernetwerk heeft minstens één facilitator nodig; maak eerst iemand anders facilitator / A community needs at least one facilitator',
      );
    }
  }

  private async member(manager: EntityManager, communityId: string, userId: string): Promise<MemberView> {
    const [member] = await this.memberViews(manager, communityId, userId);
    return member;
  }

  private async memberViews(manager: EntityManager, communityId: string, userId?: string): Promise<MemberView[]> {
    const qb = manager
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndMapOne('m.user', UserEntity, 'u', 'u.id = m.user_id')
      .where('m.community_id = :communityId', { communityId })
      .orderBy('u.display_name', 'ASC');
    if (userId) qb.andWhere('m.user_id = :userId', { userId });
    const rows = (await qb.getMany()) as (MembershipEntity & { user: UserEntity })[];
    // Callers that answer a facilitator's mutation see e-mail addresses; members() masks them.
    return rows.map((m) => ({
      user: m.user,
      role: m.role,
      perspective: m.perspective,
      joinedAt: m.createdAt,
      email: m.user.email,
    }));
  }
}
