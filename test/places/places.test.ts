// The places stage on short texts written for these tests: each rule and each wrong-place trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline } from '../../src/pipeline.js';
import { Doc } from '../../src/text/doc.js';
import { paragraphs } from '../../src/text/paragraphs.js';
import { tokenize } from '../../src/text/tokenize.js';
import { createPlacesStage, gazetteer, km, placeForSpan } from '../../src/places/index.js';
import { normName } from '../../src/places/normalise.js';
import { aucOf, matchSpans } from '../../src/eval/places.js';
import type { Place } from '../../src/result.js';

const stage = createPlacesStage({});

function run(text: string): Doc {
  const doc = new Doc(text, { id: 't', title: null, published: '2012-02-07', source: null, url: null });
  doc.paragraphs = paragraphs(text);
  tokenize(doc);
  stage.run(doc);
  return doc;
}

const find = (doc: Doc, surface: string): Place[] => doc.places.filter((p) => p.text === surface);
const one = (doc: Doc, surface: string): Place => {
  const p = find(doc, surface)[0];
  assert.ok(p, `no place "${surface}" in ${JSON.stringify(doc.places.map((x) => x.text))}`);
  return p;
};
const near = (p: Place, lat: number, lon: number, maxKm: number): void => {
  assert.ok(p.lat !== null && p.lon !== null, `${p.text} has no coordinates`);
  const d = km(p.lat, p.lon, lat, lon);
  assert.ok(d <= maxKm, `${p.text} → ${p.name} ${p.country} (${p.lat},${p.lon}) is ${d.toFixed(0)} km away`);
};

test('normalised names fold diacritics, ayn marks, dots and hyphens', () => {
  assert.equal(normName('Ḩamāh'), 'hamah');
  assert.equal(normName('Dar‘ā'), 'dara');
  assert.equal(normName('St. Louis'), 'st louis');
  assert.equal(normName('Deir ez-Zor'), 'deir ez zor');
  assert.equal(normName('Zürich'), 'zurich');
});

test('gazetteer loads lazily and indexes cities, countries, regions and aliases', () => {
  const g = gazetteer();
  assert.ok(g.stats.cities > 130000);
  const homs = g.lookup('homs').map((r) => g.cand(r));
  assert.ok(homs.some((c) => c.country === 'SY' && c.geonameid === 169577));
  const hama = g.lookup('hama').map((r) => g.cand(r));
  assert.ok(
    hama.some((c) => c.country === 'SY' && c.name === 'Ḩamāh'),
    'alias Hama → Ḩamāh',
  );
  const kiev = g.lookup('kiev').map((r) => g.cand(r));
  assert.ok(
    kiev.some((c) => c.country === 'UA' && c.feature === 'P.PPLC'),
    'alias Kiev → Kyiv',
  );
  assert.equal(g.country('SY')?.feature, 'A.PCLI');
  assert.equal(g.admin1('US', 'KY')?.name, 'Kentucky');
  assert.equal(g.demonym('syrians'), 'SY');
});

test('Homs in a Syria story is Homs, Syria; Damascus is Syria; Mazzeh is in Damascus', () => {
  const doc = run(
    'Syrian troops shelled Homs again on Tuesday, activists said. In Damascus, the government ' +
      'blamed armed gangs. Residents of the Mazzeh district reported gunfire near the airport road. ' +
      'Syria denied the reports.',
  );
  near(one(doc, 'Homs'), 34.73, 36.72, 50);
  assert.equal(one(doc, 'Homs').country, 'SY');
  assert.equal(one(doc, 'Damascus').country, 'SY');
  near(one(doc, 'Mazzeh'), 33.51, 36.29, 15);
  const syria = one(doc, 'Syria');
  assert.equal(syria.country, 'SY');
  assert.equal(syria.feature, 'A.PCLI');
  assert.equal(doc.focusCountry, 'SY');
  // the demonym votes but is not a place
  assert.equal(find(doc, 'Syrian').length, 0);
});

test('Damascus in an Oregon story is the Oregon town', () => {
  const doc = run(
    'The city council of Damascus, Oregon, met on Monday. Damascus lies southeast of Portland, ' +
      'and Oregon officials expect the town to grow.',
  );
  for (const p of find(doc, 'Damascus')) assert.equal(p.country, 'US');
  near(find(doc, 'Damascus')[1] ?? one(doc, 'Damascus'), 45.42, -122.46, 60);
});

test('Georgia: the country in a Caucasus story, the state in a US story', () => {
  const a = run(
    'Russian tanks rolled into Georgia. Shelling was reported near Tbilisi and in South Ossetia.',
  );
  assert.equal(one(a, 'Georgia').country, 'GE');
  assert.equal(one(a, 'Georgia').feature, 'A.PCLI');
  const b = run(
    'Storms hit Georgia overnight. Roads were closed in Atlanta and Macon, and Alabama was spared.',
  );
  assert.equal(one(b, 'Georgia').country, 'US');
  assert.equal(one(b, 'Georgia').feature, 'A.ADM1');
});

test('countries resolve to the country entry, never to a town of the same name', () => {
  const doc = run('France and Germany called for talks. The envoy flew to France on Sunday.');
  for (const p of find(doc, 'France')) {
    assert.equal(p.feature, 'A.PCLI');
    assert.equal(p.country, 'FR');
  }
  assert.equal(one(doc, 'Germany').geonameid, 2921044);
});

test('Washington is the capital; Washington state is the state; Albany is not Albania', () => {
  const a = run('Officials in Washington said the talks would resume.');
  assert.equal(one(a, 'Washington').feature, 'P.PPLC');
  const b = run('Wildfires spread across Washington state and Oregon.');
  assert.equal(one(b, 'Washington state').feature, 'A.ADM1');
  const c = run('Lawmakers in Albany, New York, passed the budget.');
  assert.equal(one(c, 'Albany').country, 'US');
  near(one(c, 'Albany'), 42.65, -73.76, 30);
});

test('Western Europe is a region, not Germany', () => {
  const doc = run('Prices rose across Western Europe last year.');
  const p = one(doc, 'Western Europe');
  assert.notEqual(p.country, 'DE');
  assert.equal(p.feature?.startsWith('L.'), true);
});

test('words that are not places stay out', () => {
  const doc = run(
    'David Cameron met China Smith in March. Many people attended. Council members said the talks ended. ' +
      'Let us go, she told us.',
  );
  const texts = doc.places.map((p) => p.text);
  for (const w of ['David', 'Cameron', 'China', 'March', 'Many', 'Council', 'us']) {
    assert.ok(!texts.includes(w), `${w} taken as a place: ${JSON.stringify(texts)}`);
  }
});

test('abbreviations only when written as such; "City, ST" patterns qualify the city', () => {
  const doc = run('US officials visited Paris, Texas, and then Springfield, Ill., on Friday.');
  assert.equal(one(doc, 'US').country, 'US');
  assert.equal(one(doc, 'Paris').country, 'US');
  near(one(doc, 'Paris'), 33.66, -95.56, 30);
  near(one(doc, 'Springfield'), 39.8, -89.64, 30);
  assert.equal(one(doc, 'Ill.').name, 'Illinois');
  assert.equal(one(doc, 'Texas').feature, 'A.ADM1');
});

test('a town missing from the gazetteer is placed by its ", State" qualifier; a surname before ", Ohio Department" is not', () => {
  const doc = run('HOLLOWAY CREEK, Neb. — Officials met Bill Graves, Ohio Department of Health, on Monday.');
  const town = one(doc, 'HOLLOWAY CREEK');
  assert.equal(town.country, 'US');
  assert.equal(town.geonameid, null);
  near(town, 41.5, -99.75, 10);
  assert.equal(find(doc, 'Graves').length, 0);
  assert.equal(one(doc, 'Ohio').feature, 'A.ADM1');
});

test('aliases: exonyms and transliterations', () => {
  const doc = run('Fighting spread from Deraa to Hama and Idlib, while Kiev watched the Golan Heights.');
  assert.equal(one(doc, 'Deraa').country, 'SY');
  near(one(doc, 'Hama'), 35.13, 36.75, 20);
  assert.equal(one(doc, 'Kiev').country, 'UA');
  assert.equal(one(doc, 'Golan Heights').country, 'SY');
});

test('the focus does not turn a big foreign city into a village of the focus country', () => {
  const doc = run(
    'US officials said American troops would stay. The US team beat Australia in Brisbane on Sunday.',
  );
  assert.equal(one(doc, 'Brisbane').country, 'AU');
});

test('small towns need evidence: a preposition or the article focus', () => {
  const a = run('Turner said the plan would work.');
  assert.equal(a.places.length, 0, JSON.stringify(a.places));
  const b = run('The fire started in Turner, Maine, late on Friday.');
  assert.equal(one(b, 'Turner').country, 'US');
});

test('placeForSpan: the place after a locative preposition, else the most specific place, else null', () => {
  const text = 'Russia vetoed the resolution as troops shelled neighbourhoods in Homs. Diplomats met again.';
  const doc = run(text);
  const first = doc.sentences[0]!;
  assert.equal(placeForSpan(doc, first.start, first.end)?.text, 'Homs');
  const second = doc.sentences[1]!;
  assert.equal(placeForSpan(doc, second.start, second.end), null);
});

test('the stage works on an empty text and without the actor layer', () => {
  const doc = run('');
  assert.deepEqual(doc.places, []);
  assert.equal(doc.focusCountry, null);
});

test('eval scoring: one-to-one overlap matching and AUC', () => {
  const gold = [
    { start: 0, end: 5 },
    { start: 10, end: 15 },
  ];
  const sys = [
    { start: 0, end: 5 },
    { start: 2, end: 4 },
    { start: 20, end: 25 },
  ] as Place[];
  assert.deepEqual(
    matchSpans(gold, sys).sort((a, b) => a[0] - b[0]),
    [[0, 0]],
  );
  assert.equal(aucOf([0, 0, 0]), 0);
  assert.ok(Math.abs(aucOf([20039, 20039]) - Math.log(20040) / Math.log(20039)) < 1e-9);
});

test('a region the first pass chose votes for its state: Richmond next to Indiana is Richmond, Indiana', () => {
  const doc = run(
    'A storage unit in Richmond was searched on Tuesday. Troopers from Indiana helped the firefighters in Richmond.',
  );
  near(one(doc, 'Richmond'), 39.83, -84.89, 50);
});

test('names found in one state pull an ambiguous town there (soft state evidence)', () => {
  // Rogersville is in Missouri and Tennessee; Springfield and Logan are in both states too, but only
  // Missouri also has a Rogersville, a Logan and a Springfield in the same place
  const doc = run(
    'Students in Rogersville moved into a new school. Pupils from Logan and Springfield joined them in Rogersville.',
  );
  const r = one(doc, 'Rogersville');
  assert.equal(r.country, 'US');
});

test("a country name that is also a town near the story's other places is the town", () => {
  const doc = run(
    'The council met in Lebanon on Monday. Residents of Zionsville drove to Lebanon for the meeting in Boone County.',
  );
  near(one(doc, 'Lebanon'), 40.05, -86.47, 50);
  // a story about the Middle East keeps the country
  const mid = run('Israeli jets flew over Lebanon on Monday, officials in Beirut said.');
  assert.equal(one(mid, 'Lebanon').country, 'LB');
});

test('a capital abroad gives way to a namesake near the other places when nothing else is in its country', () => {
  const doc = run('A Paris man was arrested in Dallas on Monday. He was taken back to Paris on Tuesday.');
  near(one(doc, 'Paris'), 33.66, -95.55, 50);
  const fr = run('The minister flew from Dallas to Paris, where French officials met him.');
  assert.equal(one(fr, 'Paris').country, 'FR');
});

test("an X County area goes to the story's local cluster, or keeps to the state of its qualifier", () => {
  const doc = run(
    'Deputies in Walker County arrested a man on Monday. He was held in Huntsville before a hearing in Houston. Sheriff Dyer said the man lived in Walker County.',
  );
  near(one(doc, 'Walker County'), 30.73, -95.56, 161);
  const ga = run('Officers in Walker County, Ga., and in Houston said the men were caught.');
  const w = one(ga, 'Walker County');
  assert.ok(w.lat !== null && w.lon !== null);
  assert.ok(km(w.lat, w.lon, 29.76, -95.36) > 500, 'Walker County, Ga. is not at Houston');
});

test('abbreviated first words find the full names: Mt. Vernon is Mount Vernon, St. Paris is Saint Paris', () => {
  const g = gazetteer();
  const names = (key: string): string[] => g.lookup(key).map((r) => normName(g.cand(r).name));
  assert.ok(names('mt vernon').includes('mount vernon'));
  assert.ok(names('st paris').includes('saint paris'));
  assert.ok(names('fort wayne').length > 0);
});

test('a parish is in Louisiana: it pulls ambiguous towns there and is placed there', () => {
  const doc = run(
    'Deputies in Rapides Parish searched a house on Monday. The suspect was taken to Alexandria.',
  );
  near(one(doc, 'Alexandria'), 31.31, -92.45, 50);
  const p = one(doc, 'Rapides Parish');
  assert.equal(p.country, 'US');
  near(p, 31.2, -92.5, 250);
});

test('English exonyms of foreign cities resolve to the city, not a namesake town', () => {
  const pipeline = new Pipeline({ only: ['actors', 'places'] });
  const doc = pipeline.annotate({
    text: 'Diplomats from Russia met in Geneva and later flew to Hanover and Seville.',
    origin: 'test',
    published: '2016-02-08',
  });
  const country = (name: string) => doc.places.find((p) => p.text === name)?.country;
  assert.equal(country('Geneva'), 'CH');
  assert.equal(country('Hanover'), 'DE');
  assert.equal(country('Seville'), 'ES');
});

test('US counties come from the county table: the one the story names, else the largest', () => {
  const g = gazetteer();
  const cook = g.lookup('cook county').map((r) => g.cand(r));
  assert.ok(cook.length >= 3 && cook.every((c) => c.kind === 'admin2' && c.country === 'US'));
  assert.equal(
    g.lookup('cook').filter((r) => g.cand(r).kind === 'admin2').length,
    0,
    'never under the bare name',
  );
  // one county of that name: it speaks for its state and pulls the town there
  const tn = run('The McMinn County school board met on Monday. Teachers in Athens asked for a raise.');
  near(one(tn, 'McMinn County'), 35.42, -84.62, 40);
  near(one(tn, 'Athens'), 35.44, -84.59, 30);
  // nothing else to go on: the largest county of the name
  near(one(run('A judge in Cook County ruled on Friday.'), 'Cook County'), 41.84, -87.82, 60);
  // "X Co." and a state qualifier
  near(
    one(run('The fire began near a barn in Walker Co., Ga., late on Sunday.'), 'Walker Co.'),
    34.73,
    -85.3,
    40,
  );
});

test('a county and a town of the story lie together: Henry County and Paris are in Tennessee', () => {
  const doc = run(
    'Students from Paris visited the old courthouse on Friday. The Henry County historian showed them maps of the county.',
  );
  near(one(doc, 'Paris'), 36.3, -88.33, 40);
  near(one(doc, 'Henry County'), 36.33, -88.3, 40);
});

test('the names of a list before "counties" are counties, not towns', () => {
  const doc = run('Voters in Oconee, Greene and Morgan counties will decide on the school tax in May.');
  for (const name of ['Oconee', 'Greene', 'Morgan']) {
    const p = one(doc, name);
    assert.equal(p.feature, 'A.ADM2', `${name} is a county`);
    near(p, 33.6, -83.3, 100);
  }
  const la = run('Flooding closed roads in Rapides and Avoyelles parishes.');
  assert.equal(one(la, 'Avoyelles').feature, 'A.ADM2');
  // a list that is not of counties is left alone
  const tx = run('Crews came from Dallas, Austin and nearby counties.');
  assert.equal(one(tx, 'Dallas').feature?.[0], 'P');
});

test('towns named together lie together: Fayetteville, Jonesboro and Hampton near each other in Georgia', () => {
  const doc = run('The parade went from Fayetteville to Jonesboro and ended in Hampton.');
  near(one(doc, 'Fayetteville'), 33.45, -84.45, 30);
  near(one(doc, 'Jonesboro'), 33.52, -84.35, 30);
  near(one(doc, 'Hampton'), 33.39, -84.28, 30);
  // names best known abroad keep that sense
  assert.equal(
    one(run('Fans travelled from Manchester and Derby to see the match.'), 'Manchester').country,
    'GB',
  );
});

test('the capital of a country the story names beats a small namesake: Paris, France in a Kentucky story', () => {
  const doc = run(
    'A doctor from Georgetown, Ky., was on holiday in France with her family. She was near the river in Paris when police closed the road. She flew home to Lexington on Monday.',
  );
  assert.equal(one(doc, 'Paris').country, 'FR');
  near(one(doc, 'Lexington'), 37.99, -84.48, 30);
});

test('a province the story names keeps its towns from going abroad: Woodstock, Ontario', () => {
  const doc = run(
    'Ontario will cut the tax, the province said. Shop owners in Woodstock welcomed the Ontario plan, and so did Oxford farmers.',
  );
  assert.equal(one(doc, 'Woodstock').country, 'CA');
});

test('a street named after a place is not the place, and does not pull the story abroad', () => {
  const doc = run(
    'Police said the shop on Hungerford Street in Hartford was robbed twice, and a car was stolen on Madison Avenue.',
  );
  assert.equal(find(doc, 'Hungerford').length, 0);
  assert.equal(find(doc, 'Madison').length, 0);
  assert.equal(one(doc, 'Hartford').country, 'US');
});

test('a dateline city in capitals that stands alone (AP style) is the big city', () => {
  const ia = run('WASHINGTON — The senator from Iowa said the farm bill would pass this week.');
  near(one(ia, 'WASHINGTON'), 38.9, -77.04, 20);
  near(one(run('NEW YORK (AP) — Stocks fell on Monday.'), 'NEW YORK'), 40.71, -74.0, 20);
  // not a dateline: mixed case keeps the usual reading (the state, here)
  assert.equal(one(run('Voters in New York backed the plan.'), 'New York').feature, 'A.ADM1');
});

test('"US" written as an abbreviation stays the country next to French places (not the village of Us)', () => {
  const doc = run(
    'Shares fell in Paris and Lyon on Monday, while markets in the US were shut for the holiday.',
  );
  assert.equal(one(doc, 'US').feature, 'A.PCLI');
});
