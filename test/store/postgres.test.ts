import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresStore } from '../../src/store/postgres.js';
import { storeArticle } from '../../src/store/writer.js';
import { Pipeline } from '../../src/pipeline.js';
import { PG_ADMIN, reachable, tempDatabase } from '../services.js';

const skip = await reachable(PG_ADMIN);

test('PostgreSQL store: same semantics as SQLite, safe with concurrent writers', { skip }, async () => {
  const db = await tempDatabase();
  const pipeline = new Pipeline({ published: '2020-03-02' });
  const analyze = (a: Parameters<Pipeline['analyze']>[0]) => pipeline.analyze(a);
  // two connections migrating at once must not clash
  const [s1, s2] = await Promise.all([PostgresStore.connect(db.url), PostgresStore.connect(db.url)]);
  try {
    const text = 'France recalled its ambassador from Syria on Monday, the foreign ministry in Paris said.';
    const a = { id: 'one', text, origin: 't' };
    assert.equal(await storeArticle(s1, a, analyze), 'added');
    assert.equal(await storeArticle(s1, a, analyze), 'unchanged');
    assert.equal(await storeArticle(s2, { ...a, id: 'two' }, analyze), 'duplicate');
    assert.equal((await s1.get('two'))?.id, 'one');

    // many writers racing on the same new body: exactly one stores it, the rest alias it
    const body =
      'Italy closed its embassy in Damascus on Tuesday after a week of shelling in Homs, officials said.';
    const outcomes = await Promise.all(
      ['r1', 'r2', 'r3', 'r4'].map((id, i) =>
        (i % 2 ? s1 : s2).put(analyze({ id, text: body, origin: 't' }), 'race'),
      ),
    );
    assert.equal(outcomes.filter((o) => o === 'added').length, 1);
    assert.equal(outcomes.filter((o) => o === 'duplicate').length, 3);
    const counts = await s1.counts();
    assert.equal(counts.articles, 2);
    assert.equal(counts.aliases, 4);
    assert.equal((await s1.search('embassy Damascus'))[0]?.id !== undefined, true);
  } finally {
    await s1.close();
    await s2.close();
    await db.drop();
  }
});

test('a bad PostgreSQL URL is a clear error', { skip }, async () => {
  await assert.rejects(
    PostgresStore.connect('postgres://postgres@127.0.0.1:5432/no_such_db_sitrep'),
    /cannot use PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:5432\/no_such_db_sitrep: .*does not exist/,
  );
});
