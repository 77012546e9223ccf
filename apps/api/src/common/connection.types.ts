import { Field, ObjectType } from '@nestjs/graphql';

/**
 * Every paginated list is a connection: `edges { node cursor }` and
 * `pageInfo { hasNextPage endCursor }`; pass `endCursor` as `after` for the
 * next page. Cursors are opaque to clients.
 */
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
