import { Module } from '@nestjs/common';
import { RedisService } from './redis.service';
import { HealthModule } from '../health/health.module';

/** Redis, for the traffic between API processes (only when REDIS_URL is set). */
@Module({
  imports: [HealthModule],
  providers: [RedisService],
  exports: [RedisService],
})
export class RedisModule {}
