import { BackupError } from './backup-format';
import { foreignKeyOrder } from './table-order';

describe('foreignKeyOrder', () => {
  it('puts every table after the tables it refers to', () => {
    const order = foreignKeyOrder(
      ['comments', 'items', 'users', 'communities', 'memberships'],
      [
        { table: 'comments', references: 'items' },
        { table: 'comments', references: 'users' },
        { table: 'items', references: 'communities' },
        { table: 'items', references: 'users' },
        { table: 'communities', references: 'users' },
        { table: 'memberships', references: 'communities' },
        { table: 'memberships', references: 'users' },
      ],
    );
    expect(order).toEqual(['users', 'communities', 'items', 'memberships', 'comments']);
  });

  it('accepts a table that refers to itself and ignores tables it does not load', () => {
    expect(
      foreignKeyOrder(
        ['items', 'users'],
        [
          { table: 'items', references: 'items' },
          { table: 'items', references: 'migrations' },
        ],
      ),
    ).toEqual(['items', 'users']);
  });

  it('refuses a cycle between tables, naming them', () => {
    expect(() =>
      foreignKeyOrder(
        ['a', 'b', 'c'],
        [
          { table: 'a', references: 'b' },
          { table: 'b', references: 'a' },
        ],
      ),
    ).toThrow(new BackupError('The foreign keys between a, b form a cycle; these tables cannot be loaded in order.'));
  });
});
