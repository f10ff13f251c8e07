// Group and organisation actors named after a country, plural demonyms, bracketed acronyms.
// Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../src/text/doc.js';
import { paragraphs } from '../../src/text/paragraphs.js';
import { tokenize } from '../../src/text/tokenize.js';
import { ActorsStage, loadKnowledgeBase } from '../../src/actors/index.js';

const stage = new ActorsStage(loadKnowledgeBase());

function run(text: string, published: string | null = '1995-05-02'): Doc {
  const doc = new Doc(text, { id: 't', title: null, published, source: null, url: null });
  doc.paragraphs = paragraphs(text);
  tokenize(doc);
  stage.run(doc);
  return doc;
}
const codeOf = (doc: Doc, mention: string) => doc.mentions.find((x) => x.text === mention)?.code ?? null;

test('plural demonyms of every country: "Liberians", "Omanis", "Filipinos"', () => {
  const doc = run('The port police held 40 Liberians, two Omanis and three Filipinos overnight.');
  assert.equal(codeOf(doc, 'Liberians'), 'LBR');
  assert.equal(codeOf(doc, 'Omanis'), 'OMN');
  assert.equal(codeOf(doc, 'Filipinos'), 'PHL');
});

test('former country names: Zaire and Kampuchea', () => {
  const doc = run('Zaire closed its border as Kampuchean refugees arrived from Kampuchea.');
  assert.equal(codeOf(doc, 'Zaire'), 'COD');
  assert.equal(codeOf(doc, 'Kampuchea'), 'KHM');
  assert.ok(doc.mentions.some((m) => m.text.startsWith('Kampuchean') && m.code?.startsWith('KHM')));
});

test('an unknown organisation named after a country is of that country, a region gives no code', () => {
  const doc = run('The Malawi Fisheries Association met the European Fisheries Forum in Lilongwe.');
  assert.equal(codeOf(doc, 'Malawi Fisheries Association'), 'MWI');
  assert.equal(codeOf(doc, 'European Fisheries Forum'), null);
});

test('an acronym in brackets right after an organisation is that organisation', () => {
  const doc = run('The Malawi Fisheries Association (AMP) said on Monday that AMP members would strike.');
  const org = doc.mentions.find((m) => m.text === 'Malawi Fisheries Association')!;
  const acr = doc.mentions.find((m) => m.text === 'AMP')!;
  assert.equal(acr.actor, org.actor);
  assert.equal(acr.code, 'MWI');
});

test('a verb right after a country name is no modifier of the role noun after it', () => {
  const doc = run('Chile sent troops to the border.');
  assert.equal(codeOf(doc, 'Chile'), 'CHL');
  assert.ok(!doc.mentions.some((m) => m.text.includes('sent')));
});

test('an ethnic group is coded by the country it lives in ("ethnic Serbs in northern Kosovo")', () => {
  const doc = run('Ethnic Greeks in southern Albania marched, and the Hungarians of Romania voted.');
  assert.equal(codeOf(doc, 'Greeks'), 'ALB');
  assert.equal(codeOf(doc, 'Hungarians'), 'ROU');
  // people of one country living in another keep their nationality
  assert.equal(codeOf(run('Greeks in Albania marched.'), 'Greeks'), 'GRC');
});

test('with no publication date, the office the text names picks the dated row', () => {
  const undated = run('Reporters asked Kofi Annan, UN secretary-general, about the plan.', null);
  assert.equal(codeOf(undated, 'Kofi Annan'), 'IGOUNO');
  const former = run('Reporters asked Kofi Annan, the former UN chief, about the plan.', null);
  assert.equal(codeOf(former, 'Kofi Annan'), 'GHAELI');
  const dated = run('Reporters asked Kofi Annan, UN secretary-general, about the plan.', '2015-03-01');
  assert.equal(codeOf(dated, 'Kofi Annan'), 'GHAELI');
});

test('a titled person "of <country>" is of that country, not of the sentence\'s other countries', () => {
  const doc = run('Iran said that President Tomas Verdi of Chile would visit Tehran.');
  assert.equal(codeOf(doc, 'President Tomas Verdi'), 'CHLGOV');
});

test('armed movements of the 1990s with dated roles', () => {
  assert.equal(codeOf(run('RUF fighters left Freetown.', '1999-01-06'), 'RUF'), 'SLEREB');
  assert.equal(codeOf(run('UNITA accused the government.', '1998-05-01'), 'UNITA'), 'AGOREB');
  assert.equal(codeOf(run('UNITA accused the government.', '2008-09-01'), 'UNITA'), 'AGOPTY');
});

test('undated: role words before a name pick the row ("rebel leader X"); "ousted" keeps the dates\' choice', () => {
  const taylor = run('Liberian rebel leader Charles Taylor met envoys.', null);
  assert.equal(codeOf(taylor, 'Charles Taylor'), 'LBRREB');
  const akayev = run('Ousted President Askar Akayev spoke to reporters.', null);
  assert.equal(codeOf(akayev, 'President Askar Akayev'), 'KGZELI');
  const moi = run('President Daniel arap Moi opened the session.', null);
  assert.equal(codeOf(moi, 'President Daniel arap Moi'), 'KENGOV');
});

test('peoples of one country with no ethnic code are that country ("Igbo elders", "Basque separatists")', () => {
  const doc = run('Igbo elders met Basque separatists and Chechen rebels in Geneva.');
  assert.equal(codeOf(doc, 'Igbo'), 'NGA');
  assert.equal(codeOf(doc, 'Basque separatists'), 'ESPREB');
  assert.equal(codeOf(doc, 'Chechen rebels'), 'RUSREB');
});

test('"the police", "the government" with no country are those of a story about one country', () => {
  const one = run('Kenya held elections on Monday. The police arrested 20 supporters of the opposition.');
  assert.equal(codeOf(one, 'The police'), 'KENCOP');
  // two countries of equal weight, or an international body, leave it uncoded
  const two = run('Kenya and Uganda signed a deal. The police arrested 20 smugglers.');
  assert.equal(codeOf(two, 'The police'), null);
  const eu = run('The EU criticised Malta. The parliament will vote on Friday.');
  assert.equal(codeOf(eu, 'The parliament'), null);
  // "police in X" is left to the phrase
  assert.equal(codeOf(run('Kenya held talks. Police in Uganda arrested 20 smugglers.'), 'Police'), null);
});

test('a peer is not the one dictionary person who shares the surname ("Lord Butler" is not Richard Butler)', () => {
  const doc = run(
    'Lord Butler criticised the report. Richard Butler, the former weapons inspector, did not comment.',
  );
  assert.notEqual(codeOf(doc, 'Lord Butler')?.slice(0, 3) ?? codeOf(doc, 'Butler')?.slice(0, 3), 'AUS');
  assert.equal(codeOf(doc, 'Richard Butler')?.slice(0, 3), 'AUS');
});
