// npm does not link a package's own bin into its node_modules/.bin; do it so that
// `npx sitrep` and node_modules/.bin/sitrep work in a checkout after `npm ci`.
import { chmodSync, mkdirSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'src', 'cli', 'main.js');
const link = join(root, 'node_modules', '.bin', 'sitrep');
if (existsSync(target)) {
  chmodSync(target, 0o755);
  mkdirSync(dirname(link), { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(link), target), link);
}
