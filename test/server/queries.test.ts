// listEvents() (the API's event pages) must return exactly what SqliteStore.events() returns, for
// filters that match many events (walks the primary key) and few (uses the indexes), page by page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/store/sqlite.js';
import { listEvents } from '../../src/store/queries.js';
import type { EventFilter } from '../../src/store/store.js';
import type { Event } from '../../src/result.js';
import { bareResult } from '../helpers.js';

function synthetic(store: SqliteStore, articles: number): void {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const actors = ['SYR', 'SYRGOV', 'RUS', 'USA', 'FRA', 'IRQ', 'NGOHRI'];
  store.transaction(() => {
    for (let a = 0; a < articles; a++) {
      const events: Event[] = Array.from({ length: 10 }, (_, i) => {
        const code = ['042', '111', '161', '190', '195'][Math.floor(rnd() * 5)]!;
        const rare = rnd() < 0.01;
        return {
          id: `E${i + 1}`,
          start: 0,
          end: 1,
          code,
          label: code,
          root: code.slice(0, 2),
          quad: 3,
          goldstein: -2,
          plover: null,
          mode: rare ? 'denied' : 'actual',
          source: {
            start: 0,
            end: 1,
            code: actors[Math.floor(rnd() * actors.length)]!,
            actor: null,
            text: 'x',
          },
          target: {
            start: 0,
            end: 1,
            code: rare ? 'CHN' : actors[Math.floor(rnd() * 6)]!,
            actor: null,
            text: 'y',
          },
          date: `2012-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
          date_precision: 'day',
          place: rnd() < 0.5 ? { name: 'Homs', geonameid: null, country: 'SY', lat: 34.7, lon: 36.7 } : null,
          sentence: 0,
          trigger: { start: 0, end: 1, text: 'x' },
          attribution: null,
        };
      });
      const r = bareResult({
        id: `a${String(a).padStart(4, '0')}`,
        text: `Article ${a} ${a % 3 ? 'about talks' : 'about Homs'}.`,
        events,
      });
      store.put(r, `h${a}`);
    }
  });
}

test('listEvents pages equal SqliteStore.events pages, common and rare filters', () => {
  const store = new SqliteStore(':memory:');
  synthetic(store, 600); // 6000 events: the "many" threshold is 2000
  const filters: EventFilter[] = [
    {},
    { actor: 'SYR' },
    { source: 'RUS', target: 'SYR' },
    { target: 'CHN' },
    { mode: 'denied' },
    { code: '19', country: 'SY' },
    { bbox: [36, 34, 37, 35] },
    { from: '2012-03-01', to: '2012-05' },
    { q: 'Homs', actor: 'USA' },
    { actor: 'NOPE' },
  ];
  for (const f of filters) {
    for (const limit of [7, 1000]) {
      let a: string | null = null;
      let b: string | null = null;
      let pages = 0;
      do {
        const x = listEvents(store.db, { ...f, limit, ...(a ? { cursor: a } : {}) });
        const y = store.events({ ...f, limit, ...(b ? { cursor: b } : {}) });
        assert.deepEqual(x.items, y.items, JSON.stringify(f));
        assert.equal(x.next, y.next);
        a = x.next;
        b = y.next;
        pages++;
      } while (a && pages < 20);
    }
  }
  assert.throws(() => listEvents(store.db, { cursor: 'bad' }), /invalid cursor/);
  store.close();
});
