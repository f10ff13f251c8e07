// The web UI in a real browser: Debian's chromium driven by playwright-core, against a server on a
// free localhost port over a temp store of the fixture articles. Screenshots go to test-artifacts/.
// Skips (with a message) only when /usr/bin/chromium is absent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Pipeline } from '../../src/pipeline.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { startServer } from '../../src/server/index.js';
import type { Running } from '../../src/server/index.js';
import { defaultWebDir } from '../../src/server/static.js';
import { SPECS, fillStore, fixtureAnalyzer, fixtureText } from '../server/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} not found (apt-get install -y chromium): browser tests skipped`;
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

let dir: string;
let server: Running;
let ctx: BrowserContext;
let page: Page;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  assert.ok(
    existsSync(join(defaultWebDir(), 'index.html')),
    'web/dist is not built: run `npm run build` (vite build web)',
  );
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ui-'));
  const db = join(dir, 'ui.db');
  const pipeline = new Pipeline();
  const store = new SqliteStore(db);
  fillStore(store, pipeline);
  store.close();
  server = await startServer({
    db,
    port: 0,
    host: '127.0.0.1',
    token: null,
    analyzer: fixtureAnalyzer(pipeline),
  });
  const { chromium } = await import('playwright-core');
  ctx = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 900 },
  });
  page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(8000);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
});

after(async () => {
  if (skip) return;
  await ctx?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(hash: string): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const events = SPECS.flatMap((s) => s.events.map((e) => ({ ...e, article: s.id })));

test('overview: a timeline bar on the right day, stacked by QuadClass', { skip }, async () => {
  await open('#/');
  for (const day of [...new Set(events.map((e) => e.date!))]) {
    const bar = page.locator(`.timeline .bar[data-date="${day}"]`);
    await bar.waitFor();
    const on = events.filter((e) => e.date === day);
    assert.equal(await bar.getAttribute('data-count'), String(on.length), day);
    // one coloured rect per QuadClass present that day, and it has a visible height
    const rects = bar.locator('rect:not(.hit)');
    assert.equal(await rects.count(), new Set(on.map((e) => e.quad)).size);
    const box = await rects.first().boundingBox();
    assert.ok(box && box.height > 5, `${day}: bar is visible`);
  }
  // days without events have no coloured rect
  const empty = page.locator('.timeline .bar[data-count="0"] rect:not(.hit)');
  assert.equal(await empty.count(), 0);
  await page.locator('#events tbody tr').first().waitFor();
  await shot('overview');
});

test(
  'map: a point near the right coordinates (Homs inside Syria); click lists its events',
  { skip },
  async () => {
    await open('#/');
    const homs = page.locator('.map-svg .point[data-place="Homs"]');
    await homs.waitFor();
    const p = await homs.locator('circle').boundingBox();
    const syria = await page.locator('.map-svg path.country[data-name="Syria"]').boundingBox();
    assert.ok(p && syria);
    const cx = p.x + p.width / 2;
    const cy = p.y + p.height / 2;
    assert.ok(
      cx >= syria.x && cx <= syria.x + syria.width && cy >= syria.y && cy <= syria.y + syria.height,
      'Homs point inside Syria',
    );
    const baghdad = await page.locator('.map-svg .point[data-place="Baghdad"] circle').boundingBox();
    const iraq = await page.locator('.map-svg path.country[data-name="Iraq"]').boundingBox();
    assert.ok(baghdad && iraq);
    assert.ok(
      baghdad.x + baghdad.width / 2 > iraq.x && baghdad.x + baghdad.width / 2 < iraq.x + iraq.width,
      'Baghdad point inside Iraq',
    );
    // zoomed to the events, Homs is still inside Syria, and the points are further apart
    await page.getByRole('button', { name: 'Zoom to events' }).click();
    const zp = await page.locator('.map-svg .point[data-place="Homs"] circle').boundingBox();
    const zs = await page.locator('.map-svg path.country[data-name="Syria"]').boundingBox();
    const zb = await page.locator('.map-svg .point[data-place="Baghdad"] circle').boundingBox();
    assert.ok(zp && zs && zb);
    assert.ok(
      zp.x + zp.width / 2 > zs.x && zp.x + zp.width / 2 < zs.x + zs.width,
      'zoomed: Homs inside Syria',
    );
    assert.ok(zb.x - zp.x > 3 * (baghdad.x - p.x), 'zoomed: points spread out');
    await page.locator('#map').screenshot({ path: join(ARTIFACTS, 'map-zoomed.png') });
    await page.getByRole('button', { name: 'Whole world' }).click();
    await homs.click();
    const detail = page.locator('#map .detail');
    await detail.locator('a').first().waitFor();
    assert.match(await detail.innerText(), /195/);
    assert.match(await detail.innerText(), /Russia blocks Security Council/);
    await page.locator('#map').screenshot({ path: join(ARTIFACTS, 'map.png') });
  },
);

test('network: an edge between the right actors; Enter on it lists its events', { skip }, async () => {
  await open('#/');
  for (const [s, t] of [
    ['FRA', 'SYR'],
    ['ITA', 'SYR'],
    ['RUS', 'IGOUNO'],
    ['USA', 'RUS'],
  ]) {
    const edge = page.locator(`.network-svg .edge[data-source="${s}"][data-target="${t}"]`);
    await edge.waitFor({ state: 'attached' });
    const box = await edge.boundingBox();
    assert.ok(box && box.width + box.height > 20, `${s} → ${t} edge drawn`);
    // the line starts at the source node
    const line = edge.locator('.edge-line');
    const [x1, y1] = [Number(await line.getAttribute('x1')), Number(await line.getAttribute('y1'))];
    const node = page.locator(`.network-svg .node[data-code="${s}"] circle`);
    assert.ok(
      Math.abs(Number(await node.getAttribute('cx')) - x1) < 1 &&
        Math.abs(Number(await node.getAttribute('cy')) - y1) < 1,
    );
  }
  const edge = page.locator('.network-svg .edge[data-source="FRA"][data-target="SYR"]');
  await edge.focus();
  await page.keyboard.press('Enter');
  const detail = page.locator('#network .detail');
  await detail.locator('li').first().waitFor();
  assert.match(await detail.innerText(), /FRA → SYR/);
  assert.match(await detail.innerText(), /161/);
  await page.locator('#network').screenshot({ path: join(ARTIFACTS, 'network.png') });
});

test('timeline brushing filters the map, network and table', { skip }, async () => {
  await open('#/');
  const bar = page.locator('.timeline .bar[data-date="2012-02-06"]');
  await bar.waitFor();
  await bar.click();
  await page.waitForFunction(() => location.hash.includes('from=2012-02-06'));
  await page.locator('#events tbody tr').first().waitFor();
  await page.waitForSelector('#map .map-svg');
  const dates = await page.locator('#events tbody tr td:first-child').allInnerTexts();
  assert.deepEqual([...new Set(dates)], ['2012-02-06']);
  assert.equal(dates.length, events.filter((e) => e.date === '2012-02-06').length);
  const places = await page
    .locator('.map-svg .point')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
  assert.deepEqual(places, ['Damascus']);
  assert.equal(await page.locator('.network-svg .edge[data-source="RUS"]').count(), 0);
  // a drag across several days selects a range
  await open('#/');
  const a = await page.locator('.timeline .bar[data-date="2012-02-04"]').boundingBox();
  const b = await page.locator('.timeline .bar[data-date="2012-02-05"]').boundingBox();
  assert.ok(a && b);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => location.hash.includes('to=2012-02-05'));
  assert.match(await page.evaluate(() => location.hash), /from=2012-02-04/);
  await page.locator('#events tbody tr').first().waitFor();
  const d2 = await page.locator('#events tbody tr td:first-child').allInnerTexts();
  assert.equal(d2.length, events.filter((e) => e.date! >= '2012-02-04' && e.date! <= '2012-02-05').length);
  await shot('brushed');
});

test('event table: sortable, rows link to the sentence in the article view', { skip }, async () => {
  await open('#/');
  await page.locator('#events tbody tr').first().waitFor();
  await page.locator('#events th[data-key="goldstein"] button').click();
  const g = (await page.locator('#events tbody tr td.num').allInnerTexts()).map(Number);
  assert.deepEqual(
    g,
    [...g].sort((x, y) => x - y),
  );
  assert.equal(g[0], Math.min(...events.map((e) => e.goldstein)));
  assert.equal(await page.getByRole('button', { name: 'Load more' }).isVisible(), false, 'no more pages');
  const href = await page.locator('#events a[href="/api/events?format=csv&limit=100000"]').count();
  assert.equal(href, 1, 'export link for the current filter');
  await page.locator('#events tr[data-article="fx-veto"][data-event="E2"] a').click();
  await page.locator('.article-view').waitFor();
  const focused = page.locator('.sent.focus');
  assert.match(await focused.innerText(), /shelled the city of Homs/);
});

test(
  'article view: highlighted mentions, places, times, quotes, triggers; hover shows the event',
  { skip },
  async () => {
    const t0 = Date.now();
    await open('#/article/fx-veto');
    await page.locator('.article-view .article-text').waitFor();
    const firstRender = Date.now() - t0;
    assert.ok(firstRender < 1000, `first render ${firstRender} ms`);
    const texts = async (sel: string): Promise<string[]> => page.locator(sel).allInnerTexts();
    assert.ok((await texts('.article-text .hl-actor')).includes('Russia'));
    assert.ok((await texts('.article-text .hl-actor')).includes('Sergei Lavrov'));
    assert.ok((await texts('.article-text .hl-place')).includes('Homs'));
    assert.ok((await texts('.article-text .hl-time')).includes('Saturday'));
    assert.match((await texts('.article-text .hl-quote')).join(''), /We cannot accept interference/);
    assert.deepEqual(await texts('.article-text .hl-trigger'), ['vetoed', 'shelled', 'condemned']);
    // distinct colours
    const bg = (sel: string): Promise<string> =>
      page
        .locator(sel)
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    const colours = [
      await bg('.article-text .hl-actor'),
      await bg('.article-text .hl-place'),
      await bg('.article-text .hl-time'),
    ];
    assert.equal(new Set(colours).size, 3, colours.join(' '));
    const trig = await page
      .locator('.article-text .hl-trigger')
      .first()
      .evaluate((e) => getComputedStyle(e).color);
    const quote = await page
      .locator('.article-text .hl-quote')
      .first()
      .evaluate((e) => getComputedStyle(e).color);
    assert.notEqual(trig, quote);
    // hover an event trigger → code, label, source → target, mode, date, place
    await page.locator('.hl-trigger[data-event="E2"]').hover();
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    const tt = await tip.innerText();
    for (const want of ['195', 'Employ aerial weapons', 'SYRMIL', '→', 'SYR', 'actual', '2012-02-04', 'Homs'])
      assert.ok(tt.includes(want), `tooltip has ${want}: ${tt}`);
    // side panel
    assert.equal(await page.locator('.side-panel .event-item').count(), 3);
    assert.match(await page.locator('.side-panel .quote-item').innerText(), /Sergei Lavrov/);
    await shot('article');
    // keyboard: focus a trigger and press Enter → its event is selected in the side panel
    await page.locator('.hl-trigger[data-event="E3"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.side-panel .event-item.selected').getAttribute('data-event'), 'E3');
  },
);

test('HTML in article text is inert', { skip }, async () => {
  await page.evaluate(() => delete (window as unknown as { __pwned?: number }).__pwned);
  await open('#/article/fx-baghdad');
  await page.locator('.article-view .article-text').waitFor();
  const text = await page.locator('.article-text').innerText();
  assert.ok(text.includes('<script>window.__pwned = 1</script>'), 'script tag shown as text');
  assert.ok(text.includes('<img src=x onerror="window.__pwned = 2">'), 'img tag shown as text');
  assert.equal(await page.locator('.article-view script, .article-view img').count(), 0);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  await shot('article-html-inert');
});

test('articles: full-text search finds the articles that mention Iraq', { skip }, async () => {
  await open('#/articles?q=Iraq');
  await page.locator('.article-list li').first().waitFor();
  const titles = await page.locator('.article-list li a').allInnerTexts();
  const want = SPECS.filter((s) => /\bIraq/.test(fixtureText(s.file))).map(
    (s) => fixtureText(s.file).split('\n')[0],
  );
  assert.deepEqual(titles.sort(), want.sort());
  await page.getByText('See the events of these articles').click();
  await page.locator('.map-svg .point').first().waitFor();
  const places = await page
    .locator('.map-svg .point')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
  assert.deepEqual(places, ['Baghdad']);
});

test(
  'paste and analyse: the pasted article comes back highlighted; pasted HTML tags stay text',
  { skip },
  async () => {
    await open('#/analyze');
    await page.locator('#paste').fill(fixtureText('recall.txt'));
    await page.locator('#paste-published').fill('2012-02-06');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('.analysis .article-view').waitFor();
    assert.deepEqual(await page.locator('.analysis .article-text .hl-trigger').allInnerTexts(), [
      'recalled',
      'also recalled',
    ]);
    assert.ok((await page.locator('.analysis .article-text .hl-place').allInnerTexts()).includes('Damascus'));
    // the pasted article's own events on a timeline, a map and a network
    assert.equal(
      await page.locator('#summary-timeline .bar[data-date="2012-02-06"]').getAttribute('data-count'),
      '2',
    );
    assert.equal(
      await page.locator('#summary-map .point[data-place="Damascus"]').getAttribute('data-count'),
      '2',
    );
    for (const s of ['FRA', 'ITA'])
      assert.equal(
        await page.locator(`#summary-network .edge[data-source="${s}"][data-target="SYR"]`).count(),
        1,
      );
    await page.locator('#summary-network .edge[data-source="ITA"]').focus();
    await page.keyboard.press('Enter');
    assert.match(await page.locator('.summary .detail').innerText(), /ITA → SYR/);
    await shot('analyze');
    await page
      .locator('#paste')
      .fill(
        'Officials said <script>window.__pwned = 3</script> was posted.\n\n<b onmouseover="window.__pwned=4">Bold</b> claims were denied on Monday.',
      );
    await page.locator('#paste-kind').selectOption('text');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByText('<script>window.__pwned = 3</script>', { exact: false }).waitFor();
    assert.equal(await page.locator('.analysis b, .analysis script').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  },
);

test('phone width: no horizontal scrolling, views stack', { skip }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    for (const hash of ['#/', '#/article/fx-veto']) {
      await open(hash);
      await page.waitForSelector(hash === '#/' ? '#events tbody tr' : '.article-text');
      const [sw, cw] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(sw <= cw + 1, `${hash}: page ${sw}px wide in a ${cw}px viewport`);
    }
    await shot('phone-article');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('empty store: every view renders with empty layers', { skip }, async () => {
  const emptyDb = join(dir, 'empty.db');
  const empty = await startServer({
    db: emptyDb,
    port: 0,
    host: '127.0.0.1',
    token: null,
    analyzer: {
      analyze: () => {
        throw new Error('unused');
      },
    },
  });
  try {
    await page.goto(`${empty.url}/#/`);
    await page.getByText('No dated events match the filter.').waitFor();
    await page.getByText('No coded dyads match the filter.').waitFor();
    await page.locator('.map-svg path.country').first().waitFor();
    assert.equal(await page.locator('.map-svg .point').count(), 0);
    await shot('empty');
  } finally {
    await empty.close();
  }
});

test('no script errors or CSP violations in any view', { skip }, () => {
  assert.deepEqual(problems, []);
});
