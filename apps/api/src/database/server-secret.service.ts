import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Secrets every API process shares, created once in the database, so several
 * processes agree on them without any configuration.
 */
@Injectable()
export class ServerSecretService {
  private readonly cache = new Map<string, Promise<Buffer>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get(name: string): Promise<Buffer> {
    let secret = this.cache.get(name);
    if (!secret) {
      secret = this.fetch(name);
      secret.catch(() => this.cache.delete(name));
      this.cache.set(name, secret);
    }
    return secret;
  }

  private async fetch(name: string): Promise<Buffer> {
    await this.db.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      randomBytes(32),
    ]);
    const [row] = (await this.db.query('SELECT value FROM server_secrets WHERE name = $1', [name])) as {
      value: Buffer;
    }[];
    return row.value;
  }
}
