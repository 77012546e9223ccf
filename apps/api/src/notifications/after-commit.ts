import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/**
 * Runs work once the transaction of `manager` has committed (at once when
 * there is none), and never when it rolls back: live events must not
 * announce what was not stored.
 */
export class AfterCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, (() => void)[]>();

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  run(manager: EntityManager, work: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return void setImmediate(work);
    const list = this.pending.get(runner);
    if (list) list.push(work);
    else this.pending.set(runner, [work]);
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    if (event.queryRunner.isTransactionActive) return; // a savepoint: the outer transaction may still roll back
    const list = this.pending.get(event.queryRunner);
    this.pending.delete(event.queryRunner);
    for (const work of list ?? []) work();
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
