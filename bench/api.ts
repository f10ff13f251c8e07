// API benchmark: GET /api/events with filters (and the aggregate endpoints) over a store with many
// events, served by `sitrep serve` in a child process; N concurrent clients; p50/p95/max latency.
//   npm run build && node dist/bench/api.js [--events 100000] [--db tmp/bench-api.db] [--concurrency 10] [--requests 200]
// The store is filled with synthetic articles (10 events each) unless it already holds enough events.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Event } from '../src/result.js';
import { bareResult } from '../test/helpers.js';
import { SqliteStore } from '../src/store/sqlite.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'tmp/bench-api.db' },
    concurrency: { type: 'string', default: '10' },
    requests: { type: 'string', default: '200' },
  },
});
const EVENTS = Number(values.events);
const CONCURRENCY = Number(values.concurrency);
const REQUESTS = Number(values.requests);
const DB = values.db!;

// deterministic pseudo-random numbers
let seed = 42;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const ACTORS = [
  'SYR',
  'SYRGOV',
  'SYRMIL',
  'SYRREB',
  'RUS',
  'RUSGOV',
  'USA',
  'USAGOV',
  'FRA',
  'GBR',
  'ITA',
  'IRQ',
  'IRQGOV',
  'IRN',
  'ISR',
  'TUR',
  'EGY',
  'IGOUNO',
  'NGOHRI',
  'CHN',
];
const CODES: [string, number, number, string | null][] = [
  ['010', 1, 0, null],
  ['036', 1, 4, null],
  ['042', 1, 1.9, 'CONSULT'],
  ['051', 1, 3.4, null],
  ['0331', 1, 5.2, null],
  ['070', 2, 7, 'AID'],
  ['111', 3, -2, null],
  ['112', 3, -2, null],
  ['1246', 3, -4, 'REJECT'],
  ['138', 3, -7, 'THREATEN'],
  ['141', 3, -6.5, 'PROTEST'],
  ['161', 3, -4, 'REDUCE'],
  ['173', 4, -5, 'COERCE'],
  ['190', 4, -10, 'ASSAULT'],
  ['193', 4, -10, 'ASSAULT'],
  ['195', 4, -10, 'ASSAULT'],
  ['180', 4, -9, 'ASSAULT'],
];
const PLACES: [string, string, number, number][] = [
  ['Homs', 'SY', 34.7268, 36.7234],
  ['Damascus', 'SY', 33.5102, 36.2913],
  ['Aleppo', 'SY', 36.2021, 37.1343],
  ['Baghdad', 'IQ', 33.3406, 44.4009],
  ['Mosul', 'IQ', 36.335, 43.1189],
  ['Moscow', 'RU', 55.7522, 37.6156],
  ['Washington', 'US', 38.8951, -77.0364],
  ['Paris', 'FR', 48.8534, 2.3488],
  ['Cairo', 'EG', 30.0626, 31.2497],
  ['Tehran', 'IR', 35.6944, 51.4215],
  ['Ankara', 'TR', 39.9199, 32.8543],
  ['Beirut', 'LB', 33.8933, 35.5016],
];
const MODES: Event['mode'][] = [
  'actual',
  'actual',
  'actual',
  'actual',
  'expected',
  'threatened',
  'denied',
  'intended',
];

function fill(store: SqliteStore, n: number): void {
  const articles = Math.ceil(n / 10);
  const t0 = Date.now();
  const day0 = Date.UTC(2011, 0, 1);
  for (let a0 = 0; a0 < articles; a0 += 500) {
    store.transaction(() => {
      for (let a = a0; a < Math.min(articles, a0 + 500); a++) {
        const place = pick(PLACES);
        const text =
          `Synthetic report ${a}. Fighting was reported near ${place[0]} as officials met in ${pick(PLACES)[0]}. ` +
          'More talks are planned. '.repeat(20);
        const published = new Date(day0 + Math.floor(rnd() * 730) * 86_400_000).toISOString().slice(0, 10);
        const events: Event[] = [];
        for (let i = 0; i < 10; i++) {
          const [code, quad, goldstein, plover] = pick(CODES);
          const p = rnd() < 0.7 ? pick(PLACES) : null;
          const date =
            rnd() < 0.9
              ? new Date(Date.parse(published) - Math.floor(rnd() * 3) * 86_400_000)
                  .toISOString()
                  .slice(0, 10)
              : null;
          events.push({
            id: `E${i + 1}`,
            start: 0,
            end: 20,
            code,
            label: code,
            root: code.slice(0, 2),
            quad,
            goldstein,
            plover,
            mode: pick(MODES),
            source: { start: 0, end: 5, code: pick(ACTORS), actor: null, text: 'someone' },
            target:
              rnd() < 0.85
                ? { start: 6, end: 10, code: pick(ACTORS), actor: null, text: 'someone else' }
                : null,
            date,
            date_precision: date ? 'day' : 'unknown',
            place: p
              ? {
                  name: p[0],
                  geonameid: null,
                  country: p[1],
                  lat: p[2] + (rnd() - 0.5) * 0.2,
                  lon: p[3] + (rnd() - 0.5) * 0.2,
                }
              : null,
            sentence: 0,
            trigger: { start: 0, end: 5, text: 'fight' },
            attribution: null,
          });
        }
        const r = bareResult({
          id: `bench-${a}`,
          title: `Synthetic report ${a}`,
          published,
          source: 'bench',
          text,
          sentences: [{ start: 0, end: text.length }],
          paragraphs: [{ start: 0, end: text.length }],
          events,
        });
        store.put(r, `bench-hash-${a}`);
      }
    });
  }
  process.stderr.write(
    `filled ${articles} articles / ${articles * 10} events in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'main.js');
  const child = spawn(process.execPath, [main, 'serve', '--db', DB, '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SITREP_TOKEN: '' },
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /serving .* at (http:\/\/\S+?)\/?\n/.exec(err);
      if (m) resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

async function measure(url: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < REQUESTS) {
      next++;
      const t = performance.now();
      const res = await fetch(url).catch(() => fetch(url)); // one retry: a keep-alive socket may be reset
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times.sort((a, b) => a - b);
}

const pct = (xs: number[], p: number): number =>
  xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function main(): Promise<void> {
  mkdirSync(dirname(DB), { recursive: true });
  const fresh = !existsSync(DB);
  const store = new SqliteStore(DB);
  const have = store.counts().events;
  if (fresh || have < EVENTS) fill(store, EVENTS - have);
  const total = store.counts().events;
  const cursor = (store.events({ actor: 'SYR', limit: 100 }).next ?? '').toString();
  store.close();
  const server = await startServer();
  const queries = [
    '/api/events?limit=100',
    '/api/events?actor=SYR',
    '/api/events?source=RUS&target=SYR',
    '/api/events?code=19&country=SY',
    '/api/events?root=14&from=2011-03-01&to=2011-06-30',
    '/api/events?bbox=35,32,38,37',
    '/api/events?q=Homs&limit=100',
    '/api/events?mode=threatened&plover=THREATEN',
    '/api/events?source=NGOHRI&target=CHN&from=2012-06-01',
    `/api/events?actor=SYR&cursor=${cursor}`,
    '/api/events?actor=IRQ&limit=1000',
  ];
  const aggregates = [
    '/api/stats',
    '/api/actors?level=country',
    '/api/geo?cell=2',
    '/api/stats?actor=SYR&root=19',
    '/api/articles?q=Homs',
  ];
  console.log(
    `sitrep API benchmark: ${total} events, ${CONCURRENCY} concurrent clients, ${REQUESTS} requests per query`,
  );
  console.log('query'.padEnd(62) + 'p50 ms'.padStart(8) + 'p95 ms'.padStart(8) + 'max ms'.padStart(8));
  const all: number[] = [];
  try {
    for (const [label, list] of [
      ['GET /api/events with filters', queries],
      ['aggregates', aggregates],
    ] as const) {
      console.log(`-- ${label}`);
      for (const q of list) {
        await measure(server.url + q); // warm-up pass
        const t = await measure(server.url + q);
        if (label !== 'aggregates') all.push(...t);
        const show = q.length > 60 ? q.slice(0, 57) + '...' : q;
        console.log(
          show.padEnd(62) +
            pct(t, 50).toFixed(1).padStart(8) +
            pct(t, 95).toFixed(1).padStart(8) +
            t[t.length - 1]!.toFixed(1).padStart(8),
        );
      }
    }
    all.sort((a, b) => a - b);
    console.log(
      `GET /api/events overall: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms over ${all.length} requests`,
    );
  } finally {
    server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
