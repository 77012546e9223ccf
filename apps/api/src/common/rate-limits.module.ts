import { Global, Module } from '@nestjs/common';
import { RateLimits } from './rate-limits';

/** One set of rate limits per process, for every feature. */
@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitsModule {}
