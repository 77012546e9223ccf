import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RedisService } from '../redis/redis.service';
import { RateCounter, RateLimiter } from './rate-limiter';

/** Counts and refuses in one step, so two processes cannot both slip past the limit. Returns ms to wait, or 0. */
const HIT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local weight, limit, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if count + weight > limit then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then ttl = window end
  return ttl
end
redis.call('INCRBY', KEYS[1], weight)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], window) end
return 0`;

const RETRY_AFTER = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count < tonumber(ARGV[1]) then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return 0 end
return ttl`;

/**
 * A RateCounter shared by every API process through Redis (fixed windows, as
 * in memory). Keys are hashed: no e-mail address or IP address lands in
 * Redis. When Redis does not answer, this process counts in memory meanwhile
 * rather than letting everything through or refusing everyone (or making
 * every request wait for reconnect attempts).
 */
export class RedisRateLimiter implements RateCounter {
  private readonly logger = new Logger(RedisRateLimiter.name);
  private readonly fallback: RateLimiter;
  private lastWarning = 0;

  constructor(
    private readonly redis: RedisService,
    private readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {
    this.fallback = new RateLimiter(limit, windowMs);
  }

  async retryAfter(key: string): Promise<number> {
    return this.run(
      () => this.redis.client!.eval(RETRY_AFTER, 1, this.key(key), this.limit),
      () => this.fallback.retryAfter(key),
    );
  }

  async hit(key: string, weight = 1): Promise<number> {
    return this.run(
      () => this.redis.client!.eval(HIT, 1, this.key(key), weight, this.limit, this.windowMs),
      () => this.fallback.hit(key, weight),
    );
  }

  async reset(key: string): Promise<void> {
    await this.fallback.reset(key);
    await this.redis.client!.del(this.key(key)).catch(() => undefined);
  }

  async count(key: string): Promise<number> {
    if (this.redis.client?.status !== 'ready') return this.fallback.count(key);
    try {
      return Number((await this.redis.client.get(this.key(key))) ?? 0);
    } catch {
      return this.fallback.count(key);
    }
  }

  private key(key: string): string {
    return this.redis.channel(`rate:${this.name}:${createHash('sha256').update(key).digest('base64url')}`);
  }

  private async run(shared: () => Promise<unknown>, local: () => Promise<number>): Promise<number> {
    // Not connected: count here at once rather than make the request wait for reconnect attempts.
    if (this.redis.client?.status !== 'ready') return local();
    try {
      const ms = Number(await shared());
      return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
    } catch (error) {
      if (Date.now() - this.lastWarning > 10_000) {
        this.lastWarning = Date.now();
        this.logger.warn(
          `Redis did not answer for rate limit ${this.name} (${String(error)}); counting in this process meanwhile`,
        );
      }
      return local();
    }
  }
}

/** A shared counter with Redis, one per process without. */
export function rateCounter(redis: RedisService, name: string, limit: number, windowMs: number): RateCounter {
  return redis.enabled ? new RedisRateLimiter(redis, name, limit, windowMs) : new RateLimiter(limit, windowMs);
}
