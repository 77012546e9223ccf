import { Injectable } from '@nestjs/common';

interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed sign-ins per key (an account, an address) in a fixed window.
 * In memory, per process.
 */
export class FailureCounter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const window = this.current(key);
    if (!window || window.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  fail(key: string): void {
    const window = this.current(key) ?? { failures: 0, resetAt: this.now() + this.windowMs };
    window.failures += 1;
    this.windows.set(key, window);
    if (this.windows.size > 100_000) this.sweep();
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): Window | undefined {
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

/** Failed logins: 5 per account and 20 per address in 15 minutes. */
@Injectable()
export class LoginThrottle {
  private readonly perAccount = new FailureCounter(5, 15 * 60_000);
  private readonly perAddress = new FailureCounter(20, 15 * 60_000);

  retryAfter(email: string, address: string): number {
    return Math.max(this.perAccount.retryAfter(email), this.perAddress.retryAfter(address));
  }

  fail(email: string, address: string): void {
    this.perAccount.fail(email);
    this.perAddress.fail(address);
  }

  succeeded(email: string): void {
    this.perAccount.reset(email);
  }
}
