import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommunitiesModule } from '../communities/communities.module';
import { ItemsModule } from '../items/items.module';
import { RevisionsModule } from '../revisions/revisions.module';
import { CollabGateway } from './collab.gateway';
import { CollabMetrics } from './collab.metrics';
import { CollabService } from './collab.service';
import { CollabTicketResolver } from './collab-ticket.resolver';
import { CollabTicketService } from './collab-ticket.service';
import { DocumentCompactor } from './document-compactor';
import { RevisionRestoreResolver } from './revision-restore.resolver';
import { ServerSecretModule } from '../database/server-secret.module';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RateLimitsModule } from '../common/rate-limits.module';
import { RedisModule } from '../redis/redis.module';

@Module({
  imports: [
    AuthModule,
    CommunitiesModule,
    ItemsModule,
    RevisionsModule,
    AccessModule,
    AuditModule,
    DocumentsModule,
    MetricsModule,
    RateLimitsModule,
    RedisModule,
    ServerSecretModule,
  ],
  providers: [
    CollabGateway,
    CollabMetrics,
    CollabService,
    CollabTicketResolver,
    CollabTicketService,
    DocumentCompactor,
    RevisionRestoreResolver,
  ],
  exports: [CollabService],
})
export class CollabModule {}
