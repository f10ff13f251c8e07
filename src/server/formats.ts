// Event rows as CSV (RFC 4180) and as a GDELT-style TSV, for GET /api/events?format=csv|gdelt.
// TODO: switch the TSV to the GDELT 2.0 formatter in src/export/ once the event coder lands it.
import type { StoredEvent } from '../store/store.js';

export const CSV_COLUMNS: (keyof StoredEvent)[] = [
  'article_id',
  'event_id',
  'date',
  'date_precision',
  'code',
  'root',
  'quad',
  'goldstein',
  'plover',
  'mode',
  'source_code',
  'source_text',
  'target_code',
  'target_text',
  'place_name',
  'country',
  'lat',
  'lon',
  'sentence',
  'start',
  'end',
  'article_title',
  'article_url',
];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // a cell starting with = + - @ is a formula to spreadsheet programs: neutralise it
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\r\n';
}

export function csvRows(rows: StoredEvent[]): string {
  let out = '';
  for (const r of rows) out += CSV_COLUMNS.map((c) => csvCell(r[c])).join(',') + '\r\n';
  return out;
}

const GDELT_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'Actor1Code',
  'Actor1Name',
  'Actor2Code',
  'Actor2Name',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'SOURCEURL',
];

function tsvCell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

export function gdeltHeader(): string {
  return GDELT_COLUMNS.join('\t') + '\n';
}

export function gdeltRows(rows: StoredEvent[]): string {
  let out = '';
  for (const r of rows) {
    out +=
      [
        `${r.article_id}:${r.event_id}`,
        (r.date ?? '').replace(/-/g, ''),
        r.source_code,
        r.source_text,
        r.target_code,
        r.target_text,
        r.sentence === 0 ? 1 : 0,
        r.code,
        r.code.slice(0, 3),
        r.root,
        r.quad,
        r.goldstein,
        r.place_name,
        r.country,
        r.lat,
        r.lon,
        r.article_url ?? r.article_id,
      ]
        .map(tsvCell)
        .join('\t') + '\n';
  }
  return out;
}
