/** Counts events per key (a user, an account, an address) in a fixed window; shared by all processes or not. */
export interface RateCounter {
  /** Seconds until this key may go on, or 0 when it may now. */
  retryAfter(key: string): Promise<number>;
  /** Counts `weight` events; returns the seconds to wait when that goes over the limit (and then counts nothing). */
  hit(key: string, weight?: number): Promise<number>;
  reset(key: string): Promise<void>;
  /** Events counted for this key in its current window. */
  count(key: string): Promise<number>;
}

/**
 * A RateCounter in memory, per process: with several processes each allows
 * the limit (RedisRateLimiter shares one count).
 */
export class RateLimiter implements RateCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async retryAfter(key: string): Promise<number> {
    const window = this.current(key);
    if (!window || window.count < this.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  async hit(key: string, weight = 1): Promise<number> {
    const window = this.current(key) ?? { count: 0, resetAt: this.now() + this.windowMs };
    if (window.count + weight > this.limit) {
      this.windows.set(key, window);
      return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
    }
    window.count += weight;
    this.windows.set(key, window);
    if (this.windows.size > 100_000) this.sweep();
    return 0;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async count(key: string): Promise<number> {
    return this.current(key)?.count ?? 0;
  }

  private current(key: string) {
    const window = this.windows.get(key);
    if (window && window.resetAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
