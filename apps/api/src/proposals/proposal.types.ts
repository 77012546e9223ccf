import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { UserType } from '../users/user.type';

@ObjectType('Proposal', {
  description: 'A voorstel: a suggested insertion and/or deletion in the live text, open until accepted or rejected',
})
export class ProposalType {
  @Field(() => ID) id!: string;
  @Field(() => UserType, { nullable: true, description: 'Who proposed it (as the server recorded)' })
  author!: UserType | null;
  @Field(() => String, { description: 'The name shown in the text' }) authorName!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { description: 'Proposed new text (empty for a deletion only)' }) inserted!: string;
  @Field(() => String, { description: 'Text proposed for deletion (empty for an insertion only)' }) deleted!: string;
}

@InputType('DecideProposalsInput')
export class DecideProposalsInput {
  @Field(() => ID) itemId!: string;
  @Field(() => [ID], { nullable: true, description: 'Which voorstellen; leave out to decide every open one' })
  proposalIds?: string[] | null;
}
