import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { CollabModule } from '../collab/collab.module';
import { ItemsModule } from '../items/items.module';
import { GuidelineVersionProposersResolver, ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';

@Module({
  imports: [AccessModule, AuditModule, CollabModule, ItemsModule],
  providers: [ProposalsService, ProposalsResolver, GuidelineVersionProposersResolver],
})
export class ProposalsModule {}
