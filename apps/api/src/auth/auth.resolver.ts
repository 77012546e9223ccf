import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';
import { Ctx, SESSION_COOKIE, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { toUserType, UserType } from '../users/user.type';
import { AuthPayload, ChangePasswordInput, LoginInput, RegisterInput, ResetPasswordInput } from './auth.types';
import { AuthService } from './auth.service';
import type { SignedIn } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import type { AuthUser } from './session.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  @Mutation(() => AuthPayload, { description: 'Create an account and sign in' })
  async register(@Args('input') input: RegisterInput, @Ctx() ctx: GqlContext): Promise<AuthPayload> {
    return this.signIn(await this.auth.register(input, ctx.req.ip ?? 'unknown'), ctx);
  }

  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail address and password' })
  async login(@Args('input') input: LoginInput, @Ctx() ctx: GqlContext): Promise<AuthPayload> {
    return this.signIn(await this.auth.login(input, ctx.req.ip ?? 'unknown'), ctx);
  }

  @Mutation(() => Boolean, { description: 'Revoke the current session' })
  async logout(@Ctx() ctx: GqlContext): Promise<boolean> {
    if (ctx.token) await this.auth.logout(ctx.token);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Change your password; your other sessions end (this one stays)' })
  async changePassword(
    @Viewer() viewer: AuthUser,
    @Args('input') input: ChangePasswordInput,
    @Ctx() ctx: GqlContext,
  ): Promise<boolean> {
    await this.auth.changePassword(viewer, ctx.token, input, ctx.req.ip ?? 'unknown');
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Wachtwoord vergeten: mails a single-use link valid for 30 minutes when the address has an account and mail is set up; the same answer for every address',
  })
  async requestPasswordReset(
    @Args('email', { type: () => String }) email: string,
    @Ctx() ctx: GqlContext,
  ): Promise<boolean> {
    await this.resets.request(email, ctx.req.ip ?? 'unknown');
    return true;
  }

  @Mutation(() => AuthPayload, {
    description: 'A new password through a reset link; every other session of the account ends',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput, @Ctx() ctx: GqlContext): Promise<AuthPayload> {
    return this.signIn(await this.resets.reset(input), ctx);
  }

  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null' })
  me(@Ctx() ctx: GqlContext): UserType | null {
    return ctx.user ? toUserType(ctx.user, ctx.user.id) : null;
  }

  private signIn({ user, session }: SignedIn, ctx: GqlContext): AuthPayload {
    setSessionCookie(ctx.res, session.token, session.expiresAt, ctx.req.secure);
    return { token: session.token, user: toUserType(user, user.id) };
  }
}

/** Signs the browser in: an HttpOnly session cookie beside the token in the answer. */
export function setSessionCookie(res: Response, token: string, expires: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, expires, path: '/' });
}
