import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConll } from '../../src/eval/names.js';

// A CoNLL fragment written for this test: two stories, each a headline and a dateline.
const SAMPLE = [
  'FOOTBALL O',
  '- O',
  'ARSENAL B-ORG',
  'WIN O',
  '',
  'LONDON B-LOC',
  '2001-05-02 O',
  '',
  'Jane B-PER',
  'Doe I-PER',
  'scored O',
  'for O',
  'Arsenal B-ORG',
  '. O',
  '',
  'MARKETS O',
  'CALM O',
  '',
  'PARIS B-LOC',
  '2001-05-03 O',
  '',
  'The O',
  'French B-MISC',
  'bourse O',
  'in O',
  'Paris B-LOC',
  'rose O',
  '. O',
  '',
].join('\n');

test('readConll: stories split at datelines, entities as character spans, MISC dropped', () => {
  const docs = readConll(SAMPLE);
  assert.equal(docs.length, 2);
  const [a, b] = docs;
  assert.equal(a!.text.split('\n')[0], 'FOOTBALL - ARSENAL WIN');
  assert.deepEqual(
    a!.entities.map((e) => [e.text, e.type]),
    [
      ['ARSENAL', 'ORG'],
      ['LONDON', 'LOC'],
      ['Jane Doe', 'PER'],
      ['Arsenal', 'ORG'],
    ],
  );
  for (const e of a!.entities) assert.equal(a!.text.slice(e.start, e.end), e.text);
  assert.ok(b!.text.startsWith('MARKETS CALM\nPARIS 2001-05-03'));
  assert.deepEqual(
    b!.entities.map((e) => e.text),
    ['PARIS', 'Paris'],
  );
});

test('readConll: -DOCSTART- lines split documents when present', () => {
  const docs = readConll(`-DOCSTART- O\n\nA B-PER\n\n-DOCSTART- O\n\nB B-LOC\n`);
  assert.equal(docs.length, 2);
  assert.equal(docs[1]!.entities[0]!.type, 'LOC');
});
