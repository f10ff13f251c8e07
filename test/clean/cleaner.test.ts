import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Cleaner } from '../../src/clean/cleaner.js';
import { FIXTURES } from '../helpers.js';

test('cruft lines are removed and each removal is logged with its reason', () => {
  const raw = readFileSync(join(FIXTURES, 'text', 'cruft-lines.txt'), 'utf8');
  const { text, removed } = Cleaner.load().clean(raw);
  for (const cruft of [
    'Hide Ad',
    'Advertisement',
    'Share this article',
    'Read more',
    'Photo: County Council',
  ]) {
    assert.ok(!text.split('\n').includes(cruft), cruft);
  }
  const byText = Object.fromEntries(removed.map((r) => [r.text, r]));
  assert.equal(byText['Hide Ad']?.count, 2);
  assert.equal(byText['Hide Ad']?.reason, 'advertisement');
  assert.equal(byText['Share this article']?.reason, 'sharing');
  assert.equal(byText['Photo: County Council']?.reason, 'photo-credit');
  // every story line survives, and no run of blank lines is left behind
  for (const line of raw.split('\n').filter((l) => l.length > 40)) assert.ok(text.includes(line), line);
  assert.ok(!/\n\s*\n\s*\n/.test(text));
});

test('a sentence of the story is never removed, even when a rule would match it', () => {
  const cleaner = Cleaner.load();
  const raw = 'Title\n\nRead more about the minister and his plans for the economy here.\n\nSubscribe';
  const { text, removed } = cleaner.clean(raw);
  assert.match(text, /Read more about the minister/);
  assert.deepEqual(
    removed.map((r) => r.text),
    ['Subscribe'],
  );
});

test('short lines repeated across a page are furniture', () => {
  const raw =
    'Top story\n\nA long paragraph about the vote in parliament today.\n\nMost watched\n\nMore text here.\n\nMost watched\n\nMost watched';
  const { text, removed } = Cleaner.load().clean(raw);
  assert.ok(!text.includes('Most watched'));
  assert.deepEqual(removed, [{ text: 'Most watched', reason: 'repeated-line', count: 3 }]);
});

test('users add their own rules as data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-'));
  const rules = join(dir, 'mine.tsv');
  writeFileSync(rules, '# site-specific\nsite-promo\tdownload our app.*\n');
  const raw = 'The council met on Monday.\n\nDownload our app for the latest news';
  assert.match(Cleaner.load().clean(raw).text, /Download our app/);
  const { text, removed } = Cleaner.load([rules]).clean(raw);
  assert.equal(text, 'The council met on Monday.');
  assert.equal(removed[0]?.reason, 'site-promo');
});

test('a broken rule file is reported with file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-'));
  const rules = join(dir, 'bad.tsv');
  writeFileSync(rules, 'ok\tfine\nbroken\t(unclosed\n');
  assert.throws(() => Cleaner.load([rules]), /bad\.tsv:2: bad pattern/);
});
