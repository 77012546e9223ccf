import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** 200 once the database answers, 503 while it does not. */
  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    const database = await this.databaseUp();
    res.status(database ? 200 : 503).json({ status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down' });
  }

  private async databaseUp(): Promise<boolean> {
    if (!this.db.isInitialized) return false;
    try {
      await Promise.race([this.db.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return true;
    } catch {
      return false;
    }
  }
}
