import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { Perspective, Role, Visibility } from '@spiraal/domain';
import { PerspectiveEnum, RoleEnum, VisibilityEnum } from '../common/enums';
import { UserType } from '../users/user.type';

@ObjectType('Community', { description: 'A leernetwerk: a community of practice' })
export class CommunityType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => VisibilityEnum) visibility!: Visibility;
  @Field(() => Date) createdAt!: Date;
  @Field(() => RoleEnum, { nullable: true, description: "The viewer's role; null when they are not a member" })
  myRole!: Role | null;
}

@ObjectType('JoinRequest', { description: 'Someone who asked to join a community, waiting for a facilitator' })
export class JoinRequestType {
  @Field(() => ID) id!: string;
  @Field(() => UserType) user!: UserType;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('Member')
export class MemberType {
  @Field(() => UserType) user!: UserType;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => PerspectiveEnum) perspective!: Perspective;
  @Field(() => String, { nullable: true, description: 'Shown to facilitators, who invite people by e-mail' })
  email!: string | null;
  @Field(() => Date) joinedAt!: Date;
}

@InputType('CreateCommunityInput')
export class CreateCommunityInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => VisibilityEnum, { defaultValue: 'PRIVATE' }) visibility!: Visibility;
  @Field(() => PerspectiveEnum, { nullable: true, description: "The creator's own perspective (default PROFESSIONAL)" })
  perspective?: Perspective | null;
}

@InputType('ChangeMemberRoleInput')
export class ChangeMemberRoleInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => RoleEnum) role!: Role;
}

@InputType('SetMemberPerspectiveInput')
export class SetMemberPerspectiveInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => PerspectiveEnum) perspective!: Perspective;
}

@InputType('RemoveMemberInput')
export class RemoveMemberInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID) userId!: string;
}
