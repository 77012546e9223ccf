import { lstat, readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

export interface FoundFile {
  /** Where to read it. */
  path: string;
  /** How to call it: relative to the folder it was found in (with that folder's name), or as given. */
  name: string;
  size: number;
}

export interface MissingPath {
  name: string;
  reason: string;
}

/**
 * The files to import: files as given, folders searched recursively in name
 * order. Hidden files and folders (`.git`, `.DS_Store`) and symbolic links
 * are passed over; a path that does not exist is reported, not fatal.
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: FoundFile[]; missing: MissingPath[] }> {
  const files: FoundFile[] = [];
  const missing: MissingPath[] = [];
  for (const path of paths) {
    const stat = await lstat(path).catch(() => null);
    if (!stat) {
      missing.push({ name: path, reason: 'Bestaat niet / Does not exist' });
    } else if (stat.isDirectory()) {
      await walk(path, basename(path.replace(/[\\/]+$/, '')) || path, files);
    } else if (stat.isFile()) {
      files.push({ path, name: path, size: stat.size });
    } else {
      missing.push({ name: path, reason: 'Geen gewoon bestand of map / Not a regular file or folder' });
    }
  }
  return { files, missing };
}

async function walk(root: string, rootName: string, out: FoundFile[]): Promise<void> {
  const visit = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile())
        out.push({
          path,
          name: [rootName, ...relative(root, path).split(sep)].join('/'),
          size: (await lstat(path)).size,
        });
    }
  };
  await visit(root);
}
