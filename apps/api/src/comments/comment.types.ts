import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { CommentKind, Perspective } from '@spiraal/domain';
import { CommentKindEnum, PerspectiveEnum } from '../common/enums';
import { UserType } from '../users/user.type';

@InputType('AddCommentInput')
export class AddCommentInput {
  @Field(() => ID) itemId!: string;
  @Field(() => CommentKindEnum) kind!: CommentKind;
  @Field(() => String, { description: '1 to 5,000 characters' }) body!: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'People mentioned (@), at most 50; each must be able to read the item',
  })
  mentions?: string[] | null;
}

@ObjectType('Comment', { description: 'A klankbord response to an item' })
export class CommentType {
  @Field(() => ID) id!: string;
  @Field(() => CommentKindEnum) kind!: CommentKind;
  @Field(() => String) body!: string;
  @Field(() => UserType, { nullable: true }) author?: UserType | null;
  @Field(() => PerspectiveEnum, { nullable: true, description: "The author's perspective in this community" })
  authorPerspective!: Perspective | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  itemId!: string;
  authorId!: string | null;
}
