import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { GuidelineStatus } from '@spiraal/domain';
import { GuidelineStatusEnum } from '../common/enums';
import { ItemType } from '../items/item.types';
import { PrivacyOverrideInput } from '../privacy/privacy.types';
import { UserType } from '../users/user.type';

@InputType('PromoteToGuidelineInput')
export class PromoteToGuidelineInput {
  @Field(() => [ID], { description: 'The items the guideline is made from (1 to 20, one community)' })
  sourceItemIds!: string[];
  @Field(() => String) title!: string;
  @Field(() => PrivacyOverrideInput, {
    nullable: true,
    description: 'Promote although sources have open privacy findings (facilitators; audit-logged)',
  })
  privacyOverride?: PrivacyOverrideInput | null;
  @Field(() => [String], {
    nullable: true,
    description: "The guideline's tags; without them, the tags more than half of the sources share",
  })
  tags?: string[] | null;
}

@InputType('SetGuidelineStatusInput')
export class SetGuidelineStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => GuidelineStatusEnum) status!: GuidelineStatus;
  @Field(() => Date, { nullable: true, description: 'When to review; on adoption a year later unless given' })
  reviewDate?: Date | null;
}

@InputType('RecordApplicationInput')
export class RecordApplicationInput {
  @Field(() => ID) guidelineId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Markdown; empty starts from the template (wat deed je, wat gebeurde er, wat zou je anders doen)',
  })
  body?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Title of the reflection; without it "Toepassingsreflectie: <guideline>"',
  })
  title?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "What the writer will try, written above the reflection's questions (not with body)",
  })
  intention?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the writer looks back on it' })
  lookBackOn?: Date | null;
}

@ObjectType('GuidelineVersion', { description: 'An adopted (vastgesteld) version, frozen and readable for good' })
export class GuidelineVersionType {
  guidelineId!: string;
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The text as adopted' }) text!: string;
  @Field(() => String, { description: 'The body as adopted, in Markdown' }) markdown!: string;
  @Field(() => UserType, { nullable: true }) adoptedBy!: UserType | null;
  @Field(() => Date) adoptedAt!: Date;
  @Field(() => Date, { nullable: true }) reviewDate!: Date | null;
}

@ObjectType('AttentionReason')
export class AttentionReasonType {
  @Field(() => String, { description: 'REVIEW_DATE_PASSED or SOURCE_CHANGED' }) code!: string;
  @Field(() => String) message!: string;
  @Field(() => ItemType, { nullable: true, description: 'The source that changed' }) item!: ItemType | null;
}

@ObjectType('Attention', { description: 'Whether a guideline asks to be looked at again, and why' })
export class AttentionType {
  @Field(() => Boolean) needed!: boolean;
  @Field(() => [AttentionReasonType]) reasons!: AttentionReasonType[];
}

@ObjectType('GuidelineApplication', { description: 'The guideline version a practice reflection applied' })
export class GuidelineApplicationType {
  @Field(() => ItemType) guideline!: ItemType;
  @Field(() => Int) version!: number;
}
