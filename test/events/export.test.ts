// The export formatters on a Result built from a sentence written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from './helpers.js';
import { createEventsStage } from '../../src/events/index.js';
import { toResult } from '../../src/pipeline.js';
import {
  CSV_COLUMNS,
  GDELT_COLUMNS,
  actorFields,
  csvLine,
  csvEventLine,
  csvEvents,
  fipsOf,
  gdeltRows,
  jsonLines,
} from '../../src/export/events.js';

function result() {
  const doc = build('Canadian troops shelled rebel positions near Kandahar on Monday.', {
    actors: [
      ['Canadian troops', 'CANMIL'],
      ['rebel positions', 'AFGREB'],
    ],
    places: [['Kandahar', 'AF']],
  });
  doc.places[0]!.lat = 31.61;
  doc.places[0]!.lon = 65.71;
  doc.places[0]!.geonameid = 1138336;
  createEventsStage().run(doc);
  return toResult(doc);
}

test('GDELT rows have 61 columns in the event-table order, with FIPS countries in the geo blocks', () => {
  const r = result();
  assert.equal(GDELT_COLUMNS.length, 61);
  const rows = gdeltRows(r, { firstId: 7, dateAdded: '20200310120000' });
  assert.equal(rows.length, 1);
  const row = rows[0]!;
  assert.equal(row.length, 61);
  const col = (name: string): string => row[GDELT_COLUMNS.indexOf(name)]!;
  assert.equal(col('GLOBALEVENTID'), '7');
  assert.equal(col('SQLDATE'), '20200310');
  assert.equal(col('Actor1Code'), 'CANMIL');
  assert.equal(col('Actor1CountryCode'), 'CAN');
  assert.equal(col('Actor1Type1Code'), 'MIL');
  assert.equal(col('Actor2Code'), 'AFGREB');
  assert.equal(col('EventCode'), '194');
  assert.equal(col('EventRootCode'), '19');
  assert.equal(col('QuadClass'), '4');
  assert.equal(col('Actor1Geo_CountryCode'), 'CA');
  assert.equal(col('Actor2Geo_CountryCode'), 'AF');
  assert.equal(col('ActionGeo_CountryCode'), 'AF');
  assert.equal(col('ActionGeo_Lat'), '31.61');
  assert.equal(col('ActionGeo_FeatureID'), '1138336');
  assert.equal(col('DATEADDED'), '20200310120000');
});

test('FIPS codes differ from ISO where GDELT says so', () => {
  assert.equal(fipsOf('DE'), 'GM');
  assert.equal(fipsOf('GB'), 'UK');
  assert.equal(fipsOf('IL'), 'IS');
  assert.equal(fipsOf('SY'), 'SY');
  assert.equal(fipsOf(null), '');
});

test('IGO actor codes fill the known-group field', () => {
  const f = actorFields('IGOUNO', 'United Nations');
  assert.equal(f[2], '');
  assert.equal(f[3], 'UNO');
});

test('CSV rows quote commas and carry the mode; JSON lines carry the article', () => {
  const r = result();
  const row = csvEventLine(csvEvents(r)[0]!).split(',');
  assert.equal(row[CSV_COLUMNS.indexOf('code')], '194');
  assert.equal(row[CSV_COLUMNS.indexOf('label')], 'Fight with artillery and tanks');
  assert.equal(row[CSV_COLUMNS.indexOf('mode')], 'actual');
  assert.equal(csvLine(['a,b', 'c"d']), '"a,b","c""d"');
  const j = JSON.parse(jsonLines(r)[0]!) as { article: { id: string }; code: string };
  assert.equal(j.code, '194');
  assert.equal(j.article.id, r.id);
});

test('CSV cells: numbers stay numbers, formulas are neutralised', () => {
  assert.equal(
    csvLine(['-4.5', '=HYPERLINK("x")', '@cmd', 'plain']),
    '-4.5,"\'=HYPERLINK(""x"")",\'@cmd,plain',
  );
});
