import { Module } from '@nestjs/common';
import { RevisionsService } from './revisions.service';

/** Revision storage. Its GraphQL resolver lives with the live documents (CollabModule), since restoring edits them. */
@Module({ providers: [RevisionsService], exports: [RevisionsService] })
export class RevisionsModule {}
