import { Module } from '@nestjs/common';
import { ServerSecretService } from './server-secret.service';

/** The shared server secrets, provided once (one cache per process) for every module that signs something. */
@Module({
  providers: [ServerSecretService],
  exports: [ServerSecretService],
})
export class ServerSecretModule {}
