import { Module } from '@nestjs/common';
import { CommunitiesResolver } from './communities.resolver';
import { CommunitiesService } from './communities.service';
import { MembershipEvents } from './membership-events';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { RedisModule } from '../redis/redis.module';

@Module({ imports: [AccessModule, AuditModule, RedisModule], providers: [CommunitiesResolver, CommunitiesService, MembershipEvents], exports: [CommunitiesService, MembershipEvents] })
export class CommunitiesModule {}
