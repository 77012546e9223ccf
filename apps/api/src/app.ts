import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppModule } from './app.module';
import { graphqlGuard } from './graphql-guard/graphql-guard.middleware';
import { bodyErrors } from './http-security/body-errors';
import { securityHeaders } from './http-security/security-headers';
import { AppConfig } from './config/config';
import { NestPinoLogger, rootLogger } from './logging/logger';
import { requestContext } from './logging/request-context';
import { requestLogging } from './logging/request-logging';
import { serveWebApp } from './web/web-app';

/** Builds the HTTP application (GraphQL, health, web app) on a migrated database. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const logger = rootLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  // Behind a reverse proxy: req.secure (HSTS, Secure cookie, wss://) and req.ip (rate limits) from its X-Forwarded-* headers.
  app.set('trust proxy', config.trustProxy);
  // Every request, refused ones too, gets an id (X-Request-Id) and one log line.
  app.use(requestLogging(logger));
  // First, so every response carries them: pages, /graphql, /health, and refusals.
  app.use(securityHeaders({ development: config.environment === 'development' }));
  // A 1 MB Markdown body, JSON-escaped, fits in 4 MB; larger requests are refused before any work.
  app.useBodyParser('json', { limit: '4mb' });
  app.use(bodyErrors('4 MB'));
  app.use(cookieParser());
  app.use(requestContext());
  // Hostile queries are refused here, before Apollo and before any database work.
  const schemaHost = () => {
    try {
      return app.get(GraphQLSchemaHost).schema;
    } catch {
      return null;
    }
  };
  app.use(graphqlGuard(schemaHost));
  app.disable('x-powered-by');
  serveWebApp(app.getHttpAdapter().getInstance(), config.webDir);
  return app;
}
