// How a Result is laid out in the query tables; shared by the SQLite and PostgreSQL stores.
import type { Actor, Event, Place, Result } from '../result.js';

// (in the order of the CSV export, which adds to them; inserts name their columns, so the order is free)
export const EVENT_COLUMNS = [
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
  'geonameid',
  'country',
  'lat',
  'lon',
  'sentence',
  'start',
  'end',
] as const;
export const ACTOR_COLUMNS = [
  'article_id',
  'actor_id',
  'name',
  'code',
  'country',
  'role',
  'type',
  'mentions',
] as const;
export const PLACE_COLUMNS = [
  'article_id',
  'start',
  'end',
  'text',
  'name',
  'geonameid',
  'country',
  'lat',
  'lon',
] as const;

type Row<C extends readonly string[]> = Record<C[number], string | number | null>;

export function eventRow(articleId: string, e: Event): Row<typeof EVENT_COLUMNS> {
  return {
    article_id: articleId,
    event_id: e.id,
    code: e.code,
    root: e.root,
    quad: e.quad,
    goldstein: e.goldstein,
    plover: e.plover,
    mode: e.mode,
    source_code: e.source.code,
    source_text: e.source.text,
    target_code: e.target?.code ?? null,
    target_text: e.target?.text ?? null,
    date: e.date,
    date_precision: e.date_precision,
    place_name: e.place?.name ?? null,
    geonameid: e.place?.geonameid ?? null,
    country: e.place?.country ?? null,
    lat: e.place?.lat ?? null,
    lon: e.place?.lon ?? null,
    sentence: e.sentence,
    start: e.start,
    end: e.end,
  };
}

export function actorRow(articleId: string, a: Actor): Row<typeof ACTOR_COLUMNS> {
  return {
    article_id: articleId,
    actor_id: a.id,
    name: a.name,
    code: a.code,
    country: a.country,
    role: a.role,
    type: a.type,
    mentions: a.mentions.length,
  };
}

export function placeRow(articleId: string, p: Place): Row<typeof PLACE_COLUMNS> {
  return {
    article_id: articleId,
    start: p.start,
    end: p.end,
    text: p.text,
    name: p.name,
    geonameid: p.geonameid,
    country: p.country,
    lat: p.lat,
    lon: p.lon,
  };
}

/** The article row (without the store-specific timestamp). */
export function articleRow(r: Result, contentHash: string, version: string) {
  return {
    id: r.id,
    content_hash: contentHash,
    title: r.title,
    published: r.published,
    source: r.source,
    url: r.url,
    text: r.text,
    result: JSON.stringify(r),
    version,
  };
}
