import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MetricsService } from './metrics.service';

/**
 * `/metrics` in Prometheus format: with METRICS_TOKEN set, only for
 * `Authorization: Bearer <token>`; without one, open only with
 * METRICS_PUBLIC=true, else closed (404, as if absent).
 */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.config.metricsToken && !this.config.metricsPublic) {
      res.status(404).json({ error: '/metrics is closed: set METRICS_TOKEN (or METRICS_PUBLIC=true) to open it' });
      return;
    }
    if (!this.authorized(req.headers.authorization)) {
      res
        .status(401)
        .setHeader('WWW-Authenticate', 'Bearer')
        .json({ error: 'A valid METRICS_TOKEN is needed for /metrics' });
      return;
    }
    const { contentType, body } = await this.metrics.render();
    res.status(200).setHeader('Content-Type', contentType).setHeader('Cache-Control', 'no-store').send(body);
  }

  private authorized(header: string | undefined): boolean {
    const token = this.config.metricsToken;
    if (!token) return true; // METRICS_PUBLIC=true, checked above
    if (!header?.startsWith('Bearer ')) return false;
    const given = Buffer.from(header.slice(7).trim());
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
