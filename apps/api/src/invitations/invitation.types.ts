import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { Perspective, Role } from '@spiraal/domain';
import { PerspectiveEnum, RoleEnum } from '../common/enums';

@ObjectType('InvitationCommunity', {
  description: 'The community an invitation is for, as the invited person may see it',
})
export class InvitationCommunityType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('InvitationInviter')
export class InvitationInviterType {
  @Field(() => String) displayName!: string;
}

@ObjectType('Invitation', { description: 'An invitation to join a leernetwerk; nobody is a member before accepting' })
export class InvitationType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => PerspectiveEnum) perspective!: Perspective;
  @Field(() => InvitationCommunityType) community!: InvitationCommunityType;
  @Field(() => InvitationInviterType, { nullable: true, description: 'Null when the inviter’s account is gone' })
  invitedBy!: InvitationInviterType | null;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'The token of the acceptance link (/uitnodiging?token=…), for the facilitators who invited, only when the server mails nothing: they pass the link on themselves',
  })
  linkToken?: string | null;
}

@InputType('InviteMemberInput')
export class InviteMemberInput {
  @Field(() => ID) communityId!: string;
  @Field(() => String) email!: string;
  @Field(() => RoleEnum, { defaultValue: 'MEMBER' }) role!: Role;
  @Field(() => PerspectiveEnum, { defaultValue: 'PROFESSIONAL' }) perspective!: Perspective;
}

@InputType('AcceptInvitationLinkInput', {
  description: 'Accepting through the link in the invitation mail, creating the account the address has not got yet',
})
export class AcceptInvitationLinkInput {
  @Field(() => String, { description: 'The token of the link in the mail' }) token!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { description: 'At least 10 characters' }) password!: string;
}
