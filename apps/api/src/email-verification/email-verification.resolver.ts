import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { EmailVerificationService } from './email-verification.service';

@Resolver()
export class EmailVerificationResolver {
  constructor(private readonly verification: EmailVerificationService) {}

  @Mutation(() => Boolean, {
    description: 'Confirm your e-mail address with the token of the verification link; false when it is not valid',
  })
  verifyEmail(@Args('token', { type: () => String }) token: string): Promise<boolean> {
    return this.verification.verify(String(token).slice(0, 200));
  }

  @Mutation(() => Boolean, {
    description: 'Mail a new verification link to your address (when mail is configured); always true',
  })
  async requestEmailVerification(@Viewer() viewer: AuthUser): Promise<boolean> {
    await this.verification.send(viewer);
    return true;
  }
}
