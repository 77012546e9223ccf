import { Injectable } from '@nestjs/common';
import { RateCounter } from '../common/rate-limiter';
import { rateCounter } from '../common/redis-rate-limiter';
import { RedisService } from '../redis/redis.service';

const WINDOW_MS = 15 * 60_000;

/** Failed logins: 5 per account and 20 per address in 15 minutes (over all processes with REDIS_URL). */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateCounter;
  private readonly perAddress: RateCounter;

  constructor(redis: RedisService) {
    this.perAccount = rateCounter(redis, 'failed-logins-account', 5, WINDOW_MS);
    this.perAddress = rateCounter(redis, 'failed-logins-address', 20, WINDOW_MS);
  }

  async retryAfter(email: string, address: string): Promise<number> {
    const [account, from] = await Promise.all([this.perAccount.retryAfter(email), this.perAddress.retryAfter(address)]);
    return Math.max(account, from);
  }

  async fail(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.hit(email), this.perAddress.hit(address)]);
  }

  async succeeded(email: string): Promise<void> {
    await this.perAccount.reset(email);
  }
}
