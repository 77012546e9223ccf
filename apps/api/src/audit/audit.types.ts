import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../common/connection.types';
import { UserType } from '../users/user.type';

@ObjectType('AuditEntry', { description: 'Who changed what in a community, and when' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    description:
      'member.add, member.role, member.perspective, member.remove, member.leave, item.stage, item.archive, guideline.promote, guideline.status, guideline.revise, revision.restore, archive.import, community.update, join.answer',
  })
  action!: string;
  @Field(() => UserType, { nullable: true }) actor?: UserType | null;
  @Field(() => ID, { nullable: true, description: 'The item, member or revision the change was about' }) targetId!:
    string | null;
  @Field(() => String, { description: 'What changed, as JSON (e.g. {"from":"MEMBER","to":"READER"})' })
  details!: string;
  @Field(() => Date) createdAt!: Date;
  actorId!: string | null;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field(() => AuditEntryType) node!: AuditEntryType;
  @Field(() => String) cursor!: string;
}

/** The audit log, newest first, as a connection like every paginated list (common/connection.types.ts). */
@ObjectType('AuditLogConnection')
export class AuditLogConnection {
  @Field(() => [AuditEntryEdge]) edges!: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
