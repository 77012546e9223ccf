import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { SessionService } from './auth/session.service';
import { formatError, withHttpStatus } from './common/errors';
import { httpStatus } from './common/http-status.plugin';
import { GraphQLExceptionFilter } from './common/graphql-exception.filter';
import { mutationRateLimit } from './graphql-guard/mutation-rate-limit';
import { QUERY_LIMITS } from './graphql-guard/query-limits';
import { LoadersFactory } from './common/loaders';
import { LoadersModule } from './common/loaders.module';
import { RateLimits } from './common/rate-limits';
import { RateLimitsModule } from './common/rate-limits.module';
import { GqlContext, tokenFrom } from './common/request-context';
import { CollabModule } from './collab/collab.module';
import { CommunitiesModule } from './communities/communities.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { DocumentsModule } from './documents/documents.module';
import { ExportModule } from './export/export.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { CommentsModule } from './comments/comments.module';
import { GuidelinesModule } from './guidelines/guidelines.module';
import { ProposalsModule } from './proposals/proposals.module';
import { PrivacyModule } from './privacy/privacy.module';
import { CommunitySettingsModule } from './community-settings/community-settings.module';
import { ImportModule } from './import/import.module';
import { InvitationsModule } from './invitations/invitations.module';
import { ItemsModule } from './items/items.module';
import { LiveModule } from './live/live.module';
import { MailModule } from './mail/mail.module';
import { InboxModule } from './inbox/inbox.module';
import { NotificationsModule } from './notifications/notifications.module';
import { MeetingsModule } from './meetings/meetings.module';
import { graphqlMetrics } from './metrics/graphql-metrics.plugin';
import { MetricsModule } from './metrics/metrics.module';
import { MetricsService } from './metrics/metrics.service';
import { SqlStatementCounter } from './metrics/sql-statement-counter';
import { RedisModule } from './redis/redis.module';
import { SearchModule } from './search/search.module';
import { SpiralModule } from './spiral/spiral.module';

@Module({})
export class AppModule {
  /** The whole API for one configuration and one migrated database. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const development = config.environment === 'development';
    const logger = new Logger('GraphQL');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule,
        HealthModule,
        RedisModule,
        TypeOrmModule.forRootAsync({
          imports: [MetricsModule],
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => ({
            ...dataSourceOptions(databaseUrl),
            logger: new SqlStatementCounter(
              metrics.counter({ name: 'spiraal_sql_statements_total', help: 'SQL statements sent by this process' }),
            ),
          }),
        }),
        RateLimitsModule,
        AccessModule,
        AuditModule,
        MailModule,
        LiveModule,
        NotificationsModule,
        InboxModule,
        DocumentsModule,
        AuthModule,
        CommunitiesModule,
        InvitationsModule,
        ItemsModule,
        CollabModule,
        SearchModule,
        GuidelinesModule,
        ProposalsModule,
        PrivacyModule,
        CommunitySettingsModule,
        CommentsModule,
        MeetingsModule,
        SpiralModule,
        ImportModule,
        ExportModule,
        FilesModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, LoadersModule, RateLimitsModule, MetricsModule],
          inject: [SessionService, LoadersFactory, RateLimits, MetricsService],
          useFactory: (
            sessions: SessionService,
            loaders: LoadersFactory,
            limits: RateLimits,
            metrics: MetricsService,
          ) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            // Production answers no introspection and shows no sandbox (OWASP ASVS GraphQL).
            introspection: config.environment !== 'production',
            // No "Did you mean …?" in production error messages: they would tell the schema anyway.
            hideSchemaDetailsFromClientErrors: !development,
            // Nest would reset a refused execution to 200; the httpStatus plugin sets the status that says what happened.
            preserveHttpStatusForExecutionErrors: false,
            plugins: [
              development
                ? ApolloServerPluginLandingPageLocalDefault({ embed: false })
                : ApolloServerPluginLandingPageDisabled(),
              mutationRateLimit(limits),
              graphqlMetrics(metrics),
              httpStatus(),
            ],
            parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
            allowBatchedHttpRequests: false,
            csrfPrevention: true,
            includeStacktraceInErrorResponses: development,
            formatError: (formatted, error) =>
              formatError(formatted, error, development, {
                warn: (m) => logger.warn(m),
                error: (e) => logger.error(e),
              }),
            context: async ({ req, res }: { req: Request; res: Response }): Promise<GqlContext> => {
              const token = tokenFrom(req);
              // The session lookup is the first database work: an outage answers 503 here already.
              const user = token
                ? await sessions.userFor(token).catch((error: unknown) => Promise.reject(withHttpStatus(error)))
                : null;
              return { req, res, token: user ? token : null, user, loaders: loaders.create(user?.id ?? null) };
            },
          }),
        }),
      ],
      providers: [{ provide: APP_FILTER, useClass: GraphQLExceptionFilter }],
    };
  }
}
