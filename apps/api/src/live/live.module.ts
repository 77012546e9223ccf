import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RedisModule } from '../redis/redis.module';
import { LiveController } from './live.controller';
import { LiveService } from './live.service';

/** The one live channel from server to browser (docs/decisions/live-channel.md); imported where events are published. */
@Module({
  imports: [AuthModule, RedisModule],
  controllers: [LiveController],
  providers: [LiveService],
  exports: [LiveService],
})
export class LiveModule {}
