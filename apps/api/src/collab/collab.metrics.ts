import { Injectable } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { CollabGateway } from './collab.gateway';
import { CollabService } from './collab.service';
import { UpdateLog } from './update-log';

/**
 * Live-editing metrics: gauges read from the gateway and the room registry when
 * /metrics is scraped, and how long an update takes from arrival to durable.
 */
@Injectable()
export class CollabMetrics {
  constructor(metrics: MetricsService, gateway: CollabGateway, collab: CollabService, updateLog: UpdateLog) {
    const stored = metrics.histogram({
      name: 'spiraal_collab_update_stored_seconds',
      help: 'Time from an accepted document update to its row being durable in yjs_updates',
    });
    updateLog.onStored = (seconds) => stored.observe(seconds);
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
