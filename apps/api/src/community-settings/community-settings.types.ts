import { Field, ID, InputType } from '@nestjs/graphql';
import type { Visibility } from '@spiraal/domain';
import { VisibilityEnum } from '../common/enums';
import { PrivacyOverrideInput } from '../privacy/privacy.types';

@InputType('UpdateCommunityInput')
export class UpdateCommunityInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => VisibilityEnum, { nullable: true }) visibility?: Visibility | null;
  @Field(() => PrivacyOverrideInput, {
    nullable: true,
    description:
      'Make the community network-visible although cases have open privacy findings (facilitators; audit-logged)',
  })
  privacyOverride?: PrivacyOverrideInput | null;
}
