import { Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';

@Module({
  providers: [AuthResolver, AuthService, PasswordHasher, SessionService, LoginThrottle],
  exports: [SessionService],
})
export class AuthModule {}
