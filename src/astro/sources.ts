/**
 * The originals kept in the sources folder, as the build may read them: only a plain file name
 * (src/format/source.ts), only a regular file, and only one that really lies inside the folder, so a
 * symlink planted there (to /etc/passwd, to a key) is never read or published.
 */
import { realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { sourceFileProblem } from '../format/source.ts';
import { SOURCES_DIR } from './content-dirs.ts';

/** The real path of the kept original `file`, or null when it is missing or may not be read. */
export function sourcePath(file: string, dir = SOURCES_DIR): string | null {
  if (sourceFileProblem(file) !== null) return null;
  try {
    const root = realpathSync(dir);
    const real = realpathSync(join(dir, file));
    if (!real.startsWith(root + sep) || !statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}
