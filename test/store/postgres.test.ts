import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
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

test(
  'both databases get the same tables, columns and indexes from the shared migrations',
  { skip },
  async () => {
    const db = await tempDatabase();
    const lite = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'sitrep-')), 'schema.db'));
    const store = await PostgresStore.connect(db.url);
    await store.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = ['articles', 'article_aliases', 'events', 'actors', 'places'];
      for (const table of tables) {
        const inPg = (
          await client.query<{ c: string }>(
            'SELECT column_name c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
            [table],
          )
        ).rows.map((r) => r.c);
        const inSqlite = (lite.db.pragma(`table_info(${table})`) as { name: string }[]).map((r) => r.name);
        // PostgreSQL's full-text search is a generated column; SQLite's is a separate FTS5 table
        assert.deepEqual(
          inPg.filter((c) => c !== 'tsv'),
          inSqlite,
          table,
        );
      }
      const pgIndexes = async (): Promise<string[]> =>
        (
          await client.query<{ n: string }>(
            "SELECT indexname n FROM pg_indexes WHERE tablename = 'events' AND indexname NOT LIKE '%pkey' ORDER BY 1",
          )
        ).rows.map((r) => r.n);
      const sqliteIndexes = (
        lite.db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL",
          )
          .all() as { name: string }[]
      )
        .map((r) => r.name)
        .sort();
      assert.deepEqual(await pgIndexes(), sqliteIndexes);

      // a database made before version 3 gets the map's index when it is next opened
      await client.query('DROP INDEX events_latlon');
      await client.query('DELETE FROM sitrep_schema WHERE version = 3');
      await (await PostgresStore.connect(db.url)).close();
      assert.ok((await pgIndexes()).includes('events_latlon'));
    } finally {
      await client.end();
      lite.close();
      await db.drop();
    }
  },
);
