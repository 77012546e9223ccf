import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommunitiesResolver } from './communities.resolver';
import { CommunitiesService } from './communities.service';
import { JoinRequestsService } from './join-requests.service';
import { MembershipEvents } from './membership-events';
import { MembershipLive } from './membership-live';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { RedisModule } from '../redis/redis.module';
import { LiveModule } from '../live/live.module';

@Module({
  imports: [NotificationsModule, AccessModule, AuditModule, RedisModule, LiveModule],
  providers: [CommunitiesResolver, CommunitiesService, JoinRequestsService, MembershipEvents, MembershipLive],
  exports: [CommunitiesService, MembershipEvents],
})
export class CommunitiesModule {}
