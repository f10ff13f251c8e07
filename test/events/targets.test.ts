// Who is the target: constructions where the coder must pick the right actor among a clause's phrases.
// Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, code } from './helpers.js';

test('a phrase right after an object with no actor completes it: "aid to X" before "with Y"', () => {
  const ev = code('Sweden suspended military aid to Zambia in cooperation with Denmark.', {
    actors: [
      ['Sweden', 'SWE'],
      ['Zambia', 'ZMB'],
      ['Denmark', 'DNK'],
    ],
  });
  assert.deepEqual(brief(ev), ['1622 SWE>ZMB']);
});

test('"the blockade of X" names the target before a later "with" phrase', () => {
  const ev = code('Greece condemned the blockade of Cyprus with Turkish warships.', {
    actors: [
      ['Greece', 'GRC'],
      ['Cyprus', 'CYP'],
      ['Turkish', 'TUR', 'demonym'],
    ],
  });
  assert.deepEqual(brief(ev), ['111 GRC>CYP']);
});

test('"demanded the withdrawal of X from Y": the one to withdraw is the target', () => {
  const ev = code('The African Union demanded the withdrawal of Rwandan troops from Congo.', {
    actors: [
      ['African Union', 'IGOAFRAU'],
      ['Rwandan troops', 'RWAMIL', 'nominal'],
      ['Congo', 'COD'],
    ],
  });
  assert.deepEqual(brief(ev), ['1056 IGOAFRAU>RWAMIL']);
});

test('"crimes by X against Y": the doers named by "by" right after the object are the target', () => {
  const ev = code('Chile is investigating crimes by Chilean extremists against Peruvian students.', {
    actors: [
      ['Chile', 'CHL'],
      ['Chilean extremists', 'CHLRAD', 'nominal'],
      ['Peruvian students', 'PEREDU', 'nominal'],
    ],
  });
  assert.deepEqual(
    ev.map((e) => `${e.source.code}>${e.target?.code}`),
    ['CHL>CHLRAD'],
  );
  assert.equal(ev[0]!.root, '09');
});

test('a participle modifier after the verb belongs to the object ("arrested suspected Basque militant")', () => {
  const ev = code('Portugal arrested suspected Basque militant Juan Gorrotxa near Porto on Friday.', {
    actors: [
      ['Portugal', 'PRT'],
      ['Basque militant', 'ESPREB', 'nominal'],
    ],
    places: [['Porto', 'PT']],
  });
  assert.deepEqual(brief(ev), ['173 PRT>ESPREB']);
});

test('a plural noun tagged as a verb after the main verb is its object ("rejected calls by X")', () => {
  const ev = code('Brazil rejected calls by Argentina to reopen the talks.', {
    actors: [
      ['Brazil', 'BRA'],
      ['Argentina', 'ARG'],
    ],
  });
  assert.match(brief(ev)[0]!, /^12\d* BRA>ARG$/);
});

test('a list of names after a preposition gives one target each ("to A, B, C, and D")', () => {
  const ev = code('Canada sent aid to Chad, Niger, Mali, and Sudan on Monday.', {
    actors: [
      ['Canada', 'CAN'],
      ['Chad', 'TCD'],
      ['Niger', 'NER'],
      ['Mali', 'MLI'],
      ['Sudan', 'SDN'],
    ],
  });
  assert.deepEqual(
    ev.map((e) => e.target?.code),
    ['TCD', 'NER', 'MLI', 'SDN'],
  );
});

test('a phrase that belongs to a noun of no actor ("talks with X") yields to the clause\'s own phrases', () => {
  const ev = code('Peru has agreed to Brazilian mediation in the border talks with Ecuador.', {
    actors: [
      ['Peru', 'PER'],
      ['Brazilian', 'BRA', 'demonym'],
      ['Ecuador', 'ECU'],
    ],
  });
  assert.equal(ev[0]!.target?.code, 'BRA');
});

test('unnamed victims of violence are the people of the one country the sentence names', () => {
  const ev = code('Rebel gunmen killed 12 people on Friday when they attacked a market in Goma.', {
    actors: [['Rebel gunmen', 'CODREB', 'nominal']],
    places: [['Goma', 'CD']],
  });
  assert.equal(ev.find((e) => e.trigger.text === 'killed')?.target?.code, 'COD');
  // no place, or places in two countries: no guess
  const two = code('Rebel gunmen killed 12 people on Friday when they crossed from Goma into Gisenyi.', {
    actors: [['Rebel gunmen', 'CODREB', 'nominal']],
    places: [
      ['Goma', 'CD'],
      ['Gisenyi', 'RW'],
    ],
  });
  assert.equal(two.find((e) => e.trigger.text === 'killed')?.target ?? null, null);
});
