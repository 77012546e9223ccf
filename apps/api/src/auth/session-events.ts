import { Injectable } from '@nestjs/common';
import { ClusterListeners } from '../common/cluster-listeners';
import { RedisService } from '../redis/redis.service';

/** Tells holders of open access (the collaboration sockets) which sessions just ended, by fingerprint. */
@Injectable()
export class SessionEvents extends ClusterListeners<string[]> {
  constructor(redis: RedisService) {
    super(redis, 'sessions-ended');
  }

  revoked(fingerprints: string[]): void {
    if (fingerprints.length) this.emit(fingerprints);
  }
}
