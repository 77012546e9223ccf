import type { Counter } from 'prom-client';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * A TypeORM logger that logs nothing and counts every statement TypeORM sends
 * (queries, repository calls, transaction begin/commit): the load benchmark
 * divides its growth by the requests made, which shows N+1 queries.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  constructor(private readonly statements: Counter) {}

  logQuery(): void {
    this.statements.inc();
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
