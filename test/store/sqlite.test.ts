import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Event, Result } from '../../src/result.js';
import { bareResult } from '../helpers.js';

function result(id: string, text: string, events: Partial<Event>[] = []): Result {
  return bareResult({
    id,
    title: `Title ${id}`,
    published: '2012-02-07',
    text,
    events: events.map((e, i) => ({
      id: `E${i + 1}`,
      code: '161',
      label: 'Reduce or break diplomatic relations',
      root: '16',
      quad: 4,
      goldstein: -4,
      plover: 'REDUCE',
      mode: 'actual',
      source: { code: 'FRA', actor: null, text: 'France', start: 0, end: 6 },
      target: { code: 'SYR', actor: null, text: 'Syria', start: 10, end: 15 },
      date: '2012-02-07',
      date_precision: 'day',
      place: null,
      sentence: 0,
      start: 0,
      end: 20,
      trigger: { start: 7, end: 15, text: 'recalled' },
      attribution: null,
      ...e,
    })),
  });
}

const open = () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'sitrep-')), 'test.db'));

test('put stores once per body; the same body under another id becomes an alias', () => {
  const s = open();
  assert.equal(s.put(result('a', 'France recalled its ambassador.'), 'h1'), 'added');
  assert.equal(s.put(result('a', 'France recalled its ambassador.'), 'h1'), 'unchanged');
  assert.equal(s.put(result('b', 'France recalled its ambassador.'), 'h1'), 'duplicate');
  assert.deepEqual(s.counts().articles, 1);
  assert.equal(s.get('b')?.id, 'a');
  s.close();
});

test('a changed body under the same id replaces the article and its annotations', () => {
  const s = open();
  s.put(result('a', 'old text', [{}, {}]), 'h1');
  assert.equal(s.counts().events, 2);
  assert.equal(s.put(result('a', 'new text', [{}]), 'h2'), 'updated');
  assert.equal(s.counts().events, 1);
  assert.equal(s.get('a')?.text, 'new text');
  assert.equal(s.articles({ q: 'old' }).total, 0);
  assert.equal(s.articles({ q: 'new' }).total, 1);
  s.close();
});

test('events filter by actor prefix, code, date range, bbox and text; pages with a cursor', () => {
  const s = open();
  s.put(
    result('x', 'Syria: envoys recalled', [
      { source: { code: 'FRAGOV', actor: null, text: 'France', start: 0, end: 6 } },
      {
        code: '195',
        root: '19',
        date: '2012-02-05',
        place: { name: 'Homs', geonameid: 169577, country: 'SY', lat: 34.73, lon: 36.72 },
      },
      { code: '042', root: '04', date: '2012-03-01', target: null },
    ]),
    'hx',
  );
  s.put(
    result('y', 'Iraq talks', [{ source: { code: 'IRQ', actor: null, text: 'Iraq', start: 0, end: 4 } }]),
    'hy',
  );
  assert.equal(s.events({ actor: 'FRA' }).items.length, 3);
  assert.equal(s.events({ source: 'fragov' }).items.length, 1);
  assert.equal(s.events({ actor: 'SYR' }).items.length, 3);
  assert.equal(s.events({ code: '19' }).items.length, 1);
  assert.equal(s.events({ from: '2012-02-06', to: '2012-02-29' }).items.length, 2);
  assert.equal(s.events({ bbox: [35, 33, 38, 36] }).items[0]?.place_name, 'Homs');
  assert.equal(s.events({ q: 'iraq' }).items.length, 1);
  const page1 = s.events({ limit: 2 });
  assert.equal(page1.items.length, 2);
  assert.ok(page1.next);
  const page2 = s.events({ limit: 2, cursor: page1.next! });
  assert.equal(page2.items.length, 2);
  assert.equal(page2.next, null);
  assert.throws(() => s.events({ cursor: 'garbage' }), /invalid cursor/);
  s.close();
});
