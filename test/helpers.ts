// Paths shared by tests.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Result } from '../src/result.js';

/** repo root (tests run from dist/test/...) */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SHARED = join(ROOT, '..', 'shared');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** A Result with no annotations, for store, API and benchmark fixtures: give what the test needs. */
export function bareResult(fields: Pick<Result, 'id' | 'text'> & Partial<Result>): Result {
  return {
    title: null,
    published: null,
    source: null,
    url: null,
    removed: [],
    sentences: [],
    paragraphs: [],
    entities: [],
    actors: [],
    places: [],
    times: [],
    events: [],
    quotes: [],
    figures: [],
    warnings: [],
    ...fields,
  };
}
