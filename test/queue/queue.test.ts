// Scale-out end to end: enqueue with the CLI, two worker processes, one PostgreSQL store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PostgresStore } from '../../src/store/postgres.js';
import { CLI, FIXTURES } from '../helpers.js';
import { PG_ADMIN, REDIS, reachable, tempDatabase } from '../services.js';

const skip = (await reachable(PG_ADMIN)) || (await reachable(REDIS));

function worker(db: string, queue: string): Promise<{ code: number | null; err: string }> {
  const child = spawn(
    process.execPath,
    [CLI, 'worker', '--db', db, '--redis', REDIS, '--queue', queue, '--exit-when-empty'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

test('enqueue + two workers store every article once', { skip, timeout: 120_000 }, async () => {
  const db = await tempDatabase();
  const queue = `sitrep-test-${process.pid}-${Date.now()}`;
  try {
    const inputs = [join(FIXTURES, 'jsonl', 'mixed.jsonl'), join(FIXTURES, 'text', 'plain-utf8.txt')];
    const first = spawnSync(
      process.execPath,
      [CLI, 'enqueue', ...inputs, '--redis', REDIS, '--queue', queue],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(first.status, 1, 'the bad JSONL records make enqueue report failure');
    assert.match(first.stderr, /queued 4 articles/);
    assert.match(first.stderr, /mixed\.jsonl:2: malformed JSON/);
    const again = spawnSync(
      process.execPath,
      [CLI, 'enqueue', ...inputs, '--redis', REDIS, '--queue', queue],
      {
        encoding: 'utf8',
      },
    );
    assert.match(again.stderr, /queued 0 articles/, 'waiting jobs are not queued twice');

    const runs = await Promise.all([worker(db.url, queue), worker(db.url, queue)]);
    for (const r of runs) assert.equal(r.code, 0, r.err);
    const store = await PostgresStore.connect(db.url);
    const counts = await store.counts();
    await store.close();
    // a1 and a6 share a body: 3 distinct bodies, 1 alias
    assert.equal(counts.articles, 3);
    assert.equal(counts.aliases, 1);
  } finally {
    await db.drop();
  }
});
