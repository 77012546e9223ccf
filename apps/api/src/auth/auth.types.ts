import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { UserType } from '../users/user.type';

@InputType('RegisterInput')
export class RegisterInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String) displayName!: string;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String) currentPassword!: string;
  @Field(() => String, { description: 'At least 10 characters' }) newPassword!: string;
}

@InputType('ResetPasswordInput')
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the link /wachtwoord-herstellen?token=…' }) token!: string;
  @Field(() => String, { description: 'At least 10 characters' }) password!: string;
}

@InputType('LoginInput')
export class LoginInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: 'Session token; send it as `Authorization: Bearer <token>`' }) token!: string;
  @Field(() => UserType) user!: UserType;
}
