// What every store offers (SQLite embedded; PostgreSQL for shared deployments).
import type { Result } from '../result.js';

export type PutOutcome = 'added' | 'updated' | 'unchanged' | 'duplicate';

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  events: number;
}

export interface EventFilter {
  /** code prefix on either side */
  actor?: string;
  source?: string;
  target?: string;
  /** CAMEO code prefix */
  code?: string;
  root?: string;
  plover?: string;
  mode?: string;
  from?: string;
  to?: string;
  /** ISO2 country of the event's place */
  country?: string;
  bbox?: [number, number, number, number];
  /** full-text query over the article */
  q?: string;
  article?: string;
  limit?: number;
  /** opaque paging cursor from the previous page */
  cursor?: string;
}

export interface StoredEvent {
  article_id: string;
  event_id: string;
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  plover: string | null;
  mode: string;
  source_code: string | null;
  source_text: string | null;
  target_code: string | null;
  target_text: string | null;
  date: string | null;
  date_precision: string | null;
  place_name: string | null;
  geonameid: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  sentence: number | null;
  start: number;
  end: number;
  article_title?: string | null;
  article_url?: string | null;
}

// ── aggregates served by the API (src/store/queries.ts computes them; the web UI reads them) ──

export interface DayStats {
  /** YYYY-MM-DD */
  date: string;
  count: number;
  /** events per QuadClass 1..4 (index 0 = quad 1) */
  quads: [number, number, number, number];
  /** events per CAMEO root code */
  roots: Record<string, number>;
}

export interface Stats {
  days: DayStats[];
  /** events whose date is not known to the day (month/year precision or none) */
  undated: number;
  total: number;
}

export interface ActorCount {
  code: string;
  /** the name most often used for this code in the articles, when known */
  name: string | null;
  events: number;
  as_source: number;
  as_target: number;
}

export interface Dyad {
  source: string;
  target: string;
  count: number;
  /** mean Goldstein score of the dyad's events */
  goldstein: number;
  /** QuadClass counts 1..4 */
  quads: [number, number, number, number];
}

export interface GeoCell {
  /** mean position of the events in the cell */
  lat: number;
  lon: number;
  count: number;
  quads: [number, number, number, number];
  /** the most frequent place name in the cell */
  place: string | null;
  /** the cell's bounds: minLon, minLat, maxLon, maxLat (use as bbox= to list its events) */
  bbox: [number, number, number, number];
}

export interface Store {
  /** Is an article with this content hash stored, analysed by this version? (lets ingest skip work) */
  lookup(contentHash: string): { id: string; version: string } | null;
  /** Store one analysed article and its annotations in one transaction. */
  put(result: Result, contentHash: string): PutOutcome;
  /** Record another id for an already stored body. */
  alias(alias: string, articleId: string): void;
  get(id: string): Result | null;
  articles(options: { q?: string; limit?: number; offset?: number }): {
    total: number;
    items: ArticleSummary[];
  };
  events(filter: EventFilter): { items: StoredEvent[]; next: string | null };
  counts(): { articles: number; aliases: number; events: number; actors: number; places: number };
  /** Run several writes as one transaction. */
  transaction<T>(fn: () => T): T;
  close(): void;
}
