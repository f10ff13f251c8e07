import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Doc } from '../../src/text/doc.js';
import { paragraphs } from '../../src/text/paragraphs.js';
import { tokenize } from '../../src/text/tokenize.js';
import { ActorsStage, loadDictionary, loadKnowledgeBase, pickRow } from '../../src/actors/index.js';
import { FIXTURES } from '../helpers.js';

const kb = loadKnowledgeBase({
  dictionaries: [join(FIXTURES, 'actors', 'user.tsv'), join(FIXTURES, 'actors', 'orgs-user.tsv')],
});
const stage = new ActorsStage(kb);

function run(text: string, published: string | null = '2012-02-07'): Doc {
  const doc = new Doc(text, { id: 't', title: null, published, source: null, url: null });
  doc.paragraphs = paragraphs(text);
  tokenize(doc);
  stage.run(doc);
  return doc;
}

const actorOf = (doc: Doc, mention: string) => {
  const m = doc.mentions.find((x) => x.text === mention);
  return m ? doc.actors.find((a) => a.id === m.actor) : undefined;
};
const codeOf = (doc: Doc, mention: string) => doc.mentions.find((x) => x.text === mention)?.code ?? null;

test('dated roles: the publication date picks the row', () => {
  assert.equal(
    actorOf(run('Maria Testova arrived in Cairo.', '2009-06-01'), 'Maria Testova')?.code,
    'RUSOPP',
  );
  assert.equal(
    actorOf(run('Maria Testova arrived in Cairo.', '2013-06-01'), 'Maria Testova')?.code,
    'RUSGOV',
  );
  const rows = loadDictionary(join(FIXTURES, 'actors', 'user.tsv')).filter((r) => r.name === 'Maria Testova');
  assert.equal(pickRow(rows, null)?.code, 'RUSGOV');
});

test('possessives and role nouns combine with a country', () => {
  const doc = run("Russia’s foreign minister met Egypt's army chiefs. Syrian forces shelled the city.");
  // the possessor is a mention of its own; the person is the phrase after it
  assert.equal(codeOf(doc, 'foreign minister'), 'RUSGOV');
  assert.equal(codeOf(doc, 'Russia'), 'RUS');
  assert.equal(codeOf(doc, 'army'), 'EGYMIL');
  assert.equal(codeOf(doc, 'Syrian forces'), 'SYRMIL');
  assert.ok(doc.entities.some((e) => e.text === 'Russia' && e.type === 'GPE'));
});

test('hyphenated names and demonyms', () => {
  const doc = run('Syrian President Karim al-Fictus rejected a Russian-Chinese proposal.');
  const e = doc.entities.find((x) => x.type === 'PERSON');
  assert.equal(e?.text, 'Karim al-Fictus');
  assert.equal(actorOf(doc, 'Syrian President Karim al-Fictus')?.code, 'SYRGOV');
  assert.equal(codeOf(doc, 'Russian'), 'RUS');
  assert.equal(codeOf(doc, 'Chinese'), 'CHN');
});

test('all-caps headline: known names only, shouted words are not entities', () => {
  const doc = run(
    'EGYPT: TROOPS CLASH WITH PROTESTERS IN CAIRO\n\nThe army said on Monday that calm had returned.',
  );
  const texts = doc.entities.map((x) => x.text);
  assert.ok(texts.includes('EGYPT'));
  assert.ok(!texts.includes('TROOPS') && !texts.includes('CLASH'));
  assert.ok(!texts.includes('Monday'));
});

test('sentence-initial capitals are not names', () => {
  const doc = run(
    'Many stood in the rain. Meanwhile, the talks went on.\n\n“Thank you Russia and China” read a banner.',
  );
  const texts = doc.entities.map((x) => x.text);
  for (const w of ['Many', 'Meanwhile', 'Thank']) assert.ok(!texts.some((t) => t.startsWith(w)), w);
  assert.ok(texts.includes('Russia') && texts.includes('China'));
});

test('coreference: full name, title, surname, nominal and pronoun form one chain', () => {
  const doc = run(
    'Russian minister visits Damascus\n\nMaria Testova met Karim al-Fictus on Tuesday. Mr Fictus thanked her. ' +
      'Ms Testova said she would return. The Russian foreign minister then left. Fictus said he was pleased.',
    '2013-01-01',
  );
  const testova = actorOf(doc, 'Maria Testova')!;
  const texts = testova.mentions.map((m) => m.text);
  assert.ok(texts.includes('Ms Testova'));
  assert.ok(texts.includes('Russian minister'), 'headline nominal links to the person named later');
  assert.ok(texts.includes('The Russian foreign minister'));
  const fictus = actorOf(doc, 'Karim al-Fictus')!;
  assert.ok(fictus.mentions.some((m) => m.text === 'Mr Fictus'));
  assert.ok(fictus.mentions.some((m) => m.text === 'he'));
  assert.notEqual(testova.id, fictus.id);
});

test('user dictionary: an org written with several country codes takes the context', () => {
  const uk = run(
    'David Cameron chaired a meeting of the Board of Civic Safety in London. The BCS met again.',
  );
  assert.equal(actorOf(uk, 'Board of Civic Safety')?.code, 'GBRGOV');
  assert.equal(actorOf(uk, 'BCS')?.id, actorOf(uk, 'Board of Civic Safety')?.id);
  const us = run('Barack Obama and the United States asked the Board of Civic Safety to act.');
  assert.equal(actorOf(us, 'Board of Civic Safety')?.code, 'USAGOV');
});

test('a capital is a government only when it acts', () => {
  const doc = run("The convoy drove through Moscow. Moscow's support was welcome.");
  const acts = doc.mentions.filter((m) => m.text === 'Moscow');
  assert.equal(acts.length, 1);
  assert.equal(acts[0]!.code, 'RUSGOV');
});

test('Phoenix-format files are dispatched to the Phoenix adapter', () => {
  const rows = loadDictionary(join(FIXTURES, 'phoenix', 'sample.actors.txt'));
  assert.ok(rows.length > 0);
  assert.ok(rows.some((r) => r.code.startsWith('FRD')));
});

test('numeric entities: cardinals, money and percentages, but not dates', () => {
  const doc = run('Officials said 1,200 people fled. Oil rose 5 per cent to $70 a barrel on March 3.');
  const got = doc.entities
    .filter((e) => ['CARDINAL', 'MONEY', 'PERCENT'].includes(e.type))
    .map((e) => `${e.text}/${e.type}`);
  assert.deepEqual(got, ['1,200/CARDINAL', '5 per cent/PERCENT', '$70/MONEY']);
});
