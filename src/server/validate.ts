// Query and body validation for the API: every problem becomes an ApiError with a clear message
// (4xx JSON), never a stack trace.
import type { EventFilter } from '../store/store.js';
import type { EventMode } from '../result.js';

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 413 | 415 | 422 | 500 | 501,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const MODES: readonly EventMode[] = [
  'actual',
  'expected',
  'intended',
  'threatened',
  'denied',
  'hypothetical',
  'requested',
];

/** Largest JSON page of events (the store's own limit); CSV/TSV exports follow cursors up to MAX_EXPORT rows. */
export { MAX_EVENT_PAGE as MAX_PAGE } from '../store/queries.js';
export const MAX_EXPORT = 100_000;

export const FILTER_PARAMS = [
  'actor',
  'source',
  'target',
  'code',
  'root',
  'plover',
  'mode',
  'from',
  'to',
  'country',
  'bbox',
  'q',
  'article',
] as const;

type Query = Record<string, string[]>;

/** The query as name → single value; 400 for names not in `allowed` and for repeated names. */
export function singleQuery(all: Query, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) {
    if (!allowed.includes(name))
      throw new ApiError(400, `unknown query parameter "${name}"; allowed: ${allowed.join(', ')}`);
    if (values.length > 1) throw new ApiError(400, `query parameter "${name}" given more than once`);
    out[name] = values[0] ?? '';
  }
  return out;
}

function matchOr400(name: string, value: string, re: RegExp, expected: string): string {
  if (!re.test(value)) throw new ApiError(400, `bad value for "${name}": expected ${expected}`);
  return value;
}

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real date. */
export function partialDate(name: string, value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) {
    const y = +m[1]!;
    const mo = m[2] ? +m[2] : 1;
    const d = m[3] ? +m[3] : 1;
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) return value;
  }
  throw new ApiError(400, `bad date for "${name}": expected YYYY-MM-DD (or YYYY-MM, YYYY), got "${value}"`);
}

export function integer(name: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value)) throw new ApiError(400, `bad value for "${name}": expected an integer`);
  const n = Number(value);
  if (n < min || n > max) throw new ApiError(400, `bad value for "${name}": expected ${min}..${max}`);
  return n;
}

export function number(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new ApiError(400, `bad value for "${name}": expected a number in ${min}..${max}`);
  return n;
}

/** The event filter from query parameters (already checked by singleQuery). */
export function eventFilter(p: Record<string, string>): EventFilter {
  const f: EventFilter = {};
  const code = /^[A-Za-z0-9]{1,20}$/;
  for (const k of ['actor', 'source', 'target'] as const)
    if (p[k] !== undefined)
      f[k] = matchOr400(k, p[k], code, 'a CAMEO actor code prefix such as SYR or RUSGOV');
  if (p.code !== undefined)
    f.code = matchOr400('code', p.code, /^\d{1,4}$/, 'a CAMEO event code prefix such as 19 or 0241');
  if (p.root !== undefined) f.root = String(integer('root', p.root, 1, 20)).padStart(2, '0');
  if (p.plover !== undefined)
    f.plover = matchOr400('plover', p.plover, /^[A-Za-z_]{1,40}$/, 'a PLOVER event type such as ASSAULT');
  if (p.mode !== undefined) {
    if (!(MODES as readonly string[]).includes(p.mode))
      throw new ApiError(400, `bad value for "mode": expected one of ${MODES.join(', ')}`);
    f.mode = p.mode;
  }
  if (p.from !== undefined) f.from = partialDate('from', p.from);
  if (p.to !== undefined) f.to = partialDate('to', p.to);
  if (f.from && f.to && f.from > f.to) throw new ApiError(400, '"from" is after "to"');
  if (p.country !== undefined)
    f.country = matchOr400(
      'country',
      p.country,
      /^[A-Za-z]{2}$/,
      'an ISO 3166-1 alpha-2 code such as SY',
    ).toUpperCase();
  if (p.bbox !== undefined) {
    const parts = p.bbox.split(',');
    if (parts.length !== 4)
      throw new ApiError(400, 'bad value for "bbox": expected minLon,minLat,maxLon,maxLat');
    const [minLon, minLat, maxLon, maxLat] = [
      number('bbox minLon', parts[0]!, -180, 180),
      number('bbox minLat', parts[1]!, -90, 90),
      number('bbox maxLon', parts[2]!, -180, 180),
      number('bbox maxLat', parts[3]!, -90, 90),
    ];
    if (minLon > maxLon || minLat > maxLat)
      throw new ApiError(400, 'bad value for "bbox": min is greater than max');
    f.bbox = [minLon, minLat, maxLon, maxLat];
  }
  if (p.q !== undefined) {
    if (p.q.length > 500) throw new ApiError(400, '"q" is longer than 500 characters');
    if (p.q.trim()) f.q = p.q;
  }
  if (p.article !== undefined) {
    if (p.article.length > 200) throw new ApiError(400, '"article" is longer than 200 characters');
    f.article = p.article;
  }
  return f;
}
