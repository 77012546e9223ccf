import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/config';
import { SearchMirror } from '../../apps/api/src/search/search-mirror';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  db: TestDatabase;
  /** Stops the API gracefully (as on SIGTERM) and starts a new one on the same database and port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The real API on a real HTTP port and its own fresh database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    SPIRAAL_WEB_DIR: join(__dirname, '../../apps/web/dist'),
    // Tests register many people from one address; the rate-limit tests set their own limits.
    RATE_REGISTRATIONS_PER_HOUR: '100000',
    RATE_MUTATIONS_PER_MINUTE: '100000',
    RATE_TICKETS_PER_MINUTE: '100000',
    RATE_INVITATIONS_PER_HOUR: '100000',
    ...env,
    DATABASE_URL: db.url,
  });
  const start = async (port: number) => {
    const app = await createApp(config, db.url);
    await app.listen(port, '127.0.0.1');
    // As a server does at start, and awaited: every search in a test ranks in memory, none while loading.
    await app.get(SearchMirror).current();
    return app;
  };
  const app = await start(0);
  const port = app.getHttpServer().address().port as number;
  const testApp: TestApp = {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    restart: async () => {
      await testApp.app.close();
      testApp.app = await start(port);
    },
    close: async () => {
      await testApp.app.close();
      await db.drop();
    },
  };
  return testApp;
}

export { addMember, errorCode, gql, gqlData, registerUser } from './graphql-client';
export type { GqlResult, TestUser } from './graphql-client';
