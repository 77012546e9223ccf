import { BackupError } from './backup-format';
import { defaultBackupName, fileArgument } from './cli-arguments';

describe('fileArgument', () => {
  const usage = 'npm run restore -- --file <path>';

  it('reads --file in both spellings, and nothing', () => {
    expect(fileArgument(['--file', 'a.backup'], usage)).toBe('a.backup');
    expect(fileArgument(['--file=b c.backup'], usage)).toBe('b c.backup');
    expect(fileArgument([], usage)).toBeNull();
  });

  it('refuses anything else with the usage', () => {
    expect(() => fileArgument(['a.backup'], usage)).toThrow(
      new BackupError(`Unknown argument "a.backup". Usage: ${usage}`),
    );
    expect(() => fileArgument(['--file'], usage)).toThrow(/--file needs a path/);
    expect(() => fileArgument(['--file', '--force'], usage)).toThrow(/--file needs a path/);
    expect(() => fileArgument(['--file=x', '--file=y'], usage)).toThrow(/given twice/);
  });
});

describe('defaultBackupName', () => {
  it('is a sortable UTC timestamp without colons', () => {
    expect(defaultBackupName(new Date('2026-11-22T01:53:59.123Z'))).toBe('spiraal-2026-11-22T01-53-59Z.backup');
  });
});
