import { Injectable } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { CollabGateway } from './collab.gateway';
import { CollabService } from './collab.service';

/**
 * Live-editing metrics: gauges read from the gateway and the room registry when
 * /metrics is scraped. How long an update takes from arrival to durable is
 * observed on the write path (collab.service.ts).
 */
@Injectable()
export class CollabMetrics {
  constructor(metrics: MetricsService, gateway: CollabGateway, collab: CollabService) {
    metrics.gauge({
      name: 'spiraal_collab_open_sockets',
      help: 'Open real-time editing websockets in this process',
      collect() {
        this.set(gateway.openSockets);
      },
    });
    metrics.gauge({
      name: 'spiraal_collab_loaded_documents',
      help: 'Documents loaded in memory in this process',
      collect() {
        this.set(collab.registry.loadedCount);
      },
    });
  }
}
