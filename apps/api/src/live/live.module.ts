import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommunitiesModule } from '../communities/communities.module';
import { RedisModule } from '../redis/redis.module';
import { LiveController } from './live.controller';
import { LiveService } from './live.service';

/** The one live channel from server to browser (docs/decisions/live-channel.md). */
@Global()
@Module({
  imports: [AuthModule, RedisModule, CommunitiesModule],
  controllers: [LiveController],
  providers: [LiveService],
  exports: [LiveService],
})
export class LiveModule {}
