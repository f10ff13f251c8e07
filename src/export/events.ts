// Event exports: GDELT 2.0 event-table rows (61 tab-separated columns, FIPS 10-4 countries in the geo
// blocks, as GDELT writes them), a plain CSV and JSON lines. Pure functions over Result objects, so they
// are testable without a store; the CLI (src/cli/export.ts) feeds them stored articles.
import { readFileSync } from 'node:fs';
import countries from '../countries.js';
import { dataPath } from '../data.js';
import { codeInfo } from '../events/codebook.js';
import type { Actor, Event, EventActor, Result } from '../result.js';
import { EVENT_COLUMNS, eventRow } from '../store/rows.js';

let fipsTable: Map<string, string> | null = null;

/** FIPS 10-4 country code of an ISO 3166-1 alpha-2 code (data/events/fips.tsv). */
export function fipsOf(iso2: string | null | undefined): string {
  if (!iso2) return '';
  if (!fipsTable) {
    fipsTable = new Map();
    for (const line of readFileSync(dataPath('events', 'fips.tsv'), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [iso, fips] = line.split('\t');
      if (iso && fips) fipsTable.set(iso, fips);
    }
  }
  return fipsTable.get(iso2.toUpperCase()) ?? '';
}

/** The GDELT 2.0 event-table column names, in order (61). */
export const GDELT_COLUMNS: string[] = (() => {
  const actor = (n: number): string[] =>
    [
      'Code',
      'Name',
      'CountryCode',
      'KnownGroupCode',
      'EthnicCode',
      'Religion1Code',
      'Religion2Code',
      'Type1Code',
      'Type2Code',
      'Type3Code',
    ].map((f) => `Actor${n}${f}`);
  const geo = (p: string): string[] =>
    ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map(
      (f) => `${p}Geo_${f}`,
    );
  return [
    'GLOBALEVENTID',
    'SQLDATE',
    'MonthYear',
    'Year',
    'FractionDate',
    ...actor(1),
    ...actor(2),
    'IsRootEvent',
    'EventCode',
    'EventBaseCode',
    'EventRootCode',
    'QuadClass',
    'GoldsteinScale',
    'NumMentions',
    'NumSources',
    'NumArticles',
    'AvgTone',
    ...geo('Actor1'),
    ...geo('Actor2'),
    ...geo('Action'),
    'DATEADDED',
    'SOURCEURL',
  ];
})();

const GROUP_PREFIXES = ['IGO', 'NGO', 'IMG', 'MNC'];

/** Split a CAMEO actor code into GDELT's actor fields. */
export function actorFields(code: string | null, name: string): string[] {
  if (!code) return ['', '', '', '', '', '', '', '', '', ''];
  const parts: string[] = [];
  for (let i = 0; i < code.length; i += 3) parts.push(code.slice(i, i + 3));
  let country = '';
  let group = '';
  let roles = parts;
  if (GROUP_PREFIXES.includes(parts[0]!)) {
    group = parts[1] ?? '';
    roles = parts.slice(2);
  } else if (
    countries.alpha3ToAlpha2(parts[0]!) ||
    /^(EUR|AFR|ASA|WST|MEA|SAM|NAM|CAS|SAS|SEA|EEU|WAF|EAF|BLK|CRB|ARB|KUR|PSE|XKX)$/.test(parts[0]!)
  ) {
    country = parts[0]!;
    roles = parts.slice(1);
  }
  return [
    code,
    name.toUpperCase(),
    country,
    group,
    '',
    '',
    '',
    roles[0] ?? '',
    roles[1] ?? '',
    roles[2] ?? '',
  ];
}

function actorName(r: Result, a: EventActor | null): string {
  if (!a) return '';
  const actor: Actor | undefined = a.actor ? r.actors.find((x) => x.id === a.actor) : undefined;
  return actor?.name ?? a.text;
}

/** GDELT geo block for a country given as ISO3 (actor geo) or for an event place. */
function countryGeo(iso3: string): string[] {
  const iso2 = countries.alpha3ToAlpha2(iso3);
  if (!iso2) return ['', '', '', '', '', '', '', ''];
  const fips = fipsOf(iso2);
  const name = countries.getName(iso2, 'en') ?? '';
  return ['1', name, fips, fips, '', '', '', fips];
}

function placeGeo(e: Event): string[] {
  const p = e.place;
  if (!p) return ['', '', '', '', '', '', '', ''];
  const fips = fipsOf(p.country);
  const countryName = p.country ? (countries.getName(p.country, 'en') ?? '') : '';
  const isCountry = countryName && p.name === countryName;
  const type = isCountry ? 1 : p.country === 'US' ? 3 : 4;
  const full = isCountry ? countryName : [p.name, countryName].filter(Boolean).join(', ');
  return [
    String(type),
    full,
    fips,
    fips,
    '',
    p.lat == null ? '' : String(p.lat),
    p.lon == null ? '' : String(p.lon),
    p.geonameid == null ? fips : String(p.geonameid),
  ];
}

/** YYYYMMDD parts of an event date (month or year precision fall back to the first day). */
function dateParts(date: string | null): { day: string; month: string; year: string; fraction: string } {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return { day: '', month: '', year: '', fraction: '' };
  const y = m[1]!;
  const mo = m[2] ?? '01';
  const d = m[3] ?? '01';
  const fraction = (Number(y) + (Number(mo) * 30 + Number(d)) / 365).toFixed(4);
  return { day: `${y}${mo}${d}`, month: `${y}${mo}`, year: y, fraction };
}

export interface GdeltOptions {
  /** GLOBALEVENTID of the first row */
  firstId?: number;
  /** DATEADDED, YYYYMMDDHHMMSS; default: now (UTC) */
  dateAdded?: string;
}

/** One article's events as GDELT 2.0 event-table rows (arrays of 61 strings). */
export function gdeltRows(r: Result, options: GdeltOptions = {}): string[][] {
  const added = options.dateAdded ?? new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  let id = options.firstId ?? 1;
  // the lead: the first paragraph after the headline
  const lead = r.paragraphs.find((p) => !(r.title && r.text.slice(p.start, p.end).trim() === r.title.trim()));
  return r.events.map((e) => {
    const d = dateParts(e.date ?? r.published);
    const mentions = r.events.filter(
      (o) => o.code === e.code && o.source.code === e.source.code && o.target?.code === e.target?.code,
    ).length;
    const row = [
      String(id++),
      d.day,
      d.month,
      d.year,
      d.fraction,
      ...actorFields(e.source.code, actorName(r, e.source)),
      ...actorFields(e.target?.code ?? null, actorName(r, e.target)),
      lead && e.start >= lead.start && e.start < lead.end ? '1' : '0',
      e.code,
      e.code.slice(0, 3),
      e.root,
      String(e.quad),
      String(e.goldstein),
      String(mentions),
      '1',
      '1',
      '0',
      ...countryGeo((e.source.code ?? '').slice(0, 3)),
      ...(e.target ? countryGeo((e.target.code ?? '').slice(0, 3)) : ['', '', '', '', '', '', '', '']),
      ...placeGeo(e),
      added,
      r.url ?? '',
    ];
    return row;
  });
}

/** A GDELT line: tab-separated, tabs and newlines inside fields replaced by spaces. */
export function tsvLine(fields: string[]): string {
  return fields.map((f) => f.replace(/[\t\r\n]+/g, ' ')).join('\t');
}

/**
 * The event CSV layout, one for `sitrep export --format csv` and `GET /api/events?format=csv`: the stored
 * event columns (src/store/rows.ts), the code's label, and the article's title and url.
 */
export const CSV_COLUMNS = [
  ...EVENT_COLUMNS.slice(0, EVENT_COLUMNS.indexOf('code') + 1),
  'label',
  ...EVENT_COLUMNS.slice(EVENT_COLUMNS.indexOf('code') + 1),
  'article_title',
  'article_url',
] as const;

type CsvEvent = Partial<Record<(typeof CSV_COLUMNS)[number], unknown>>;

/** One event as a CSV line (CSV_COLUMNS); the label comes from the codebook. */
export function csvEventLine(e: CsvEvent): string {
  const label = codeInfo(String(e.code))?.label ?? '';
  return CSV_COLUMNS.map((c) => csvCell(c === 'label' ? label : e[c])).join(',');
}

/** One article's events in the stored-row shape that csvEventLine takes. */
export function csvEvents(r: Result): CsvEvent[] {
  return r.events.map((e) => ({ ...eventRow(r.id, e), article_title: r.title, article_url: r.url }));
}

/**
 * One RFC 4180 CSV cell. A text (not a number such as -4.5) starting with = + - @ is a formula to
 * spreadsheet programs, so it is neutralised.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s))) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV line. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvCell).join(',');
}

/** One article's events as JSON lines (each event with its article's id, title, url and published date). */
export function jsonLines(r: Result): string[] {
  return r.events.map((e) =>
    JSON.stringify({ article: { id: r.id, title: r.title, url: r.url, published: r.published }, ...e }),
  );
}
