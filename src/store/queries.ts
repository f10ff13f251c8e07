// Aggregate queries for the HTTP API and the web UI (server-side aggregation, so the browser never
// pulls 100k events): events per day by QuadClass/root, actor counts and dyads, events on a grid.
// They take the better-sqlite3 handle that SqliteStore exposes and honour the same EventFilter
// fields as SqliteStore.events() (cursor and limit excepted).
import type Database from 'better-sqlite3';
import type { ActorCount, DayStats, Dyad, EventFilter, GeoCell, Stats, StoredEvent } from './store.js';

/** WHERE clause (without the keyword) and its arguments for an event filter over `events e JOIN articles a`. */
export function eventWhere(filter: EventFilter): { sql: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const prefix = (col: string, v: string): void => {
    where.push(`${col} >= ? AND ${col} < ?`);
    args.push(v.toUpperCase(), v.toUpperCase() + '\uffff');
  };
  if (filter.actor) {
    const v = filter.actor.toUpperCase();
    where.push('((e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?))');
    args.push(v, v + '\uffff', v, v + '\uffff');
  }
  if (filter.source) prefix('e.source_code', filter.source);
  if (filter.target) prefix('e.target_code', filter.target);
  if (filter.code) prefix('e.code', filter.code);
  if (filter.root) {
    where.push('e.root = ?');
    args.push(filter.root.padStart(2, '0'));
  }
  if (filter.plover) {
    where.push('e.plover = ?');
    args.push(filter.plover.toUpperCase());
  }
  if (filter.mode) {
    where.push('e.mode = ?');
    args.push(filter.mode);
  }
  if (filter.from) {
    where.push('e.date >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    where.push('e.date <= ?');
    args.push(filter.to + '\uffff');
  }
  if (filter.country) {
    where.push('e.country = ?');
    args.push(filter.country.toUpperCase());
  }
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    where.push('e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?');
    args.push(minLat, maxLat, minLon, maxLon);
  }
  if (filter.article) {
    where.push('e.article_id = ?');
    args.push(filter.article);
  }
  if (filter.q) {
    where.push(
      'e.article_id IN (SELECT a2.id FROM articles_fts f JOIN articles a2 ON a2.rowid = f.rowid WHERE articles_fts MATCH ?)',
    );
    args.push(ftsQuery(filter.q));
  }
  return { sql: where.length ? where.join(' AND ') : '1', args };
}

/** Events per day, stacked by QuadClass and by root code. */
export function eventStats(db: Database.Database, filter: EventFilter): Stats {
  const w = eventWhere(filter);
  const rows = db
    .prepare(
      `SELECT CASE WHEN length(e.date) = 10 THEN e.date END AS day, e.root AS root, e.quad AS quad, COUNT(*) AS n
       FROM events e WHERE ${w.sql} GROUP BY day, e.root, e.quad ORDER BY day`,
    )
    .all(...w.args) as { day: string | null; root: string; quad: number; n: number }[];
  const days = new Map<string, DayStats>();
  let undated = 0;
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (!r.day) {
      undated += r.n;
      continue;
    }
    let d = days.get(r.day);
    if (!d) {
      d = { date: r.day, count: 0, quads: [0, 0, 0, 0], roots: {} };
      days.set(r.day, d);
    }
    d.count += r.n;
    if (r.quad >= 1 && r.quad <= 4) d.quads[r.quad - 1] = (d.quads[r.quad - 1] ?? 0) + r.n;
    d.roots[r.root] = (d.roots[r.root] ?? 0) + r.n;
  }
  return { days: [...days.values()], undated, total };
}

/** Group codes by full code, or by country (first three letters; IGOs/NGOs etc. keep six). */
export type ActorLevel = 'code' | 'country';

function keyExpr(col: string, level: ActorLevel): string {
  if (level === 'code') return col;
  return `CASE WHEN substr(${col},1,3) IN ('IGO','NGO','IMG','MNC') THEN substr(${col},1,6) ELSE substr(${col},1,3) END`;
}

/** Actor codes by number of events they take part in, and the top source→target dyads. */
export function actorStats(
  db: Database.Database,
  filter: EventFilter,
  options: { level?: ActorLevel; limit?: number } = {},
): { actors: ActorCount[]; dyads: Dyad[] } {
  const level = options.level ?? 'code';
  const limit = options.limit ?? 100;
  const w = eventWhere(filter);
  const src = keyExpr('e.source_code', level);
  const tgt = keyExpr('e.target_code', level);
  const sides = db
    .prepare(
      `SELECT code, SUM(s) AS as_source, SUM(t) AS as_target FROM (
         SELECT ${src} AS code, 1 AS s, 0 AS t FROM events e WHERE e.source_code IS NOT NULL AND ${w.sql}
         UNION ALL
         SELECT ${tgt} AS code, 0 AS s, 1 AS t FROM events e WHERE e.target_code IS NOT NULL AND ${w.sql}
       ) GROUP BY code ORDER BY COUNT(*) DESC, code LIMIT ?`,
    )
    .all(...w.args, ...w.args, limit) as { code: string; as_source: number; as_target: number }[];
  const dyads = db
    .prepare(
      `SELECT ${src} AS source, ${tgt} AS target, COUNT(*) AS count, AVG(e.goldstein) AS goldstein,
         SUM(e.quad = 1) AS q1, SUM(e.quad = 2) AS q2, SUM(e.quad = 3) AS q3, SUM(e.quad = 4) AS q4
       FROM events e WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND ${w.sql}
       GROUP BY source, target ORDER BY count DESC, source, target LIMIT ?`,
    )
    .all(...w.args, limit) as {
    source: string;
    target: string;
    count: number;
    goldstein: number;
    q1: number;
    q2: number;
    q3: number;
    q4: number;
  }[];
  const names = actorNames(
    db,
    sides.map((s) => s.code),
    level,
  );
  return {
    actors: sides.map((s) => ({
      code: s.code,
      name: names.get(s.code) ?? null,
      events: s.as_source + s.as_target,
      as_source: s.as_source,
      as_target: s.as_target,
    })),
    dyads: dyads.map((d) => ({
      source: d.source,
      target: d.target,
      count: d.count,
      goldstein: Math.round(d.goldstein * 100) / 100,
      quads: [d.q1, d.q2, d.q3, d.q4],
    })),
  };
}

/** The most used name per code (or per country key), from the actors table. */
function actorNames(db: Database.Database, codes: string[], level: ActorLevel): Map<string, string> {
  const out = new Map<string, string>();
  if (!codes.length) return out;
  const key = keyExpr('code', level);
  const rows = db
    .prepare(
      `SELECT ${key} AS k, name, SUM(mentions) AS n FROM actors
       WHERE code IS NOT NULL AND ${key} IN (${codes.map(() => '?').join(',')})
       GROUP BY k, name ORDER BY MAX(type = 'country' OR length(code) = 3) DESC, n DESC`,
    )
    .all(...codes) as { k: string; name: string; n: number }[];
  for (const r of rows) if (!out.has(r.k)) out.set(r.k, r.name);
  return out;
}

/** Events with coordinates, clustered on a grid of `cell` degrees. */
export function geoCells(db: Database.Database, filter: EventFilter, cell: number): GeoCell[] {
  const w = eventWhere(filter);
  const rows = db
    .prepare(
      `SELECT CAST(floor(e.lat / ?) AS INTEGER) AS gy, CAST(floor(e.lon / ?) AS INTEGER) AS gx,
         e.place_name AS place, e.quad AS quad, SUM(e.lat) AS slat, SUM(e.lon) AS slon, COUNT(*) AS n
       FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND ${w.sql}
       GROUP BY gy, gx, e.place_name, e.quad`,
    )
    .all(cell, cell, ...w.args) as {
    gy: number;
    gx: number;
    place: string | null;
    quad: number;
    slat: number;
    slon: number;
    n: number;
  }[];
  const cells = new Map<
    string,
    {
      gy: number;
      gx: number;
      slat: number;
      slon: number;
      n: number;
      quads: [number, number, number, number];
      places: Map<string, number>;
    }
  >();
  for (const r of rows) {
    const k = `${r.gy},${r.gx}`;
    let c = cells.get(k);
    if (!c) {
      c = { gy: r.gy, gx: r.gx, slat: 0, slon: 0, n: 0, quads: [0, 0, 0, 0], places: new Map() };
      cells.set(k, c);
    }
    c.slat += r.slat;
    c.slon += r.slon;
    c.n += r.n;
    if (r.quad >= 1 && r.quad <= 4) c.quads[r.quad - 1] = (c.quads[r.quad - 1] ?? 0) + r.n;
    if (r.place) c.places.set(r.place, (c.places.get(r.place) ?? 0) + r.n);
  }
  const r4 = (n: number): number => Math.round(n * 1e4) / 1e4;
  return [...cells.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, 5000)
    .map((c) => {
      let place: string | null = null;
      let best = 0;
      for (const [name, n] of c.places) if (n > best) [place, best] = [name, n];
      return {
        lat: r4(c.slat / c.n),
        lon: r4(c.slon / c.n),
        count: c.n,
        quads: c.quads,
        place,
        bbox: [r4(c.gx * cell), r4(c.gy * cell), r4((c.gx + 1) * cell), r4((c.gy + 1) * cell)] as [
          number,
          number,
          number,
          number,
        ],
      };
    });
}

/** A user's words as an FTS5 query: each word a quoted term, all required. */
export function ftsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `"${w}"`).join(' ') : '""';
}

// ---------- event pages with a plan chosen by selectivity ----------

export const MAX_EVENT_PAGE = 1000;

const keyIndex = new WeakMap<Database.Database, boolean>();
/** Is the events primary key the implicit index this module hints at? (schema 001) */
function hasKeyIndex(db: Database.Database): boolean {
  let v = keyIndex.get(db);
  if (v === undefined) {
    v = !!db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'sqlite_autoindex_events_1'")
      .get();
    keyIndex.set(db, v);
  }
  return v;
}

function encodeCursor(articleId: string, eventId: string): string {
  return Buffer.from(JSON.stringify([articleId, eventId])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string'))
      return v as [string, string];
  } catch {
    // fall through
  }
  throw new Error('invalid cursor');
}

const planCache = new Map<string, boolean>();
/** Does SQLite answer this filter through a secondary index (not a scan, not the primary key)? */
function usesIndex(db: Database.Database, cond: string, args: (string | number)[]): boolean {
  let v = planCache.get(cond);
  if (v === undefined) {
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM events e WHERE ${cond}`).all(...args) as {
      detail: string;
    }[];
    v = plan.some(
      (p) => /^(SEARCH e |MULTI-INDEX OR)/.test(p.detail) && !p.detail.includes('sqlite_autoindex_events_1'),
    );
    if (planCache.size > 500) planCache.clear();
    planCache.set(cond, v);
  }
  return v;
}

/**
 * One page of events, in (article_id, event_id) order with the same cursor as SqliteStore.events(),
 * but fast for both common and rare filters: SQLite's own plan for a filter with an index (actor,
 * bbox, code…) reads every match and sorts it, which is slow when a filter matches tens of thousands
 * of events. So: count matches up to a threshold through the indexes; when there are many, walk the
 * primary key in order and stop after one page; when few, let the indexes find them and sort them.
 */
export function listEvents(
  db: Database.Database,
  filter: EventFilter,
): { items: StoredEvent[]; next: string | null } {
  const limit = Math.max(1, Math.min(MAX_EVENT_PAGE, Math.floor(filter.limit ?? 100)));
  const w = eventWhere(filter);
  const where = [w.sql];
  const args = [...w.args];
  if (filter.cursor) {
    const [a, e] = decodeCursor(filter.cursor);
    where.push('(e.article_id, e.event_id) > (?, ?)');
    args.push(a, e);
  }
  const cond = where.join(' AND ');
  const cols = 'e.*, a.title AS article_title, a.url AS article_url';
  let rows: StoredEvent[] | null = null;
  if (w.sql !== '1' && usesIndex(db, cond, args)) {
    // probe through the indexes: all matches if there are fewer than the threshold
    const total = (db.prepare('SELECT max(rowid) AS n FROM events').get() as { n: number | null }).n ?? 0;
    const threshold = Math.max(4 * (limit + 1), Math.floor(total / 200));
    const probe = db
      .prepare(`SELECT e.rowid AS r, e.article_id AS a, e.event_id AS e FROM events e WHERE ${cond} LIMIT ?`)
      .all(...args, threshold) as { r: number; a: string; e: string }[];
    if (probe.length < threshold) {
      // few: order them as SQLite's BINARY collation does (UTF-8 bytes) and fetch one page by rowid
      const keyed = probe.map((p) => ({ r: p.r, a: Buffer.from(p.a), e: Buffer.from(p.e) }));
      keyed.sort((x, y) => Buffer.compare(x.a, y.a) || Buffer.compare(x.e, y.e));
      const ids = keyed.slice(0, limit + 1).map((k) => k.r);
      rows = ids.length
        ? (db
            .prepare(
              `SELECT ${cols} FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.rowid IN (${ids.map(() => '?').join(',')}) ORDER BY e.article_id, e.event_id`,
            )
            .all(...ids) as StoredEvent[])
        : [];
    }
  }
  // many (or no filter): walk the primary key in order and stop after one page
  rows ??= db
    .prepare(
      `SELECT ${cols} FROM ${hasKeyIndex(db) ? 'events e INDEXED BY sqlite_autoindex_events_1' : 'events e'}
       JOIN articles a ON a.id = e.article_id WHERE ${cond} ORDER BY e.article_id, e.event_id LIMIT ?`,
    )
    .all(...args, limit + 1) as StoredEvent[];
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, next: more && last ? encodeCursor(last.article_id, last.event_id) : null };
}
