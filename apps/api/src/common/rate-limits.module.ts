import { Global, Module } from '@nestjs/common';
import { RateLimits } from './rate-limits';

/** One set of rate limits for every feature (shared by all processes through Redis when configured). */
@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitsModule {}
