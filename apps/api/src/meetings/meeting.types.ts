import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { MeetingKind } from '@spiraal/domain';
import { CommentType } from '../comments/comment.types';
import { MeetingKindEnum } from '../common/enums';
import { CommunityType } from '../communities/community.types';
import { ItemType } from '../items/item.types';
import { UserType } from '../users/user.type';

@InputType('CreateMeetingInput')
export class CreateMeetingInput {
  @Field(() => ID) communityId!: string;
  @Field(() => String) title!: string;
  @Field(() => Date) date!: Date;
  @Field(() => MeetingKindEnum) kind!: MeetingKind;
}

@InputType('AddAgendaItemInput', { description: 'An item, a klankbord comment, or a note of its own' })
export class AddAgendaItemInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => ID, { nullable: true }) itemId?: string | null;
  @Field(() => ID, { nullable: true }) commentId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('AgendaItem')
export class AgendaItemType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => ItemType, { nullable: true }) item?: ItemType | null;
  @Field(() => CommentType, { nullable: true }) comment?: CommentType | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => UserType, { nullable: true }) addedBy?: UserType | null;
  itemId!: string | null;
  commentId!: string | null;
  addedById!: string | null;
}

@ObjectType('AgendaSuggestion', {
  description: 'Practice not yet talked about: a reflection, a werkvraag or an open question',
})
export class AgendaSuggestionType {
  @Field(() => String, { description: 'REFLECTION, QUESTION_ITEM or OPEN_QUESTION' }) reason!: string;
  @Field(() => ItemType, { description: 'The item (for an open question: the item it was asked on)' }) item!: ItemType;
  @Field(() => CommentType, { nullable: true }) comment?: CommentType | null;
}

@ObjectType('Meeting', { description: 'A bijeenkomst: intervisie, klankbord, reflectie' })
export class MeetingType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Date) date!: Date;
  @Field(() => MeetingKindEnum) kind!: MeetingKind;
  @Field(() => CommunityType) community?: CommunityType;
  @Field(() => ItemType, { nullable: true, description: 'The verslag, an item co-written live' })
  report?: ItemType | null;
  @Field(() => [AgendaItemType]) agenda?: AgendaItemType[];
  @Field(() => [AgendaSuggestionType], {
    description: 'Reflections and questions not yet on any agenda, so practice flows back into conversation',
  })
  agendaSuggestions?: AgendaSuggestionType[];
  communityId!: string;
  reportItemId!: string | null;
}
