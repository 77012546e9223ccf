import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { CommentKind, Perspective } from '@spiraal/domain';
import { CommentKindEnum, PerspectiveEnum } from '../common/enums';
import { UserType } from '../users/user.type';

@InputType('TextQuoteSelectorInput', {
  description:
    'W3C Web Annotation text quote selector: the quoted text, with text just before and after it when the quote occurs more than once',
})
export class TextQuoteSelectorInput {
  @Field(() => String, { description: 'The quoted text, 1 to 1,000 characters; blocks separated by a newline' })
  exact!: string;
  @Field(() => String, { nullable: true, description: 'Text right before the quote (at most 1,000 characters)' })
  prefix?: string | null;
  @Field(() => String, { nullable: true, description: 'Text right after the quote (at most 1,000 characters)' })
  suffix?: string | null;
}

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
  @Field(() => TextQuoteSelectorInput, {
    nullable: true,
    description:
      'The passage of the body the comment is about, resolved against the current text (refused when it does not occur exactly once)',
  })
  anchor?: TextQuoteSelectorInput | null;
}

@InputType('ReplyToCommentInput')
export class ReplyToCommentInput {
  @Field(() => ID, { description: 'The comment replied to (a reply to a reply joins the same thread)' })
  commentId!: string;
  @Field(() => String, { description: '1 to 5,000 characters' }) body!: string;
  @Field(() => [ID], { nullable: true, description: 'People mentioned (@), as in addComment' })
  mentions?: string[] | null;
}

@InputType('EditCommentInput')
export class EditCommentInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '1 to 5,000 characters' }) body!: string;
}

@ObjectType('CommentAnchor', {
  description: 'Where in the text a comment is: the quote read from its stored positions',
})
export class CommentAnchorType {
  @Field(() => String, { description: 'The text there now; when orphaned, the last text read there' })
  exact!: string;
  @Field(() => String, { nullable: true }) prefix!: string | null;
  @Field(() => String, { nullable: true }) suffix!: string | null;
  @Field(() => Boolean, { description: 'The anchored text was deleted ("tekst verwijderd")' })
  orphaned!: boolean;
  @Field(() => String, { description: 'Start as an encoded Yjs relative position (base64), for editors' })
  start!: string;
  @Field(() => String, { description: 'End as an encoded Yjs relative position (base64), for editors' })
  end!: string;
}

@ObjectType('Comment', { description: 'A klankbord response to an item, or a reply in its thread' })
export class CommentType {
  @Field(() => ID) id!: string;
  @Field(() => CommentKindEnum) kind!: CommentKind;
  @Field(() => String, { description: 'Empty when deleted' }) body!: string;
  @Field(() => UserType, { nullable: true }) author?: UserType | null;
  @Field(() => PerspectiveEnum, { nullable: true, description: "The author's perspective in this community" })
  authorPerspective!: Perspective | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last changed by its author' }) editedAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Deleted while it had replies: shown as "verwijderd", its replies stay',
  })
  deletedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The thread this reply is in (null for a thread itself)' })
  parentId!: string | null;
  itemId!: string;
  authorId!: string | null;
}
