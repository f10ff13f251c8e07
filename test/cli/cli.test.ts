// Golden end-to-end tests of the command line, run as a user would run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { CLI, FIXTURES, ROOT, SHARED } from '../helpers.js';
import type { Result } from '../../src/result.js';

const SEED = join(SHARED, 'examples', 'seed-homs-2012.txt');
const BBC = join(SHARED, 'corpus', 'bbc.jsonl');

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test(
  'analyze the seed article: headline as title, cruft gone and logged, no sentence lost',
  { skip: !existsSync(SEED) },
  () => {
    const { code, out } = sitrep(['analyze', SEED, '--published', '2012-02-07']);
    assert.equal(code, 0);
    const r = JSON.parse(out) as Result;
    assert.equal(r.title, 'Syria: Russian minister calls for peace as bombardment of Homs continues');
    assert.equal(r.published, '2012-02-07');
    assert.ok(!r.text.includes('Hide Ad'));
    assert.deepEqual(r.removed, [{ text: 'Hide Ad', reason: 'advertisement', count: 4 }]);
    const original = readFileSync(SEED, 'utf8');
    for (const line of original.split('\n').map((l) => l.trim())) {
      if (line && line !== 'Hide Ad') assert.ok(r.text.includes(line), `lost: ${line}`);
    }
    for (const s of r.sentences) assert.ok(s.end > s.start && s.end <= r.text.length);
    for (const key of ['entities', 'actors', 'places', 'times', 'events', 'quotes', 'figures'] as const) {
      assert.ok(Array.isArray(r[key]), key);
    }
  },
);

test('analyze several inputs prints JSON Lines in input order, with an error line for a bad record', () => {
  const { code, out, err } = sitrep(['analyze', join(FIXTURES, 'jsonl', 'mixed.jsonl')]);
  assert.equal(code, 1, 'a failed record makes the exit code non-zero');
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id?: string; error?: string });
  assert.deepEqual(
    lines.map((l) => l.id ?? 'error'),
    ['a1', 'error', 'a3', 'error', 'error', 'a6'],
  );
  assert.match(err, /mixed\.jsonl:2: malformed JSON/);
  assert.match(err, /mixed\.jsonl:6: same text as .*mixed\.jsonl:1/);
});

test('analyze reads standard input and prints a readable view', () => {
  const { code, out } = sitrep(
    ['analyze', '-', '--format', 'pretty'],
    'Storm closes schools\n\nSchools across the county were closed on Monday as a storm brought heavy snow, officials said.\n\nHide Ad\n',
  );
  assert.equal(code, 0);
  assert.match(out, /^Storm closes schools/);
  assert.match(out, /1× "Hide Ad" \(advertisement\)/);
});

test('bad inputs: one clear line each, the rest of the batch still runs', () => {
  const files = ['empty.txt', 'binary.txt', 'german.txt', 'plain-utf8.txt'].map((f) =>
    join(FIXTURES, 'text', f),
  );
  const { code, out, err } = sitrep([
    'analyze',
    '--format',
    'pretty',
    ...files,
    join(FIXTURES, 'missing.txt'),
  ]);
  assert.equal(code, 1);
  assert.match(out, /Minister visits the capital/);
  const lines = err.trim().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0]!, /empty\.txt: empty file/);
  assert.match(lines[1]!, /binary\.txt: binary data/);
  assert.match(lines[2]!, /german\.txt: does not look like English/);
  assert.match(lines[3]!, /missing\.txt: cannot read/);
});

test('wrong usage explains itself', () => {
  const r = sitrep(['analyze', SEED, '--published', '7 Feb 2012']);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /YYYY-MM-DD/);
});

test(
  'ingest is idempotent, survives SIGINT midway, and reads back',
  { skip: !existsSync(BBC), timeout: 300_000 },
  async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sitrep-')), 'bbc.db');
    // interrupt a first run once it has stored something
    const child = spawn(process.execPath, [CLI, 'ingest', BBC, '--db', db], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 200));
      if (!existsSync(db)) continue;
      try {
        const n = new Database(db, { readonly: true }).prepare('SELECT COUNT(*) n FROM articles').get() as {
          n: number;
        };
        if (n.n > 50) break;
      } catch {
        // the database is still being created
      }
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted after/);

    const second = sitrep(['ingest', BBC, '--db', db]);
    assert.equal(second.code, 0, second.err);
    const third = sitrep(['ingest', BBC, '--db', db]);
    assert.equal(third.code, 0);
    assert.match(third.err, /done: 2060 unchanged, 35 duplicate/);

    const conn = new Database(db, { readonly: true });
    const q = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
    assert.equal(q('SELECT COUNT(*) n FROM articles'), 2060);
    assert.equal(q('SELECT COUNT(DISTINCT content_hash) n FROM articles'), 2060);
    assert.equal(q('SELECT COUNT(*) n FROM articles') + q('SELECT COUNT(*) n FROM article_aliases'), 2095);
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    conn.close();

    const list = sitrep(['articles', '--db', db, '-q', 'Iraq', '--limit', '5']);
    assert.equal(list.out.trim().split('\n').length, 5);
    const id = list.out.split('\t')[0]!;
    const show = sitrep(['show', id, '--db', db, '--format', 'json']);
    assert.equal((JSON.parse(show.out) as Result).id, id);
    assert.match(sitrep(['show', 'nope', '--db', db]).err, /no article "nope"/);
  },
);

test('export writes the stored events as CSV, GDELT TSV and JSON lines', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'sitrep-export-')), 'x.db');
  const example = join(ROOT, 'examples', 'ceasefire.txt');
  assert.equal(sitrep(['ingest', example, '--db', db, '--published', '2016-02-08']).code, 0);

  const csv = sitrep(['export', '--db', db, '--format', 'csv']);
  assert.equal(csv.code, 0);
  const [header, ...rows] = csv.out.trim().split('\n');
  const cols = header!.split(',');
  assert.equal(cols[0], 'article_id');
  assert.ok(rows.length >= 2, csv.out);
  const shelling = rows.map((r) => r.split(',')).find((r) => r[cols.indexOf('code')]!.startsWith('19'));
  assert.ok(shelling, 'the shelling of Aleppo is exported');
  assert.equal(shelling[cols.indexOf('source_code')], 'SYRMIL');
  assert.equal(shelling[cols.indexOf('place_name')], 'Aleppo');
  assert.equal(shelling[cols.indexOf('date')], '2016-02-07');
  assert.match(csv.err, new RegExp(`^${rows.length} events exported`));

  // GDELT: actual events only, 61 columns, no header
  const gdelt = sitrep(['export', '--db', db, '--format', 'gdelt']).out.replace(/\n$/, '').split('\n');
  assert.ok(gdelt.every((l) => l.split('\t').length === 61));
  assert.ok(gdelt.length <= rows.length);

  const json = sitrep(['export', '--db', db, '--format', 'json']).out.trim().split('\n');
  assert.equal(json.length, rows.length);
  assert.equal((JSON.parse(json[0]!) as { article: { id: string } }).article.id.length > 0, true);
});
