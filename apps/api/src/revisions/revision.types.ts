import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserType } from '../users/user.type';

@ObjectType('Revision', { description: 'A saved version of an item’s body' })
export class RevisionType {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [UserType], { description: 'Who edited since the revision before' }) authors!: UserType[];
  itemId!: string;
  authorIds!: string[];
}
