import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPhoenixDictionary, looksLikePhoenix, phoenixDate } from '../../src/actors/phoenix.js';
import type { DictEntry } from '../../src/actors/phoenix.js';

// dist/test/actors/phoenix.test.js → repo root
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'phoenix');
const phoenixDir = join(root, '..', 'shared', 'reference', 'phoenix-dicts');

function rows(entries: DictEntry[], name: string): DictEntry[] {
  return entries.filter((e) => e.name === name);
}

test('phoenixDate: six and eight digits, two-digit years pivot at 50, slips repaired', () => {
  assert.equal(phoenixDate('980301'), '1998-03-01');
  assert.equal(phoenixDate('030615'), '2003-06-15');
  assert.equal(phoenixDate('491231'), '2049-12-31');
  assert.equal(phoenixDate('500101'), '1950-01-01');
  assert.equal(phoenixDate('20120201'), '2012-02-01');
  assert.equal(phoenixDate('1920030320'), '2003-03-20');
  assert.equal(phoenixDate('201005011'), '2010-05-01');
  assert.equal(phoenixDate('9008223'), null);
  assert.equal(phoenixDate('991345'), null);
});

test('actor fixture: names, synonyms, dated codes', () => {
  const e = loadPhoenixDictionary(join(fixtures, 'sample.actors.txt'));
  const country = rows(e, 'Freedonia');
  assert.equal(country.length, 1);
  assert.equal(country[0]!.code, 'FRD');
  assert.equal(country[0]!.kind, 'country');
  assert.deepEqual(country[0]!.aliases, ['Freedonian', 'Freedonians', 'Freedonia City']);

  const firefly = rows(e, 'Rufus T. Firefly');
  assert.deepEqual(
    firefly.map((r) => [r.code, r.from, r.to]),
    [
      ['FRDOPP', '1998-03-01', '2003-06-14'],
      ['FRDGOV', '2003-06-15', '2012-01-31'],
      ['FRDELI', '2012-02-01', null],
    ],
  );
  assert.deepEqual(firefly[0]!.aliases, ['Rufus Firefly', 'Firefly']);
  assert.equal(firefly[0]!.kind, 'person');
  assert.match(firefly[0]!.note ?? '', /leader of the opposition|two offices/);

  const trentino = rows(e, 'Ambassador Trentino');
  assert.deepEqual(
    trentino.map((r) => [r.code, r.from, r.to]),
    [
      ['SYLGOV', null, '2005-12-31'],
      ['IGOUNO', '2006-01-01', '2009-12-31'],
      ['ELI', null, null],
    ],
  );
  assert.match(trentino[2]!.note ?? '', /default/);

  assert.deepEqual(
    rows(e, 'Chicolini').map((r) => [r.code, r.from]),
    [['FRDMIL', '1999-01-01']],
  );
  // [---] is PETRARCH's null code: dropped; an entry with nothing else (or no code) disappears
  assert.deepEqual(
    rows(e, 'Marx Brothers Front').map((r) => r.code),
    ['FRDREB'],
  );
  assert.equal(rows(e, 'Only Null').length, 0);
  assert.equal(rows(e, 'Uncoded Name').length, 0);
  assert.deepEqual(
    rows(e, 'Slip Date').map((r) => [r.from, r.to]),
    [['2003-03-20', '2006-05-20']],
  );
  assert.equal(e.length, 10);
});

test('agent fixture: suffix and prefix codes, plurals, substitution sets', () => {
  const e = loadPhoenixDictionary(join(fixtures, 'sample.agents.txt'));
  const by = new Map(e.map((r) => [r.name, r]));
  assert.equal(by.get('minister')?.code, 'GOV');
  assert.deepEqual(by.get('minister')?.aliases, ['ministers']);
  assert.deepEqual(by.get('chamber of commerce')?.aliases, ['chambers of commerce']);
  assert.deepEqual(by.get('police')?.aliases, []);
  assert.equal(by.get('police')?.code, 'COP');
  assert.deepEqual(by.get('militiaman')?.aliases, ['militiamen', 'militiawoman']);
  assert.equal(by.get('militiaman')?.code, 'REB');
  assert.equal(by.get('peacekeeping troops')?.code, 'IGO');
  assert.match(by.get('peacekeeping troops')?.note ?? '', /prefix/);
  assert.deepEqual(by.get('spy')?.aliases, ['spies']);
  assert.ok(!by.has('no code here'));
  assert.ok(e.every((r) => r.kind === 'agent'));
});

test('looksLikePhoenix tells Phoenix files from sitrep TSV', () => {
  const head = (f: string) => readFileSync(join(fixtures, f), 'utf8').split('\n').slice(0, 40).join('\n');
  assert.equal(looksLikePhoenix(head('sample.actors.txt')), true);
  assert.equal(looksLikePhoenix(head('sample.agents.txt')), true);
  assert.equal(looksLikePhoenix(head('sample.sitrep.tsv')), false);
  assert.equal(looksLikePhoenix('# only comments\n\n'), false);
});

test('real Phoenix dictionaries load fast and correctly', () => {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const countries = loadPhoenixDictionary(join(phoenixDir, 'Phoenix.Countries.actors.txt'));
  const intl = loadPhoenixDictionary(join(phoenixDir, 'Phoenix.International.actors.txt'));
  const mns = loadPhoenixDictionary(join(phoenixDir, 'Phoenix.MilNonState.actors.txt'));
  const agents = loadPhoenixDictionary(join(phoenixDir, 'Phoenix.agents.txt'));
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const cpuMs = (used.user + used.system) / 1000;
  const distinct = (xs: DictEntry[]) => new Set(xs.map((x) => x.name)).size;
  console.log(
    `phoenix: countries ${distinct(countries)} actors/${countries.length} rows, international ${distinct(intl)}, ` +
      `milnonstate ${distinct(mns)}, agents ${agents.length}; ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms cpu`,
  );
  assert.ok(distinct(countries) > 17000, 'about 18k named actors in the countries file');
  assert.ok(distinct(intl) > 5000);
  assert.ok(distinct(mns) > 900);
  assert.ok(agents.length > 2000);
  for (const f of [countries, intl, mns]) {
    for (const r of f) {
      assert.ok(r.from === null || /^\d{4}-\d{2}-\d{2}$/.test(r.from), `${r.name} ${r.from}`);
      assert.ok(r.to === null || /^\d{4}-\d{2}-\d{2}$/.test(r.to), `${r.name} ${r.to}`);
      assert.ok(/^[A-Z0-9]+$/.test(r.code), `${r.name} ${r.code}`);
    }
  }

  const lavrov = countries.filter((r) => r.name === 'Sergey Lavrov');
  assert.ok(lavrov.some((r) => r.code === 'RUSGOV' && r.from === '2004-03-09' && r.to === null));
  assert.ok(lavrov[0]!.aliases.includes('Lavrov') && lavrov[0]!.aliases.includes('Sergei Lavrov'));
  const cameron = countries.filter((r) => r.name === 'David Cameron');
  assert.ok(cameron.some((r) => r.code === 'GBRGOV' && r.from === '2010-05-01'));
  const syria = countries.find((r) => r.name === 'Syria' && r.kind === 'country');
  assert.equal(syria?.code, 'SYR');
  const annan = intl.filter((r) => r.name === 'Kofi Annan');
  assert.ok(annan.some((r) => r.code === 'IGOUNO' && r.from === '1997-01-01' && r.to === '2006-12-31'));
  assert.ok(intl.some((r) => r.name === 'UN' && r.code === 'IGOUNO'));
  assert.ok(mns.some((r) => r.name === 'HAMAS' && r.aliases.includes('Hamas')));
  assert.ok(agents.some((r) => r.name === 'police' && r.code === 'COP'));
  // CPU time, not wall time: CI machines run many test files at once (about 0.5 s on an idle machine)
  assert.ok(cpuMs < 4000, `loading took ${cpuMs.toFixed(0)} ms of CPU`);
});
