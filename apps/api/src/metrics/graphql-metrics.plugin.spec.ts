import { OperationLabels } from './graphql-metrics.plugin';

describe('GraphQL operation labels', () => {
  it('names unnamed operations "anonymous" and folds names beyond the cap into "other"', () => {
    const labels = new OperationLabels(2);
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('A')).toBe('A');
    expect(labels.label('B')).toBe('B');
    expect(labels.label('C')).toBe('other');
    expect(labels.label('A')).toBe('A');
    expect(labels.label('x'.repeat(200))).toBe('other');
  });
});
