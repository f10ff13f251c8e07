import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline } from '../../src/pipeline.js';

const bare = new Pipeline({ only: [] });
const annotate = (text: string) => bare.annotate({ text, origin: 'test' });

test('token offsets point into the text', () => {
  const doc = annotate('Russia’s foreign minister met the U.S. envoy in al-Bab.\n\nTalks went on.');
  for (const t of doc.tokens) assert.equal(doc.text.slice(t.start, t.end), t.text);
  assert.ok(doc.tokens.some((t) => t.text === '’s' && t.pos === 'PART'));
});

test('abbreviations do not end sentences; paragraphs do', () => {
  const doc = annotate(
    'Mr Smith and Mr. Jones met U.S. officials on Feb. 7 in Washington. They talked.\n\nA new paragraph without a full stop\n\nAnother one.',
  );
  const sents = doc.sentences.map((s) => doc.slice(s));
  assert.deepEqual(sents, [
    'Mr Smith and Mr. Jones met U.S. officials on Feb. 7 in Washington.',
    'They talked.',
    'A new paragraph without a full stop',
    'Another one.',
  ]);
  assert.deepEqual(
    doc.sentences.map((s) => s.para),
    [0, 0, 1, 2],
  );
});

test('each token knows its sentence', () => {
  const doc = annotate('One sentence here. Another one there.');
  const second = doc.tokens.filter((t) => t.sent === 1).map((t) => t.text);
  assert.deepEqual(second, ['Another', 'one', 'there', '.']);
  assert.equal(doc.sentenceAt(doc.text.indexOf('there')), 1);
  assert.equal(doc.tokens[doc.tokenAt(doc.text.indexOf('there'))]!.text, 'there');
});

test('paragraphs are lines when the text has no blank lines', () => {
  const doc = annotate('First paragraph line.\nSecond paragraph line.');
  assert.equal(doc.paragraphs.length, 2);
  assert.equal(doc.sentences.length, 2);
});
