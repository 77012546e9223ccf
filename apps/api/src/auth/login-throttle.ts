import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateCounter } from '../common/rate-limiter';
import { rateCounter } from '../common/redis-rate-limiter';
import { RedisService } from '../redis/redis.service';
import { AccountAlerts } from './account-alerts';

const WINDOW_MS = 15 * 60_000;
/** Failures of one account from one address before that address is refused for that account. */
export const FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Failures from one address (over all accounts) before that address is refused. */
export const FAILURES_PER_ADDRESS = 20;
/** Failures of one account (from all addresses) after which every attempt on it is slowed, never refused. */
export const ACCOUNT_SLOWDOWN_AFTER = 100;
const SLOWDOWN_STEP_MS = 50;
const SLOWDOWN_MAX_MS = 5_000;

/**
 * Failed sign-ins, counted over all processes with REDIS_URL (OWASP
 * Authentication Cheat Sheet, "account lockout"): an address that failed 5
 * times for an account is refused for that account for 15 minutes, even with
 * the right password; the owner signing in from another address is never
 * refused because of someone else's failures. Past 100 failures of an account
 * from all addresses together, every attempt on it waits a delay that grows
 * with the failures (at most 5 s), instead of locking the account.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly perAccountAndAddress: RateCounter;
  private readonly perAddress: RateCounter;
  private readonly perAccount: RateCounter;

  constructor(
    redis: RedisService,
    private readonly alerts: AccountAlerts,
  ) {
    this.perAccountAndAddress = rateCounter(
      redis,
      'failed-logins-account-address',
      FAILURES_PER_ACCOUNT_AND_ADDRESS,
      WINDOW_MS,
    );
    this.perAddress = rateCounter(redis, 'failed-logins-address', FAILURES_PER_ADDRESS, WINDOW_MS);
    // Counts only; never refuses (a limit no attack reaches within the window).
    this.perAccount = rateCounter(redis, 'failed-logins-account', Number.MAX_SAFE_INTEGER, WINDOW_MS);
  }

  /** Seconds this address must wait before trying this account again, or 0. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [pair, from] = await Promise.all([
      this.perAccountAndAddress.retryAfter(pairKey(email, address)),
      this.perAddress.retryAfter(address),
    ]);
    return Math.max(pair, from);
  }

  /** Waits before checking a password of an account under a broad attack (0 ms normally). */
  async slowDown(email: string): Promise<number> {
    const failures = await this.perAccount.count(email);
    if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0;
    const delay = Math.min(SLOWDOWN_MAX_MS, (failures - ACCOUNT_SLOWDOWN_AFTER + 1) * SLOWDOWN_STEP_MS);
    await sleep(delay);
    return delay;
  }

  async fail(email: string, address: string): Promise<void> {
    const [pairWait, , failures] = await Promise.all([
      this.perAccountAndAddress.hit(pairKey(email, address)),
      this.perAddress.hit(address),
      this.perAccount.hit(email).then(() => this.perAccount.count(email)),
    ]);
    const pairFailures = await this.perAccountAndAddress.count(pairKey(email, address));
    // Told once when an address is first shut out, and once when the account's failures reach the slowdown.
    if ((pairWait === 0 && pairFailures === FAILURES_PER_ACCOUNT_AND_ADDRESS) || failures === ACCOUNT_SLOWDOWN_AFTER) {
      await this.alerts
        .underAttack(email, failures)
        .catch((error: unknown) => this.logger.warn(`Could not warn an account under attack: ${String(error)}`));
    }
  }

  /** A correct password from this address: its failures for this account are forgotten (not those of other addresses). */
  async succeeded(email: string, address: string): Promise<void> {
    await this.perAccountAndAddress.reset(pairKey(email, address));
  }
}

function pairKey(email: string, address: string): string {
  return `${email}\n${address}`;
}
