import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MAIL_DELIVERIES, MailDelivery, NOTIFICATION_KINDS, NotificationKind } from '@spiraal/domain';
import { CommunityType } from '../communities/community.types';
import { ItemType } from '../items/item.types';
import { PageInfo } from '../common/connection.types';
import { UserType } from '../users/user.type';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as Record<
  NotificationKind,
  NotificationKind
>;
export const MailDeliveryEnum = Object.fromEntries(MAIL_DELIVERIES.map((k) => [k, k])) as Record<
  MailDelivery,
  MailDelivery
>;
registerEnumType(NotificationKindEnum, { name: 'NotificationKind', description: 'What a notification is about' });
registerEnumType(MailDeliveryEnum, {
  name: 'MailDelivery',
  description: 'E-mail for a kind of notification: at once, daily or weekly digest, or never',
});

@ObjectType('Notification', {
  description: 'A notification in the inbox; a burst within 10 minutes is one notification',
})
export class NotificationType {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field(() => Date, { description: 'When it (last) happened' }) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => String) excerpt!: string;
  @Field(() => Int, { description: 'How many people acted in this group' }) actorCount!: number;
  @Field(() => ID, { nullable: true, description: 'The klankbord comment it is about, if any' }) commentId!:
    string | null;
  // actor, item, community and summary are resolved fields.
  actorId!: string | null;
  itemId!: string | null;
  communityId!: string;
}

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field(() => NotificationType) node!: NotificationType;
  @Field(() => String) cursor!: string;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges!: NotificationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('NotificationPreference')
export class NotificationPreferenceType {
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field(() => MailDeliveryEnum) delivery!: MailDelivery;
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field(() => MailDeliveryEnum) delivery!: MailDelivery;
}

@InputType('UpdateNotificationPreferencesInput')
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput]) preferences!: NotificationPreferenceInput[];
}

export { CommunityType, ItemType, UserType };
