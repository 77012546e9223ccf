import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CollabModule } from '../collab/collab.module';
import { ImportModule } from '../import/import.module';
import { ItemsModule } from '../items/items.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ArchiveImportService } from './archive-import.service';
import { CommunitySnapshotReader } from './community-snapshot.reader';
import { ExportController } from './export.controller';
import { ExportResolver } from './export.resolver';
import { ExportService } from './export.service';
import { RestoreSlots } from './restore-slots';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { RateLimitsModule } from '../common/rate-limits.module';
import { MetricsModule } from '../metrics/metrics.module';
import { FilesModule } from '../files/files.module';

/** Taking knowledge out (Markdown, a community zip) and restoring such a zip. */
@Module({
  imports: [
    AuthModule,
    ItemsModule,
    CollabModule,
    ImportModule,
    AccessModule,
    AuditModule,
    DocumentsModule,
    RateLimitsModule,
    PrivacyModule,
    MetricsModule,
    FilesModule,
  ],
  controllers: [ExportController],
  providers: [CommunitySnapshotReader, ExportService, ExportResolver, ArchiveImportService, RestoreSlots],
  exports: [ExportService, ArchiveImportService],
})
export class ExportModule {}
