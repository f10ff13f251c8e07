// Talking to the sitrep API.
import type { Result } from '../../src/result.js';
import type {
  ActorCount,
  ArticleSummary,
  DayStats,
  Dyad,
  GeoCell,
  Stats,
  StoredEvent,
} from '../../src/store/store.js';

export type { Result, ActorCount, ArticleSummary, DayStats, Dyad, GeoCell, Stats, StoredEvent };

/** The filter shared by the overview panels (and kept in the URL). */
export interface Filter {
  q?: string;
  actor?: string;
  source?: string;
  target?: string;
  code?: string;
  country?: string;
  mode?: string;
  from?: string;
  to?: string;
  bbox?: string;
  article?: string;
}

export const FILTER_KEYS: (keyof Filter)[] = [
  'q',
  'actor',
  'source',
  'target',
  'code',
  'country',
  'mode',
  'from',
  'to',
  'bbox',
  'article',
];

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function query(f: Filter, extra: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v) p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as T & { error?: string };
  if (!res.ok) throw new ApiFailure(res.status, body.error ?? `HTTP ${res.status}`);
  return body;
}

export const get = <T>(path: string): Promise<T> =>
  fetch(path, { headers: { Accept: 'application/json' } }).then((r) => json<T>(r));

export function token(): string | null {
  return sessionStorage.getItem('sitrep-token');
}

export async function analyze(body: {
  text?: string;
  html?: string;
  title?: string;
  published?: string;
}): Promise<Result> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  return json<Result>(await fetch('/api/analyze', { method: 'POST', headers, body: JSON.stringify(body) }));
}
