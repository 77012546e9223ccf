import { Field, ID, ObjectType } from '@nestjs/graphql';

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
