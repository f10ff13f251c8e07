// What a clause says happened, and what it only asks for or rules out; on sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, code } from './helpers.js';

test('"told X that Y had agreed" reports an agreement; "urged that Y withdraw" asks for one', () => {
  const told = code('The Norwegian minister told parliament that Chile had agreed to release the sailors.', {
    actors: [
      ['Norwegian minister', 'NORGOV'],
      ['parliament', 'NORLEG'],
      ['Chile', 'CHL'],
    ],
  });
  assert.ok(
    told.some((e) => e.code.startsWith('035') && e.source.code === 'CHL' && e.mode === 'actual'),
    brief(told).join(' '),
  );
  const urged = code('Norway urged that Chile withdraw its troops.', {
    actors: [
      ['Norway', 'NOR'],
      ['Chile', 'CHL'],
    ],
  });
  assert.ok(
    urged.some((e) => e.source.code === 'CHL' && e.mode === 'requested'),
    brief(urged).join(' '),
  );
  assert.ok(!urged.some((e) => e.source.code === 'CHL' && e.mode === 'actual'));
});

test('"demanded that X withdraws" is a demand whatever the verb form', () => {
  const ev = code('Norway demanded that Chile withdraws its troops.', {
    actors: [
      ['Norway', 'NOR'],
      ['Chile', 'CHL'],
    ],
  });
  assert.ok(!ev.some((e) => e.source.code === 'CHL' && e.mode === 'actual'), brief(ev).join(' '));
});

test('what comes "without" did not happen', () => {
  const ev = code('The men will be sent to Chile, Peru and Bolivia without them facing torture.', {
    actors: [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
      ['Bolivia', 'BOL'],
    ],
  });
  const torture = ev.filter((e) => e.code.startsWith('18'));
  assert.ok(torture.length, brief(ev).join(' '));
  assert.ok(
    torture.every((e) => e.mode === 'denied'),
    brief(ev).join(' '),
  );
});

test('a reduced passive relative before the verb is done to its noun, not by it', () => {
  const ev = code('Chilean sailors freed from Peruvian custody in Lima are expected to fly home.', {
    actors: [
      ['Chilean sailors', 'CHL'],
      ['Peruvian custody', 'PER'],
    ],
  });
  assert.ok(!ev.some((e) => e.source.code === 'CHL' && e.code.startsWith('08')), brief(ev).join(' '));
  const kidnap = code('Chilean reporters kidnapped by Peruvian rebels in Lima were released on Monday.', {
    actors: [
      ['Chilean reporters', 'CHLMED'],
      ['Peruvian rebels', 'PERREB'],
    ],
  });
  assert.ok(brief(kidnap).includes('181 PERREB>CHLMED'), brief(kidnap).join(' '));
});
