// Golden check on the canonical example: the shared scorer's verdict on `sitrep analyze` of the seed
// article. It guards what already comes out right; the article is a check, not the target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { CLI, SHARED } from '../helpers.js';

const SEED = join(SHARED, 'examples', 'seed-homs-2012.txt');
const EXPECTED = join(SHARED, 'examples', 'seed-homs-2012.expected.json');
const SCORER = join(SHARED, 'eval', 'score-seed.mjs');

test(
  'seed article: every required event, actor, place, quote and figure',
  { skip: !existsSync(SCORER) },
  () => {
    const run = spawnSync(process.execPath, [CLI, 'analyze', SEED, '--published', '2012-02-07'], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const result = join(mkdtempSync(join(tmpdir(), 'sitrep-')), 'seed.json');
    writeFileSync(result, run.stdout);
    const scored = spawnSync(process.execPath, [SCORER, EXPECTED, result], { encoding: 'utf8' });
    const last = scored.stdout.trim().split('\n').pop() ?? '';
    const m =
      /required (\d+)\/(\d+), extras (\d+), actors (\d+)\/(\d+), places (\d+)\/(\d+), quotes (\d+)\/(\d+), figures (\d+)\/(\d+), clean (\w+)/.exec(
        last,
      );
    assert.ok(m, scored.stdout + scored.stderr);
    const [, req, reqOf, extras, act, actOf, pl, plOf, q, qOf, fig, figOf, clean] = m;
    assert.equal(req, reqOf, scored.stdout);
    assert.ok(Number(extras) <= 3, scored.stdout);
    assert.equal(act, actOf, scored.stdout);
    assert.equal(pl, plOf, scored.stdout);
    assert.equal(q, qOf, scored.stdout);
    assert.equal(fig, figOf, scored.stdout);
    assert.equal(clean, 'ok');
  },
);
