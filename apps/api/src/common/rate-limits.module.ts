import { Module } from '@nestjs/common';
import { RateLimits } from './rate-limits';
import { RedisModule } from '../redis/redis.module';

/** One set of rate limits for every feature (shared by all processes through Redis when configured). */
@Module({ imports: [RedisModule], providers: [RateLimits], exports: [RateLimits] })
export class RateLimitsModule {}
