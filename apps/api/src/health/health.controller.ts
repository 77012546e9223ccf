import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { instanceId } from './instance-id';
import { ReadinessService } from './readiness.service';

@Controller()
export class HealthController {
  private instance: string | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly readiness: ReadinessService,
  ) {}

  /** 200 once the database answers, 503 while it does not; `instance` tells which database (./instance-id.ts). */
  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    const database = await this.databaseUp();
    if (database && !this.instance) this.instance = await instanceId(this.db).catch(() => null);
    res
      .status(database ? 200 : 503)
      .json({ status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down', instance: this.instance });
  }

  /** 200 when every dependency answers (database, search, Redis and Meilisearch when configured); 503 naming the one that does not. */
  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const { ready, components } = await this.readiness.check();
    res
      .status(ready ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({ status: ready ? 'ready' : 'unavailable', components });
  }

  private async databaseUp(): Promise<boolean> {
    if (!this.db.isInitialized) return false;
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
