import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readInputs } from '../../src/ingest/read.js';
import type { Item } from '../../src/ingest/read.js';
import { InputError } from '../../src/ingest/decode.js';
import type { Article } from '../../src/ingest/article.js';
import { FIXTURES } from '../helpers.js';

async function all(paths: string[], opts = {}): Promise<Item[]> {
  const out: Item[] = [];
  for await (const x of readInputs(paths, opts)) out.push(x);
  return out;
}
const article = (x: Item | undefined): Article => {
  assert.ok(
    x && !(x instanceof InputError),
    `expected an article, got ${x instanceof InputError ? x.message : x}`,
  );
  return x as Article;
};
const error = (x: Item | undefined): InputError => {
  assert.ok(x instanceof InputError, 'expected an input error');
  return x;
};

test('plain text: first line detected as headline, text kept whole', async () => {
  const [a] = await all([join(FIXTURES, 'text', 'plain-utf8.txt')]);
  assert.equal(article(a).title, 'Minister visits the capital');
  assert.ok(article(a).text.startsWith('Minister visits the capital\n\nThe foreign minister'));
});

test('UTF-8 with BOM and Windows-1252 decode to the same characters', async () => {
  const [bom, latin] = await all([
    join(FIXTURES, 'text', 'bom-utf8.txt'),
    join(FIXTURES, 'text', 'latin1.txt'),
  ]);
  assert.equal(article(bom).title, 'Café owners protest new tax');
  assert.equal(article(latin).title, 'Café owners protest new tax');
  assert.match(article(latin).text, /it was “unfair” and/);
});

test('bad inputs each give an error naming the input and the reason', async () => {
  const dir = FIXTURES;
  const items = await all([
    join(dir, 'text', 'empty.txt'),
    join(dir, 'text', 'binary.txt'),
    join(dir, 'text', 'german.txt'),
    join(dir, 'html', 'no-article.html'),
    join(dir, 'does-not-exist.txt'),
  ]);
  const msgs = items.map((x) => error(x).message);
  assert.match(msgs[0]!, /empty\.txt: empty file/);
  assert.match(msgs[1]!, /binary\.txt: binary data/);
  assert.match(msgs[2]!, /german\.txt: does not look like English/);
  assert.match(msgs[3]!, /no-article\.html: no article text/);
  assert.match(msgs[4]!, /does-not-exist\.txt: cannot read: ENOENT/);
});

test('non-English text is accepted with anyLanguage', async () => {
  const [a] = await all([join(FIXTURES, 'text', 'german.txt')], { anyLanguage: true });
  assert.match(article(a).text, /Regierung/);
});

test('files over the size limit are refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-'));
  const f = join(dir, 'big.txt');
  writeFileSync(f, 'word '.repeat(3000));
  const [x] = await all([f], { maxBytes: 10_000 });
  assert.match(error(x).message, /big\.txt: file too large \(0\.0 MB; the limit is 0\.0 MB/);
});

test('JSONL: one item per record in order, ids kept, date alias, errors name the line', async () => {
  const items = await all([join(FIXTURES, 'jsonl', 'mixed.jsonl')]);
  assert.equal(items.length, 6);
  const a1 = article(items[0]);
  assert.equal(a1.id, 'a1');
  assert.equal(a1.title, 'Talks resume');
  assert.equal(a1.published, '2020-03-02');
  assert.match(error(items[1]).message, /mixed\.jsonl:2: malformed JSON/);
  const a3 = article(items[2]);
  assert.equal(a3.published, '2021-07-11');
  assert.match(a3.text, /old bridge over the river reopened/);
  assert.match(error(items[3]).message, /mixed\.jsonl:4: record has neither "text" nor "html"/);
  assert.match(error(items[4]).message, /mixed\.jsonl:5: "published" is not a date/);
  assert.equal(article(items[5]).id, 'a6');
});

test('HTML: story paragraphs and metadata only — no nav, share, cookie, ads or comments', async () => {
  const [x] = await all([join(FIXTURES, 'html', 'story-with-cruft.html')]);
  const a = article(x);
  assert.equal(a.title, 'Harbour strike ends after three weeks');
  assert.equal(a.published, '2023-05-14');
  assert.equal(a.source, 'The Coastal Courier');
  assert.equal(a.url, 'https://courier.example/news/harbour-strike-ends');
  for (const s of [
    'Dock workers in the port of Marlow Bay',
    'container traffic',
    'Ellen Marsh',
    'backlog to clear',
  ]) {
    assert.ok(a.text.includes(s), s);
  }
  for (const s of [
    'cookies',
    'Sport',
    'Share on',
    'Related stories',
    'Great news for the town',
    'All rights reserved',
  ]) {
    assert.ok(!a.text.includes(s), `should not contain ${s}`);
  }
});

test('malformed HTML still yields its paragraphs', async () => {
  const [x] = await all([join(FIXTURES, 'html', 'malformed.html')]);
  const a = article(x);
  assert.match(a.text, /arrested four men/);
  assert.match(a.text, /appear in court/);
  assert.match(a.text, /electrical goods/);
});

test('folders are read recursively in a stable order', async () => {
  const items = await all([join(FIXTURES, 'text')]);
  const origins = items.map((x) => (x instanceof InputError ? x.origin : x.origin));
  assert.deepEqual(origins, [...origins].sort());
  assert.equal(items.length, 7);
});
