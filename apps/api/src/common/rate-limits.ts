import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { rateLimited } from './errors';
import { RateLimiter } from './rate-limiter';

/** The rate limits beyond failed logins: registrations per address, mutations and collab tickets per user. */
@Injectable()
export class RateLimits {
  private readonly registrations: RateLimiter;
  private readonly mutations: RateLimiter;
  private readonly tickets: RateLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.registrations = new RateLimiter(config.rateLimits.registrationsPerHour, 3_600_000);
    this.mutations = new RateLimiter(config.rateLimits.mutationsPerMinute, 60_000);
    this.tickets = new RateLimiter(config.rateLimits.ticketsPerMinute, 60_000);
  }

  /** Throws RATE_LIMITED (with when to retry) once an address registered too often. */
  registration(address: string): void {
    const wait = this.registrations.hit(address);
    if (wait) throw rateLimited(wait);
  }

  /** `count` mutations (the root fields of one request) by a user. */
  mutation(userId: string, count: number): void {
    const wait = this.mutations.hit(userId, count);
    if (wait) throw rateLimited(wait);
  }

  ticket(userId: string): void {
    const wait = this.tickets.hit(userId);
    if (wait) throw rateLimited(wait);
  }
}
