// Where the package's own files live: data/ (knowledge), src/store/migrations*/ (SQL), found from the package root
// (next to dist/ and src/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'data'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('sitrep: cannot find the data/ folder of the package');
    dir = up;
  }
  root = dir;
  return dir;
}

/** Absolute path of a file under data/. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}

/** Absolute path of a file or folder of the package (e.g. the SQL migrations under src/store/). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
