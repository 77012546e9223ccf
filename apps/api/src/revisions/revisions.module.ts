import { Module } from '@nestjs/common';
import { RevisionsResolver } from './revisions.resolver';
import { RevisionsService } from './revisions.service';
import { AccessModule } from '../access/access.module';

/** Revision storage and reading. Restoring one edits the live document: collab/revision-restore.resolver.ts. */
@Module({ imports: [AccessModule], providers: [RevisionsService, RevisionsResolver], exports: [RevisionsService] })
export class RevisionsModule {}
