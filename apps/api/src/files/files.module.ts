import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessModule } from '../access/access.module';
import { AuthModule } from '../auth/auth.module';
import { RateLimitsModule } from '../common/rate-limits.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DocumentsModule } from '../documents/documents.module';
import { FILE_STORE, FileStore } from './file-store';
import { FileSweeper } from './file-sweeper';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { PostgresFileStore } from './postgres-file-store';
import { S3FileStore } from './s3-file-store';

/** Files and images in items: upload, download, and the sweep of files no item refers to. */
@Module({
  imports: [AuthModule, AccessModule, RateLimitsModule, DocumentsModule],
  controllers: [FilesController],
  providers: [
    {
      provide: FILE_STORE,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, db: DataSource): FileStore =>
        config.files.s3 ? new S3FileStore(config.files.s3) : new PostgresFileStore(db),
    },
    FilesService,
    FileSweeper,
  ],
  exports: [FilesService, FileSweeper, FILE_STORE],
})
export class FilesModule {}
