import { RedisService } from '../redis/redis.service';
import type { AccountAlerts } from './account-alerts';
import { ACCOUNT_SLOWDOWN_AFTER, FAILURES_PER_ACCOUNT_AND_ADDRESS, LoginThrottle } from './login-throttle';

/** Without REDIS_URL the counters are in memory; the rules are the same. */
const NO_REDIS = { enabled: false } as unknown as RedisService;

function throttle(
  alerts: AccountAlerts = { underAttack: async () => undefined } as unknown as AccountAlerts,
): LoginThrottle {
  return new LoginThrottle(NO_REDIS, alerts);
}

describe('LoginThrottle', () => {
  it('refuses an address for one account only, after 5 failures', async () => {
    const t = throttle();
    for (let i = 0; i < FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) await t.fail('eigenaar@example.nl', '203.0.113.7');
    expect(await t.retryAfter('eigenaar@example.nl', '203.0.113.7')).toBeGreaterThan(0);
    expect(await t.retryAfter('eigenaar@example.nl', '198.51.100.1')).toBe(0);
    expect(await t.retryAfter('ander@example.nl', '203.0.113.7')).toBe(0);
  });

  it('slows an account down past 100 failures, with a delay that grows and is bounded, and warns its owner once', async () => {
    const warned: number[] = [];
    const alerts = {
      underAttack: async (_email: string, failures: number) => void warned.push(failures),
    } as AccountAlerts;
    const t = throttle(alerts);
    expect(await t.slowDown('eigenaar@example.nl')).toBe(0);
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER; i++) await t.fail('eigenaar@example.nl', `192.0.2.${i % 250}`);
    const first = await t.slowDown('eigenaar@example.nl');
    await t.fail('eigenaar@example.nl', '192.0.2.251');
    const second = await t.slowDown('eigenaar@example.nl');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(5_000);
    expect(warned).toContain(ACCOUNT_SLOWDOWN_AFTER);
    // The owner is never refused: only the addresses that failed 5 times for the account.
    expect(await t.retryAfter('eigenaar@example.nl', '198.51.100.1')).toBe(0);
  });
});
