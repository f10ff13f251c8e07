// The times stage on short sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Time } from '../../src/result.js';
import { annotate } from './helpers.js';

/** the time whose text is `words` */
function time(text: string, words: string, published: string | null = '2012-02-07'): Time {
  const doc = annotate(text, published);
  const t = doc.times.find((x) => x.text === words);
  assert.ok(t, `no time "${words}" in: ${JSON.stringify(doc.times.map((x) => x.text))}`);
  assert.equal(doc.text.slice(t.start, t.end), t.text);
  return t;
}

const v = (text: string, words: string, published: string | null = '2012-02-07'): string =>
  time(text, words, published).value;

test('today, yesterday, tomorrow take the publication date', () => {
  assert.equal(v('The army shelled the town today.', 'today'), '2012-02-07');
  assert.equal(v('Rebels retreated yesterday.', 'yesterday'), '2012-02-06');
  assert.equal(v('Talks resume tomorrow.', 'tomorrow'), '2012-02-08');
});

test('a month and day without a year: the tense of the clause picks the year', () => {
  assert.equal(v('Ministers will meet on February 27 in Brussels.', 'February 27'), '2012-02-27');
  assert.equal(v('The ceasefire collapsed on December 3.', 'December 3'), '2011-12-03');
  assert.equal(v('The talks are expected to resume on March 4.', 'March 4'), '2012-03-04');
  // past tense, month after the publication month → last year
  assert.equal(v('The protests began in March.', 'March'), '2011-03');
  // future tense, month before the publication month → next year
  assert.equal(v('Elections will be held in January.', 'January'), '2013-01');
  assert.equal(v('Since the revolt started in April, thousands fled.', 'April'), '2011-04');
});

test('a deadline preposition looks for the nearest date', () => {
  assert.equal(v('The offer was extended to Feb. 20.', 'Feb. 20'), '2012-02-20');
});

test('weekdays: past clauses look back, future clauses ahead', () => {
  // 2012-02-07 is a Tuesday
  assert.equal(v('Troops entered the city on Sunday.', 'Sunday'), '2012-02-05');
  assert.equal(v('The envoy will arrive on Friday.', 'Friday'), '2012-02-10');
  assert.equal(v('The minister resigned last Tuesday.', 'last Tuesday'), '2012-01-31');
  assert.equal(v('Police said on Tuesday that two men died.', 'Tuesday'), '2012-02-07');
  // present simple plans ahead; a possessive weekday reports
  assert.equal(v('The summit starts on Sunday.', 'Sunday'), '2012-02-12');
  assert.equal(v("The vote follows Sunday's clash.", 'Sunday'), '2012-02-05');
});

test('a weekday with a date fixes the year', () => {
  assert.equal(v('The paper said on Saturday, February 11: no.', 'Saturday, February 11'), '2012-02-11');
  assert.equal(v('It was signed on Friday, March 4.', 'Friday, March 4'), '2011-03-04');
});

test('relative periods', () => {
  assert.equal(v('Exports fell this year.', 'this year'), '2012');
  assert.equal(v('Exports fell last year.', 'last year'), '2011');
  assert.equal(v('The vote is due next month.', 'next month'), '2012-03');
  assert.equal(v('Fighting flared last week.', 'last week'), '2012-W05');
  assert.equal(v('Prices rose in the past year.', 'the past year'), '2011');
  assert.equal(v('He fled last May.', 'last May'), '2011-05');
  assert.equal(v('Sales rose in the third quarter.', 'the third quarter'), '2011-Q3');
  assert.equal(v('Profit fell in the fourth quarter of 2010.', 'the fourth quarter of 2010'), '2010-Q4');
  assert.equal(v('Crops fail in the summer of 2009.', 'the summer of 2009'), '2009-SU');
});

test('modifiers: early, late, mid, the end of', () => {
  const t = time('The UN said early last month that 5,000 died.', 'early last month');
  assert.equal(t.value, '2012-01');
  assert.equal(t.mod, 'START');
  const e = time('A deal is possible by the end of the year.', 'the end of the year');
  assert.equal(e.value, '2012');
  assert.equal(e.mod, 'END');
  const m = time('Voting ends in mid-April.', 'mid-April');
  assert.equal(m.mod, 'MID');
});

test('years, decades, centuries, spelled years', () => {
  assert.equal(v('He was elected in 2004.', '2004'), '2004');
  assert.equal(v('It was built in the 1990s.', 'the 1990s'), '199');
  assert.equal(v('Such wars marked the 20th century.', 'the 20th century'), '19');
  assert.equal(v('It opened in nineteen ninety-six.', 'nineteen ninety-six'), '1996');
  // numbers that are not years
  assert.equal(annotate('About 2000 people marched.').times.length, 0);
});

test('ago and anchored distances', () => {
  assert.equal(v('The war began two years ago.', 'two years ago'), '2010');
  assert.equal(v('He left 10 days ago.', '10 days ago'), '2012-01-28');
  const d = annotate('Profit rose in the second quarter. A year earlier it fell.');
  assert.equal(d.times.find((t) => t.text === 'the second quarter')?.value, '2011-Q2');
  assert.equal(d.times.find((t) => t.text === 'A year earlier')?.value, '2010-Q2');
  // "three days later" is a distance (TimeML): a duration
  assert.equal(v('The army came back. Three days later the town fell.', 'Three days'), 'P3D');
});

test('durations', () => {
  const d = time('Fighting lasted three days.', 'three days');
  assert.equal(d.type, 'DURATION');
  assert.equal(d.value, 'P3D');
  assert.equal(v('He was held for two weeks.', 'two weeks'), 'P2W');
  assert.equal(v('It was a 10-year plan.', '10-year'), 'P10Y');
  assert.equal(v('Talks took 2 1/2 years.', '2 1/2 years'), 'P2Y6M');
  assert.equal(v('The siege lasted several months.', 'several months'), 'PXM');
  assert.equal(v('The strike lasted nearly four hours.', 'nearly four hours'), 'PT4H');
  assert.equal(time('The strike lasted nearly four hours.', 'nearly four hours').mod, 'APPROX');
  // ages are not durations
  assert.equal(annotate('A 52-year-old man was hurt.').times.length, 0);
});

test('sets', () => {
  const s = time('The council meets every Monday.', 'every Monday');
  assert.equal(s.type, 'SET');
  assert.equal(s.value, 'XXXX-WXX-1');
  assert.equal(v('The fee is paid annually.', 'annually'), 'P1Y');
  assert.equal(v('Patrols run twice a week.', 'a week'), 'P1W');
  // an adjective before a noun is not a set
  assert.equal(annotate('The daily newspaper closed.').times.length, 0);
});

test('reference words', () => {
  assert.equal(v('The city is now calm.', 'now'), 'PRESENT_REF');
  assert.equal(v('He recently met the king.', 'recently'), 'PAST_REF');
});

test('times of day, clock times through chrono', () => {
  const t = time('The blast hit at 7:15 p.m. on Monday.', '7:15 p.m. on Monday');
  assert.equal(t.type, 'TIME');
  assert.equal(t.value, '2012-02-06T19:15');
  assert.equal(v('Shelling resumed this morning.', 'this morning'), '2012-02-07TMO');
  assert.equal(v('Gunfire was heard last night.', 'last night'), '2012-02-06TNI');
});

test('May and March are months only in a date context', () => {
  assert.equal(annotate('He may resign. They march on the city.').times.length, 0);
  assert.equal(v('The vote was held in May.', 'May'), '2011-05');
});

test('no publication date: never the clock, unknown parts are X', () => {
  assert.equal(v('Ministers will meet on February 27.', 'February 27', null), 'XXXX-02-27');
  assert.equal(v('Rebels retreated yesterday.', 'yesterday', null), 'XXXX-XX-XX');
  assert.equal(v('The army shelled the town today.', 'today', null), 'PRESENT_REF');
  assert.equal(v('Exports fell last year.', 'last year', null), 'XXXX');
  assert.equal(v('It was signed on March 1, 2011.', 'March 1, 2011', null), '2011-03-01');
});
