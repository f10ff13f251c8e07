// The running sitrep version: stored with every analysed article, so re-ingest after an upgrade re-analyses.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataPath } from './data.js';

export const VERSION: string = (
  JSON.parse(readFileSync(join(dirname(dataPath()), 'package.json'), 'utf8')) as { version: string }
).version;
