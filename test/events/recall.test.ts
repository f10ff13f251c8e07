// Constructions added for recall on news in general; sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, code } from './helpers.js';

test('an uncoded group noun takes the actor of its "in/from" phrase: police in X', () => {
  const ev = code('Police in Ruritania arrested twelve students on Monday.', {
    actors: [['Ruritania', 'RUR']],
  });
  assert.deepEqual(
    brief(ev).map((b) => b.split(' ')[0] + ' ' + b.split(' ')[1]!.split('>')[0]),
    ['173 RUR'],
  );
});

test('an uncoded group noun takes the country of a place: demonstrators in a city', () => {
  const ev = code('Demonstrators in Springfield blocked a highway on Friday.', {
    places: [['Springfield', 'US']],
  });
  assert.deepEqual(brief(ev), ['144 USA>USA']);
});

test('a quantity head lets its of-phrase be the object: 300 tonnes of food', () => {
  const ev = code('Volunteers from Norway delivered 300 tonnes of food to Chad.', {
    actors: [
      ['Norway', 'NOR'],
      ['Chad', 'TCD'],
    ],
  });
  assert.deepEqual(brief(ev), ['073 NOR>TCD']);
});

test('a generic compound head counts its modifier: a mediation mission', () => {
  const ev = code('Ghana began a mediation mission on Tuesday.', { actors: [['Ghana', 'GHA']] });
  assert.deepEqual(brief(ev), ['045 GHA>-']);
});

test('a verb-tagged word after a determiner is a noun, and a participle modifier stays in its phrase', () => {
  const ev = code('Port authorities in Freedonia released an impounded tanker on Monday.', {
    actors: [['Freedonia', 'FRD']],
  });
  assert.deepEqual(
    brief(ev).map((b) => b.split(' ')[0]),
    ['0842'],
  );
});

test('a reduced relative after an object is not a clause: prevented a march organised by students', () => {
  const ev = code('Police in Atlantis prevented a march organised by students.', {
    actors: [['Atlantis', 'ATL']],
  });
  assert.deepEqual(
    brief(ev).map((b) => b.split(' ')[0]),
    ['1721'],
  );
});

test('no named target: the place of the event gives it, else a domestic event targets its own country', () => {
  const a = code('Soldiers from Ruritania killed four people in Springfield.', {
    actors: [['Ruritania', 'RUR']],
    places: [['Springfield', 'US']],
  });
  assert.deepEqual(
    brief(a).map((b) => b.split(' ')[1]),
    ['RUR>USA'],
  );
  const b = code('The Kenyan police arrested dozens of activists.', {
    actors: [['Kenyan police', 'KENCOP']],
  });
  assert.deepEqual(brief(b), ['173 KENCOP>KEN']);
});

test('the first verb after "NOUN in PLACE" is the main verb, not a reduced relative', () => {
  const ev = code('Union leaders in Ruritania agreed to call off the strike.', {
    actors: [['Ruritania', 'RUR']],
  });
  assert.ok(brief(ev).some((b) => b.startsWith('03') && b.includes('RUR>')));
});

test('a passive act of force with no named agent is coded from the place where it happened', () => {
  const ev = code('A judge was killed in Springfield on Monday.', { places: [['Springfield', 'US']] });
  assert.deepEqual(
    brief(ev).map((b) => b.split(' ')[0]!.slice(0, 2) + ' ' + b.split(' ')[1]),
    ['19 USA>USA'],
  );
});

test('mediation between two parties targets each of them', () => {
  const ev = code('Ghana offered mediation between Sudan and Chad.', {
    actors: [
      ['Ghana', 'GHA'],
      ['Sudan', 'SDN'],
      ['Chad', 'TCD'],
    ],
  });
  assert.deepEqual(brief(ev), ['045 GHA>SDN', '045 GHA>TCD']);
});

test('people protesting in a place are people of that place; a verb-tagged modifier stays in its phrase', () => {
  const a = code('Thousands of people marched in Springfield on Sunday.', {
    places: [['Springfield', 'US']],
  });
  assert.deepEqual(brief(a), ['141 USA>USA']);
  const b = code('Riot police in Chile used tear gas to disperse the crowd.', {
    actors: [['Chile', 'CHL']],
  });
  assert.deepEqual(brief(b), ['175 CHL>CHL']);
});

test('new verb frames: broker a deal, storm a building, summon an envoy', () => {
  const acts: [string, string][] = [
    ['Norway', 'NOR'],
    ['Chile', 'CHL'],
  ];
  const first = (s: string): string =>
    brief(code(s, { actors: acts.filter(([w]) => s.includes(w)) }))[0]?.split(' ')[0] ?? '';
  assert.equal(first('Norway brokered a deal between the two sides.'), '045');
  assert.equal(first('Troops from Chile stormed the parliament building.'), '190');
  assert.equal(first('Norway summoned the ambassador of Chile.'), '161');
});

test('coordinated verbs share the object: condemned and rejected X', () => {
  const ev = code('Chile condemned and rejected the proposal from Norway.', {
    actors: [
      ['Chile', 'CHL'],
      ['Norway', 'NOR'],
    ],
  });
  assert.deepEqual(
    brief(ev).map((b) => b.split(' ')[1]),
    ['CHL>NOR', 'CHL>NOR'],
  );
});
