import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { GuidelineStatus, ItemKind, SeciStage } from '@spiraal/domain';
import { GuidelineStatusEnum, ItemKindEnum, SeciStageEnum } from '../common/enums';
import { UserType } from '../users/user.type';
import { PageInfo } from '../common/connection.types';

@ObjectType('Item', { description: 'A knowledge item: a verhaal, casus, begrip, richtlijn, …' })
export class ItemType {
  @Field(() => ID) id!: string;
  @Field(() => ItemKindEnum) kind!: ItemKind;
  @Field(() => SeciStageEnum) stage!: SeciStage;
  @Field(() => String) title!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => String, { description: 'The body as plain text' }) text!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Date, { nullable: true }) archivedAt!: Date | null;
  @Field(() => GuidelineStatusEnum, { nullable: true, description: 'Guidelines only' })
  guidelineStatus!: GuidelineStatus | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Guidelines only: the number of the version being worked on (or in force, when vastgesteld)',
  })
  guidelineVersion!: number | null;
  @Field(() => Date, { nullable: true, description: 'Guidelines only: when to look at it again (tijdelijk geldig)' })
  reviewDate!: Date | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The template the item started from; the editor shows its prompts as placeholders',
  })
  templateId!: string | null;
  communityId!: string;
  createdBy!: string | null;
  appliesGuidelineId!: string | null;
  appliesVersion!: number | null;
}

@ObjectType('StageChange', { description: 'One move of an item through the spiral' })
export class StageChangeType {
  @Field(() => SeciStageEnum, { nullable: true, description: 'Null for the stage an item started in' })
  from!: SeciStage | null;
  @Field(() => SeciStageEnum) to!: SeciStage;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Date) at!: Date;
  @Field(() => UserType, { nullable: true }) by!: UserType | null;
}

@ObjectType('ItemEdge')
export class ItemEdge {
  @Field(() => ItemType) node!: ItemType;
  @Field(() => String) cursor!: string;
}

@ObjectType('ItemConnection')
export class ItemConnection {
  @Field(() => [ItemEdge]) edges!: ItemEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many items match the filter' }) totalCount!: number;
}

@InputType('ItemFilter')
export class ItemFilter {
  @Field(() => [ItemKindEnum], { nullable: true }) kinds?: ItemKind[] | null;
  @Field(() => [SeciStageEnum], { nullable: true }) stages?: SeciStage[] | null;
  @Field(() => [String], { nullable: true, description: 'Items carrying all of these tags' }) tags?: string[] | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) includeArchived?: boolean | null;
}

@InputType('CreateItemInput')
export class CreateItemInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ItemKindEnum) kind!: ItemKind;
  @Field(() => String) title!: string;
  @Field(() => SeciStageEnum, { nullable: true, description: 'Defaults to the kind’s usual stage' })
  stage?: SeciStage | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Markdown, at most 1 MB' }) body?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Start from the kind’s template (casus, verhaal, werkvraag, toepassingsreflectie)',
  })
  template?: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Start from this template (a built-in one or the community’s own, of the same kind); see `templates`',
  })
  templateId?: string | null;
}

@InputType('UpdateItemInput')
export class UpdateItemInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType('AddStageReasonInput')
export class AddStageReasonInput {
  @Field(() => ID) itemId!: string;
  @Field(() => String, { description: 'Why the item moved; replaces the reason of its last stage change' })
  reason!: string;
}

@InputType('SetItemStageInput')
export class SetItemStageInput {
  @Field(() => ID) id!: string;
  @Field(() => SeciStageEnum) stage!: SeciStage;
  @Field(() => String, { nullable: true }) reason?: string | null;
}
