// The HTTP API, in-process (Hono app.request, no port), over a temp SQLite store of fixture articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pipeline } from '../../src/pipeline.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { createApp } from '../../src/server/app.js';
import type { Result } from '../../src/result.js';
import type { StoredEvent } from '../../src/store/store.js';
import { SPECS, fillStore, fixtureText, overlay } from './fixtures.js';
import { GDELT_COLUMNS } from '../../src/export/events.js';

let dir: string;
let store: SqliteStore;
let pipeline: Pipeline;
let app: ReturnType<typeof createApp>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
  store = new SqliteStore(join(dir, 'test.db'));
  pipeline = new Pipeline();
  fillStore(store, pipeline);
  app = createApp(store, pipeline, { token: null, webDir: null, maxBody: 64 * 1024 });
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const allEvents = SPECS.flatMap((s) => s.events.map((e) => ({ ...e, article: s.id })));

async function getJson<T>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  const body = (await res.json()) as T;
  assert.equal(res.status, status, `${path}: ${JSON.stringify(body)}`);
  return body;
}

async function events(qs: string): Promise<StoredEvent[]> {
  return (await getJson<{ items: StoredEvent[] }>(`/api/events?${qs}`)).items;
}

async function bad(path: string, init?: RequestInit, status = 400): Promise<string> {
  const res = await app.request(path, init);
  assert.equal(res.status, status, path);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as { error: string };
  assert.equal(typeof body.error, 'string');
  assert.ok(body.error.length > 5);
  assert.doesNotMatch(body.error, /at .*\.js:\d+/, 'no stack trace');
  return body.error;
}

test('openapi.json describes every endpoint', async () => {
  const doc = await getJson<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
    '/api/openapi.json',
  );
  assert.match(doc.openapi, /^3\./);
  for (const p of [
    '/api/analyze',
    '/api/articles',
    '/api/articles/{id}',
    '/api/events',
    '/api/actors',
    '/api/stats',
  ])
    assert.ok(doc.paths[p], p);
  assert.ok(doc.paths['/api/articles']!.post && doc.paths['/api/articles']!.get);
});

test('POST /api/analyze: text/plain, JSON and HTML bodies; nothing stored', async () => {
  const before = store.counts().articles;
  const text = fixtureText('recall.txt');
  let res = await app.request('/api/analyze?published=2012-02-06', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: text,
  });
  assert.equal(res.status, 200);
  let r = (await res.json()) as Result;
  assert.ok(r.text.includes('France recalled its ambassador'));
  assert.equal(r.published, '2012-02-06');
  assert.ok(Array.isArray(r.events) && Array.isArray(r.sentences) && r.sentences.length >= 3);

  res = await app.request('/api/analyze', {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      text: 'Protesters marched in the capital on Friday. Police watched them.',
      title: 'March',
      published: '2020-05-01',
    }),
  });
  assert.equal(res.status, 200);
  r = (await res.json()) as Result;
  assert.equal(r.title, 'March');
  assert.equal(r.published, '2020-05-01');

  const html = `<html><head><title>Rally</title></head><body><article><h1>Rally</h1><p>${'Thousands of people rallied in the square on Friday to demand new elections, organisers said. '.repeat(4)}</p><script>var x = 1;</script></article></body></html>`;
  res = await app.request('/api/analyze', {
    method: 'POST',
    headers: { 'content-type': 'text/html' },
    body: html,
  });
  assert.equal(res.status, 200);
  r = (await res.json()) as Result;
  assert.ok(r.text.includes('Thousands of people rallied'));
  assert.ok(!r.text.includes('<p>') && !r.text.includes('var x'));
  assert.equal(store.counts().articles, before, 'analyze stores nothing');
});

test('POST /api/analyze: bad input gives clear 4xx JSON errors', async () => {
  const post = (body: string, type = 'application/json'): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  assert.match(await bad('/api/analyze', post('{"text": "unterminated')), /malformed JSON/);
  assert.match(await bad('/api/analyze', post('[1,2]')), /JSON object/);
  assert.match(await bad('/api/analyze', post('{"text":"a b c","colour":"red"}')), /unknown field "colour"/);
  assert.match(await bad('/api/analyze', post('{"text":"x","html":"<p>x</p>"}')), /either/);
  assert.match(await bad('/api/analyze', post('{"text":42}')), /must be a string/);
  assert.match(await bad('/api/analyze', post('{"title":"only a title"}')), /"text" or an "html"/);
  assert.match(await bad('/api/analyze', post('   ', 'text/plain')), /empty/);
  assert.match(
    await bad('/api/analyze', post('{"text":"Talks resumed.","published":"2012-13-45"}')),
    /bad date/,
  );
  assert.match(
    await bad('/api/analyze?published=yesterday', post('Talks resumed.', 'text/plain')),
    /bad date/,
  );
  assert.match(
    await bad('/api/analyze?lang=fr', post('Talks resumed.', 'text/plain')),
    /unknown query parameter "lang"/,
  );
  assert.match(await bad('/api/analyze', post('x', 'application/pdf'), 415), /unsupported content type/);
  assert.match(
    await bad('/api/analyze', post('<html><body><p>tiny</p></body></html>', 'text/html'), 422),
    /no article text/,
  );
  const big = 'word '.repeat(20_000); // 100 kB > the 64 kB limit of this app
  assert.match(await bad('/api/analyze', post(big, 'text/plain'), 413), /larger than/);
  assert.match(await bad('/api/articles', post(JSON.stringify({ text: big })), 413), /larger than/);
});

test('POST /api/articles ingests once (idempotent) and the article can be read back', async () => {
  const before = store.counts();
  const body = JSON.stringify({
    text: 'Ceasefire holds\n\nThe ceasefire held for a third day on Sunday, monitors said.',
    published: '2013-04-07',
    id: 'ceasefire-1',
  });
  const post = (): Promise<Response> =>
    Promise.resolve(
      app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    );
  let res = await post();
  assert.equal(res.status, 201);
  const first = (await res.json()) as { id: string; outcome: string };
  assert.deepEqual([first.id, first.outcome], ['ceasefire-1', 'added']);
  res = await post();
  assert.equal(res.status, 200);
  const second = (await res.json()) as { id: string; outcome: string };
  assert.deepEqual([second.id, second.outcome], ['ceasefire-1', 'unchanged']);
  assert.equal(store.counts().articles, before.articles + 1);
  const r = await getJson<Result>('/api/articles/ceasefire-1');
  assert.ok(r.text.includes('third day'));
  assert.equal(r.published, '2013-04-07');
  await bad('/api/articles/no-such-article', undefined, 404);
});

test('write endpoints need the bearer token when one is set; reads stay open', async () => {
  const secured = createApp(store, pipeline, { token: 's3cret', webDir: null });
  const init = (auth?: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'text/plain', ...(auth ? { authorization: auth } : {}) },
    body: 'Officials met on Monday.',
  });
  for (const path of ['/api/analyze', '/api/articles']) {
    let res = await secured.request(path, init());
    assert.equal(res.status, 401, path);
    assert.match(res.headers.get('www-authenticate') ?? '', /Bearer/);
    assert.match(((await res.json()) as { error: string }).error, /token/);
    res = await secured.request(path, init('Bearer wrong'));
    assert.equal(res.status, 401);
  }
  const ok = await secured.request('/api/analyze', init('Bearer s3cret'));
  assert.equal(ok.status, 200);
  assert.equal((await secured.request('/api/events')).status, 200);
});

test('GET /api/articles: list, full-text search, paging, validation', async () => {
  const all = await getJson<{ total: number; items: { id: string }[] }>('/api/articles');
  assert.ok(all.total >= SPECS.length);
  const homs = await getJson<{ total: number; items: { id: string }[] }>('/api/articles?q=Homs');
  const expected = SPECS.filter((s) => fixtureText(s.file).includes('Homs')).map((s) => s.id);
  assert.deepEqual(homs.items.map((a) => a.id).sort(), expected.sort());
  const p1 = await getJson<{ items: { id: string }[] }>('/api/articles?limit=1&offset=0');
  const p2 = await getJson<{ items: { id: string }[] }>('/api/articles?limit=1&offset=1');
  assert.equal(p1.items.length, 1);
  assert.notEqual(p1.items[0]!.id, p2.items[0]!.id);
  await bad('/api/articles?limit=0');
  await bad('/api/articles?limit=5000');
  await bad('/api/articles?offset=-1');
  assert.match(await bad('/api/articles?sort=date'), /unknown query parameter "sort"/);
});

test('GET /api/events: each filter selects the right events', async () => {
  const ids = (xs: StoredEvent[]): string[] => xs.map((e) => `${e.article_id}/${e.event_id}`).sort();
  // event ids are E1.. in spec order per article
  const idOf = new Map<object, string>();
  for (const s of SPECS) s.events.forEach((e, i) => idOf.set(e, `${s.id}/E${i + 1}`));
  const expect = (pred: (e: (typeof SPECS)[number]['events'][number]) => boolean): string[] =>
    SPECS.flatMap((s) => s.events.filter(pred).map((e) => idOf.get(e)!)).sort();

  assert.deepEqual(
    ids(await events('limit=1000')),
    expect(() => true),
  );
  assert.deepEqual(
    ids(await events('actor=syr')),
    expect((e) => e.source[1].startsWith('SYR') || !!e.target?.[1].startsWith('SYR')),
  );
  assert.deepEqual(
    ids(await events('source=FRA')),
    expect((e) => e.source[1].startsWith('FRA')),
  );
  assert.deepEqual(
    ids(await events('target=SYRGOV')),
    expect((e) => !!e.target?.[1].startsWith('SYRGOV')),
  );
  assert.deepEqual(
    ids(await events('code=16')),
    expect((e) => e.code.startsWith('16')),
  );
  assert.deepEqual(
    ids(await events('root=19')),
    expect((e) => e.code.startsWith('19')),
  );
  assert.deepEqual(
    ids(await events('plover=assault')),
    expect((e) => e.plover === 'ASSAULT'),
  );
  assert.deepEqual(
    ids(await events('mode=actual')),
    expect(() => true),
  );
  assert.deepEqual(
    ids(await events('from=2012-02-05&to=2012-02-06')),
    expect((e) => !!e.date && e.date >= '2012-02-05' && e.date <= '2012-02-06'),
  );
  assert.deepEqual(
    ids(await events('to=2012-02')),
    expect((e) => !!e.date && e.date.startsWith('2012-02')),
  );
  assert.deepEqual(
    ids(await events('country=sy')),
    expect((e) => ['Homs', 'Damascus'].includes(e.place ?? '')),
  );
  assert.deepEqual(
    ids(await events('bbox=36.5,34.5,37,35')),
    expect((e) => e.place === 'Homs'),
  );
  assert.deepEqual(
    ids(await events('q=Baghdad')),
    ['fx-baghdad/E1', 'fx-baghdad/E2'].filter((x) => expect(() => true).includes(x)),
  );
  assert.deepEqual(
    ids(await events('actor=FRA&code=161')),
    expect((e) => e.source[1] === 'FRA' && e.code === '161'),
  );
});

test('GET /api/events: cursor paging returns every event once', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: StoredEvent[]; next: string | null } = await getJson(
      `/api/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    );
    assert.ok(page.items.length <= 2);
    seen.push(...page.items.map((e) => `${e.article_id}/${e.event_id}`));
    cursor = page.next;
    pages++;
  } while (cursor && pages < 100);
  assert.equal(new Set(seen).size, seen.length);
  assert.equal(seen.length, allEvents.length);
});

test('GET /api/events: bad filters are 400 with a message', async () => {
  assert.match(await bad('/api/events?colour=red'), /unknown query parameter "colour"/);
  assert.match(await bad('/api/events?actor=SYR&actor=RUS'), /more than once/);
  assert.match(await bad('/api/events?from=2012-02-30'), /bad date/);
  assert.match(await bad('/api/events?to=Feb%202012'), /bad date/);
  assert.match(await bad('/api/events?from=2012-03-01&to=2012-02-01'), /after/);
  assert.match(await bad('/api/events?bbox=1,2,3'), /bbox/);
  assert.match(await bad('/api/events?bbox=10,0,5,1'), /bbox/);
  assert.match(await bad('/api/events?bbox=0,0,200,1'), /bbox/);
  assert.match(await bad('/api/events?code=abc'), /code/);
  assert.match(await bad('/api/events?root=42'), /root/);
  assert.match(await bad('/api/events?mode=sometimes'), /mode/);
  assert.match(await bad('/api/events?country=SYR'), /country/);
  assert.match(await bad('/api/events?limit=100000'), /limit/);
  assert.match(await bad('/api/events?cursor=garbage'), /cursor/);
  assert.match(await bad('/api/events?format=xml'), /format/);
});

test('GET /api/events as CSV and GDELT TSV, by ?format= or Accept', async () => {
  let res = await app.request('/api/events?format=csv&country=SY');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  const lines = (await res.text()).trim().split('\r\n');
  assert.match(lines[0]!, /^article_id,event_id,date/);
  assert.equal(
    lines.length - 1,
    allEvents.filter((e) => ['Homs', 'Damascus'].includes(e.place ?? '')).length,
  );
  res = await app.request('/api/events', { headers: { accept: 'text/csv' } });
  assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  assert.equal((await res.text()).trim().split('\r\n').length - 1, allEvents.length);
  res = await app.request('/api/events?format=gdelt&code=16');
  assert.match(res.headers.get('content-type') ?? '', /tab-separated/);
  const rows = (await res.text())
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.split('\t'));
  assert.equal(rows.length, allEvents.filter((e) => e.code.startsWith('16')).length);
  const col = (name: string): number => GDELT_COLUMNS.indexOf(name);
  for (const [i, r] of rows.entries()) {
    assert.equal(r.length, GDELT_COLUMNS.length);
    assert.equal(r[col('GLOBALEVENTID')], String(i + 1));
    assert.equal(r[col('EventCode')], '161');
    assert.equal(r[col('SQLDATE')], '20120206');
    assert.equal(r[col('QuadClass')], '3');
  }
  assert.deepEqual(rows.map((r) => r[col('Actor1Code')]).sort(), ['FRA', 'ITA']);
  // exports follow cursors past one JSON page (the store pages at 1000)
  res = await app.request('/api/events', { headers: { accept: 'text/tab-separated-values' } });
  assert.match(res.headers.get('content-type') ?? '', /tab-separated/);
});

test('GET /api/actors: counts and dyads with mean Goldstein', async () => {
  const data = await getJson<{
    actors: { code: string; events: number }[];
    dyads: { source: string; target: string; count: number; goldstein: number }[];
  }>('/api/actors?level=country');
  const dy = (s: string, t: string) => data.dyads.find((d) => d.source === s && d.target === t);
  const fraSyr = allEvents.filter((e) => e.source[1].startsWith('FRA') && e.target?.[1].startsWith('SYR'));
  assert.equal(dy('FRA', 'SYR')?.count, fraSyr.length);
  assert.equal(dy('FRA', 'SYR')?.goldstein, fraSyr.reduce((s, e) => s + e.goldstein, 0) / fraSyr.length);
  assert.ok(dy('ITA', 'SYR') && dy('RUS', 'IGOUNO') && dy('USA', 'RUS'));
  const syr = data.actors.find((a) => a.code === 'SYR');
  assert.equal(
    syr?.events,
    allEvents.filter((e) => e.source[1].startsWith('SYR')).length +
      allEvents.filter((e) => e.target?.[1].startsWith('SYR')).length,
  );
  const byCode = await getJson<{ dyads: { source: string; target: string }[] }>('/api/actors?source=FRA');
  assert.deepEqual(
    byCode.dyads.map((d) => `${d.source}>${d.target}`),
    ['FRA>SYRGOV'],
  );
  await bad('/api/actors?level=planet');
  await bad('/api/actors?limit=9999');
});

test('GET /api/stats: events per day stacked by QuadClass and root', async () => {
  const st = await getJson<{
    days: { date: string; count: number; quads: number[]; roots: Record<string, number> }[];
    total: number;
    undated: number;
  }>('/api/stats');
  assert.equal(st.total, allEvents.length);
  for (const d of st.days) {
    const on = allEvents.filter((e) => e.date === d.date);
    assert.equal(d.count, on.length, d.date);
    for (let q = 1; q <= 4; q++) assert.equal(d.quads[q - 1], on.filter((e) => e.quad === q).length);
    for (const [root, n] of Object.entries(d.roots))
      assert.equal(n, on.filter((e) => e.code.slice(0, 2) === root).length);
  }
  assert.deepEqual(
    st.days.map((d) => d.date),
    [...new Set(allEvents.map((e) => e.date!))].sort(),
  );
  const r16 = await getJson<{ days: { date: string }[] }>('/api/stats?root=16');
  assert.deepEqual(
    r16.days.map((d) => d.date),
    [...new Set(allEvents.filter((e) => e.code.startsWith('16')).map((e) => e.date!))],
  );
  await bad('/api/stats?limit=3');
});

test('GET /api/geo clusters events with coordinates', async () => {
  const g = await getJson<{ cells: { lat: number; lon: number; count: number; place: string | null }[] }>(
    '/api/geo?cell=0.5',
  );
  const homs = g.cells.find((c) => c.place === 'Homs');
  assert.ok(homs && Math.abs(homs.lat - 34.73) < 0.01 && Math.abs(homs.lon - 36.72) < 0.01);
  assert.equal(
    g.cells.reduce((n, c) => n + c.count, 0),
    allEvents.filter((e) => e.place).length,
  );
  await bad('/api/geo?cell=0');
});

test('unknown endpoints and internal errors: JSON, no stack trace', async () => {
  await bad('/api/nothing-here', undefined, 404);
  const broken = createApp(
    store,
    {
      analyze: () => {
        throw new Error('secret internals at /srv/x.js:1');
      },
    },
    { token: null, webDir: null },
  );
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    const res = await broken.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'Talks resumed.',
    });
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.ok(!text.includes('secret') && !text.includes('.js'), text);
  } finally {
    process.stderr.write = write;
  }
});

test('the web UI is served with a strict CSP, and paths cannot escape its folder', async () => {
  const web = join(dir, 'web');
  rmSync(web, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(web, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const withWeb = createApp(store, pipeline, { token: null, webDir: web });
  let res = await withWeb.request('/');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  res = await withWeb.request('/assets/a.js');
  assert.match(res.headers.get('content-type') ?? '', /javascript/);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
    res = await withWeb.request(p);
    assert.ok(!(await res.text()).includes('secret'), p);
  }
});

test('aggregates are recomputed after an ingest (cache invalidation)', async () => {
  const local = new SqliteStore(join(dir, 'cache.db'));
  const withEvent = {
    analyze: (a: Parameters<Pipeline['analyze']>[0]): Result => {
      const r = pipeline.analyze(a);
      const ev = overlay(r, { ...SPECS[0]!, events: [SPECS[0]!.events[0]!] }).events[0]!;
      return { ...r, events: [{ ...ev, date: a.published ?? null }] };
    },
  };
  const local2 = createApp(local, withEvent, { token: null, webDir: null });
  const days = async (): Promise<string[]> =>
    ((await (await local2.request('/api/stats')).json()) as { days: { date: string }[] }).days.map(
      (d) => d.date,
    );
  assert.deepEqual(await days(), []);
  const res = await local2.request('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: fixtureText('veto.txt'), published: '2014-06-01' }),
  });
  assert.equal(res.status, 201);
  assert.deepEqual(await days(), ['2014-06-01']);
  local.close();
});
