// Where an event happened is not whom it was done to; groups named by their country; on sentences
// written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, code } from './helpers.js';

test('"met in <city>": the city is the place; two named sides meet each other', () => {
  const ev = code('Envoys from Norway and Chile met in Lisbon on Monday.', {
    actors: [
      ['Norway', 'NOR'],
      ['Chile', 'CHL'],
    ],
    places: [['Lisbon', 'PT']],
  });
  assert.deepEqual(brief(ev), ['040 NOR>CHL', '040 CHL>NOR']);
  assert.ok(ev.every((e) => e.place?.name === 'Lisbon'));
});

test('a meeting with no one named to meet is not an event, whatever the place', () => {
  const ev = code('The Norwegian foreign minister met in Lisbon on Monday.', {
    actors: [['Norwegian foreign minister', 'NORGOV']],
    places: [['Lisbon', 'PT']],
  });
  assert.deepEqual(brief(ev), []);
});

test('force used in a place is against the people of its country', () => {
  const ev = code('Norwegian troops fought in Lisbon on Monday.', {
    actors: [['Norwegian troops', 'NORMIL']],
    places: [['Lisbon', 'PT']],
  });
  assert.deepEqual(brief(ev), ['190 NORMIL>PRT']);
});

test('"after A and B vetoed": both conjuncts are the subject of a subordinate clause', () => {
  const ev = code('After Norway and Chile vetoed the resolution, the talks ended.', {
    actors: [
      ['Norway', 'NOR'],
      ['Chile', 'CHL'],
    ],
  });
  assert.deepEqual(brief(ev).slice(0, 2), ['129 NOR>-', '129 CHL>-']);
});
