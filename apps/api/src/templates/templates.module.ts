import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { TemplatesResolver } from './templates.resolver';
import { TemplatesService } from './templates.service';

/** Templates (sjablonen): built-in and the community's own; items start from them (docs/templates.md). */
@Module({
  imports: [AccessModule, AuditModule],
  providers: [TemplatesResolver, TemplatesService],
  exports: [TemplatesService],
})
export class TemplatesModule {}
