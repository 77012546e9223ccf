import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-context';

@ObjectType('User', { description: 'A person with an account' })
export class UserType {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Only shown to the user themselves' })
  email!: string | null;
}

export function toUserType(user: { id: string; displayName: string }, viewerId: string | null): UserType {
  const email = (user as { email?: string }).email;
  return { id: user.id, displayName: user.displayName, email: viewerId === user.id && email ? email : null };
}

/** A user by id, through the request's loader, as the viewer may see them; null when there is none. */
export async function loadUser(ctx: GqlContext, id: string | null): Promise<UserType | null> {
  const user = id ? await ctx.loaders.user.load(id) : null;
  return user ? toUserType(user, ctx.user?.id ?? null) : null;
}
