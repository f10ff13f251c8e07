// Paths shared by tests.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** repo root (tests run from dist/test/...) */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SHARED = join(ROOT, '..', 'shared');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
