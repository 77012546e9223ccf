import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AccessModule } from '../access/access.module';

/** Every feature that changes something worth auditing writes through AuditService. */
@Module({ imports: [AccessModule], providers: [AuditService, AuditResolver], exports: [AuditService] })
export class AuditModule {}
