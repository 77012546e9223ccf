import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommunitiesModule } from '../communities/communities.module';
import { ItemsModule } from '../items/items.module';
import { RevisionsModule } from '../revisions/revisions.module';
import { RevisionsResolver } from '../revisions/revisions.resolver';
import { CollabGateway } from './collab.gateway';
import { CollabRelay } from './collab-relay';
import { CollabMetrics } from './collab.metrics';
import { CollabService } from './collab.service';
import { CollabTicketResolver } from './collab-ticket.resolver';
import { CollabTicketService } from './collab-ticket.service';
import { DocumentCompactor } from './document-compactor';
import { ServerSecretService } from './server-secret.service';
import { UpdateLog } from './update-log';

@Module({
  imports: [AuthModule, CommunitiesModule, ItemsModule, RevisionsModule],
  providers: [
    CollabGateway,
    CollabRelay,
    CollabMetrics,
    CollabService,
    CollabTicketResolver,
    CollabTicketService,
    DocumentCompactor,
    ServerSecretService,
    UpdateLog,
    RevisionsResolver, // restoring a revision edits the live document
  ],
  exports: [CollabService],
})
export class CollabModule {}
