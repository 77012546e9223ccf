import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';

/** Redis, for the traffic between API processes (only when REDIS_URL is set). */
@Global()
@Module({
  providers: [RedisService],
  exports: [RedisService],
})
export class RedisModule {}
