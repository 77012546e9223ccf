import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RedisService } from '../redis/redis.service';
import { rateLimited } from './errors';
import { RateCounter } from './rate-limiter';
import { rateCounter } from './redis-rate-limiter';

/**
 * The rate limits beyond failed logins: registrations per address, mutations
 * and collab tickets per user; shared by all processes when REDIS_URL is set.
 */
@Injectable()
export class RateLimits {
  private readonly registrations: RateCounter;
  private readonly mutations: RateCounter;
  private readonly tickets: RateCounter;
  /** Password reset requests: 10 an hour per address, and at most 3 mails per half hour to one account. */
  private readonly resetRequests: RateCounter;
  private readonly resetMails: RateCounter;
  private readonly invitations: RateCounter;
  private readonly verificationMails: RateCounter;

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: RedisService) {
    this.registrations = rateCounter(redis, 'registrations', config.rateLimits.registrationsPerHour, 3_600_000);
    this.mutations = rateCounter(redis, 'mutations', config.rateLimits.mutationsPerMinute, 60_000);
    this.tickets = rateCounter(redis, 'tickets', config.rateLimits.ticketsPerMinute, 60_000);
    this.resetRequests = rateCounter(redis, 'reset-requests', 10, 3_600_000);
    this.resetMails = rateCounter(redis, 'reset-mails', 3, 30 * 60_000);
    this.invitations = rateCounter(redis, 'invitations', config.rateLimits.invitationsPerHour, 3_600_000);
    this.verificationMails = rateCounter(redis, 'verification-mails', 3, 30 * 60_000);
  }

  /** Throws RATE_LIMITED (with when to retry) once an address registered too often. */
  async registration(address: string): Promise<void> {
    const wait = await this.registrations.hit(address);
    if (wait) throw rateLimited(wait);
  }

  /** `count` mutations (the root fields of one request) by a user. */
  async mutation(userId: string, count: number): Promise<void> {
    const wait = await this.mutations.hit(userId, count);
    if (wait) throw rateLimited(wait);
  }

  /** Invitations sent by one user (so nobody can mail strangers by the hundred). */
  async invitation(userId: string): Promise<void> {
    const wait = await this.invitations.hit(userId);
    if (wait) throw rateLimited(wait);
  }

  async ticket(userId: string): Promise<void> {
    const wait = await this.tickets.hit(userId);
    if (wait) throw rateLimited(wait);
  }

  /** Throws RATE_LIMITED once an address asked for too many password resets (whatever the addresses asked for). */
  async passwordResetRequest(address: string): Promise<void> {
    const wait = await this.resetRequests.hit(address);
    if (wait) throw rateLimited(wait);
  }

  /** Whether another reset mail may go to this account now; beyond the limit the request is answered the same, unmailed. */
  async passwordResetMail(userId: string): Promise<boolean> {
    return !(await this.resetMails.hit(userId));
  }

  /** Whether another address-verification mail may go to this account now (3 per half hour). */
  async verificationMail(userId: string): Promise<boolean> {
    return !(await this.verificationMails.hit(userId));
  }
}
