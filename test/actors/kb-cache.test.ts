// The compiled actor knowledge base cached by `npm run build` is the knowledge base compiled from data/actors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKbCache, writeKbCache } from '../../src/actors/kb-cache.js';
import { KnowledgeBase, loadKnowledgeBase } from '../../src/actors/kb.js';

test('the cached knowledge base equals the compiled one, and a cache from other inputs is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
  try {
    const file = join(dir, 'actors-kb.bin');
    writeKbCache(file);
    const cached = readKbCache(file);
    assert.ok(cached instanceof KnowledgeBase);
    const fresh = loadKnowledgeBase();
    assert.deepEqual({ ...cached }, { ...fresh });
    // another fingerprint (other data or code): not used
    const buf = readFileSync(file);
    buf[4] = buf[4] === 48 ? 49 : 48;
    writeFileSync(file, buf);
    assert.equal(readKbCache(file), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
