import { Field, ID, InputType, Int, ObjectType, Float, registerEnumType } from '@nestjs/graphql';
import { PRIVACY_KINDS, type PrivacyKind } from '@spiraal/privacy';
import { ItemType } from '../items/item.types';

export const PrivacyKindEnum = Object.fromEntries(PRIVACY_KINDS.map((k) => [k, k])) as Record<PrivacyKind, PrivacyKind>;
registerEnumType(PrivacyKindEnum, {
  name: 'PrivacyKind',
  description:
    'Soorten persoonsgegevens / kinds of personal data; INSTITUTION and LOCATION are soft (shown, never gating on their own)',
});

@ObjectType('PrivacyFinding', { description: 'Personal data found in an item’s current text (docs/privacy.md)' })
export class PrivacyFindingType {
  @Field(() => ID, { description: 'Stable while the text around it changes; a stale id is refused' }) id!: string;
  @Field(() => PrivacyKindEnum) kind!: PrivacyKind;
  @Field(() => String) text!: string;
  @Field(() => Int, { description: 'Offset into Item.text (UTF-16 code units)' }) start!: number;
  @Field(() => Int, { description: 'End offset, exclusive' }) end!: number;
  @Field(() => Float, { description: '0..1' }) confidence!: number;
}

@InputType('PseudonymiseInput')
export class PseudonymiseInput {
  @Field(() => ID) itemId!: string;
  @Field(() => [ID], { nullable: true, description: 'The findings to replace; all open findings when absent' })
  findingIds?: string[] | null;
}

@InputType('DismissPrivacyFindingInput')
export class DismissPrivacyFindingInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID) findingId!: string;
  @Field(() => String, { description: 'Why this is not personal data, or may stay' }) reason!: string;
}

@InputType('PrivacyOverrideInput', {
  description: 'A facilitator takes responsibility for open findings (audit-logged)',
})
export class PrivacyOverrideInput {
  @Field(() => String) reason!: string;
}

@ObjectType('PrivacyAttention', {
  description: 'A case older than the bewaartermijn that still holds open personal data',
})
export class PrivacyAttentionType {
  @Field(() => ItemType) item!: ItemType;
  @Field(() => [PrivacyKindEnum]) kinds!: PrivacyKind[];
}

@InputType('SetRetentionInput')
export class SetRetentionInput {
  @Field(() => ID) communityId!: string;
  @Field(() => Int, { nullable: true, description: 'Bewaartermijn for cases in months (1 to 600); null for none' })
  retentionMonths?: number | null;
}
