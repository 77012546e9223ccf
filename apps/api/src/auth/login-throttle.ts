import { Injectable } from '@nestjs/common';
import { RateLimiter } from '../common/rate-limiter';

/** Failed logins: 5 per account and 20 per address in 15 minutes. */
@Injectable()
export class LoginThrottle {
  private readonly perAccount = new RateLimiter(5, 15 * 60_000);
  private readonly perAddress = new RateLimiter(20, 15 * 60_000);

  retryAfter(email: string, address: string): number {
    return Math.max(this.perAccount.retryAfter(email), this.perAddress.retryAfter(address));
  }

  fail(email: string, address: string): void {
    this.perAccount.hit(email);
    this.perAddress.hit(address);
  }

  succeeded(email: string): void {
    this.perAccount.reset(email);
  }
}
