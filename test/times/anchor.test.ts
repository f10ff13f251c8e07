// Event dating: eventDate() and anchoredRelations() on sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchoredRelations, eventDate, valueToDate } from '../../src/times/index.js';
import { annotate } from './helpers.js';

const span = (text: string, words: string): { start: number; end: number } => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
};

test('"N days after Y": Y lies N days before the anchor', () => {
  const text = 'The visit came three days after a veto of the resolution angered the region.';
  const doc = annotate(text);
  const rels = anchoredRelations(doc, 0);
  assert.equal(rels.length, 1);
  const r = rels[0]!;
  assert.equal(doc.slice(r.trigger), 'three days after');
  assert.equal(doc.slice(r.anchorSide), 'The visit came');
  assert.ok(doc.slice(r.relativeSide).startsWith('a veto of the resolution'));
  assert.equal(r.offsetDays, -3);
  const veto = eventDate(doc, span(text, 'a veto of the resolution'), { date: '2012-02-07' });
  assert.equal(veto.date, '2012-02-04');
  assert.equal(veto.precision, 'day');
});

test('"a day after" and "a week before"', () => {
  const text = 'Spain closed its embassy today, a day after Norway took the same step.';
  const doc = annotate(text);
  assert.equal(
    eventDate(doc, span(text, 'Norway took the same step'), { date: '2012-02-07' }).date,
    '2012-02-06',
  );
  // the main clause has its own date
  assert.equal(
    eventDate(doc, span(text, 'Spain closed its embassy today'), { date: null }).date,
    '2012-02-07',
  );
  const text2 = 'The talks ended two weeks before the army attacked.';
  const doc2 = annotate(text2);
  assert.equal(eventDate(doc2, span(text2, 'the army attacked'), { date: '2012-02-01' }).date, '2012-02-15');
});

test('a fronted distance: "Two days after the election, protests erupted."', () => {
  const text = 'Two days after the election, protests erupted in the capital.';
  const doc = annotate(text);
  const [r] = anchoredRelations(doc, 0);
  assert.ok(r);
  assert.equal(doc.slice(r.relativeSide), 'the election');
  assert.equal(doc.slice(r.anchorSide), 'protests erupted in the capital');
  assert.equal(eventDate(doc, span(text, 'the election'), { date: '2012-02-07' }).date, '2012-02-05');
  // no distance: no relation
  assert.equal(anchoredRelations(annotate('After the election, protests erupted.'), 0).length, 0);
});

test('own time expressions win; month precision; no anchor → unknown', () => {
  const text = 'Sanctions will be agreed on February 27. The revolt began in March.';
  const doc = annotate(text);
  const feb = eventDate(doc, span(text, 'Sanctions will be agreed on February 27'), { date: null });
  assert.deepEqual([feb.date, feb.precision], ['2012-02-27', 'day']);
  const mar = eventDate(doc, span(text, 'The revolt began in March'), { date: '2012-02-07' });
  assert.deepEqual([mar.date, mar.precision], ['2011-03', 'month']);
  const none = eventDate(annotate('Troops attacked.'), { start: 0, end: 15 }, { date: null });
  assert.deepEqual([none.date, none.precision], [null, 'unknown']);
  const anchor = eventDate(annotate('Troops attacked.'), { start: 0, end: 15 }, { date: '2012-02-07' });
  assert.deepEqual([anchor.date, anchor.precision], ['2012-02-07', 'day']);
});

test('valueToDate maps TIMEX values to event dates', () => {
  assert.deepEqual(valueToDate('2012-02-06TNI', null), { date: '2012-02-06', precision: 'day' });
  assert.deepEqual(valueToDate('2011-Q3', null), { date: '2011', precision: 'year' });
  assert.deepEqual(valueToDate('2012-W05', null), { date: '2012-02', precision: 'month' });
  assert.deepEqual(valueToDate('PRESENT_REF', '2012-02-07'), { date: '2012-02-07', precision: 'day' });
  assert.deepEqual(valueToDate('P3D', '2012-02-07'), { date: null, precision: 'unknown' });
});

test('a dateline gives the publication date when the article has none', () => {
  const doc = annotate('WASHINGTON, Feb. 7, 2012 (AP) — Troops left the city yesterday.', null);
  assert.equal(doc.meta.published, '2012-02-07');
  assert.equal(doc.times.find((t) => t.text === 'yesterday')?.value, '2012-02-06');
  assert.ok(doc.warnings.some((w) => w.includes('dateline')));
  const doc2 = annotate('Published: 7 February 2012\n\nThe talks failed today.', null);
  assert.equal(doc2.meta.published, '2012-02-07');
  assert.equal(
    annotate('Damascus, Syria, 7 February 2012 - Shelling went on.', null).meta.published,
    '2012-02-07',
  );
  // a date inside the story is no dateline
  const doc3 = annotate('The treaty signed on 7 February 1992 still stands.', null);
  assert.equal(doc3.meta.published, null);
});
