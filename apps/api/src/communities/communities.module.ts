import { Module } from '@nestjs/common';
import { CommunitiesResolver } from './communities.resolver';
import { CommunitiesService } from './communities.service';
import { JoinRequestsService } from './join-requests.service';
import { MembershipEvents } from './membership-events';

@Module({ providers: [CommunitiesResolver, CommunitiesService, JoinRequestsService, MembershipEvents], exports: [CommunitiesService, MembershipEvents] })
export class CommunitiesModule {}
