// The HTTP API (Hono) and the static web UI, as one app. createApp() builds it without a port,
// so tests drive it in-process with app.request(); src/server/index.ts serves it over HTTP.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { timingSafeEqual, createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { articleId } from '../ingest/article.js';
import type { Article } from '../ingest/article.js';
import { fromHtml } from '../ingest/html.js';
import { fromPlainText } from '../ingest/plain.js';
import { InputError } from '../ingest/decode.js';
import type { Result } from '../result.js';
import type { Store, StoredEvent } from '../store/store.js';
import { actorStats, eventStats, geoCells } from '../store/queries.js';
import { VERSION } from '../version.js';
import { GdeltExport, csvHeader, csvRows } from './formats.js';
import { openapi } from './openapi.js';
import { webHandler } from './static.js';
import {
  ApiError,
  FILTER_PARAMS,
  MAX_EXPORT,
  MAX_PAGE,
  eventFilter,
  integer,
  number,
  partialDate,
  singleQuery,
} from './validate.js';

/** What the server needs from the pipeline: analyse one article. */
export interface Analyzer {
  analyze(article: Article): Result;
}

export interface AppOptions {
  /** bearer token required on write endpoints; default process.env.SITREP_TOKEN; null = open */
  token?: string | null;
  /** largest request body in bytes (default 2 MB) */
  maxBody?: number;
  /** folder of the built web UI (default web/dist of the package); null = API only */
  webDir?: string | null;
}

export const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

const ARTICLE_FIELDS = ['text', 'html', 'title', 'published', 'url', 'source', 'id'] as const;

export function createApp(store: Store, pipeline: Analyzer, options: AppOptions = {}): Hono {
  const token = options.token === undefined ? process.env.SITREP_TOKEN || null : options.token;
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const app = new Hono();

  // aggregates are cached until the database changes (our writes, or another process's commits)
  const cache = new Map<string, unknown>();
  let writes = 0;
  const cached = <T>(c: Context, compute: () => T): T => {
    const db = sqlDb(store);
    const version = `${db.pragma('data_version', { simple: true })}:${writes}`;
    const key = `${version} ${c.req.url}`;
    if (cache.has(key)) return cache.get(key) as T;
    const v = compute();
    if (cache.size >= 200) cache.clear();
    cache.set(key, v);
    return v;
  };

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: err.message }, err.status);
    // anything else is our bug: log it here, tell the client nothing about the internals
    process.stderr.write(`sitrep serve: ${c.req.method} ${c.req.path}: ${err.stack ?? String(err)}\n`);
    return c.json({ error: 'internal error' }, 500);
  });

  // writes: token (when configured) and body size
  const auth = createMiddleware(async (c, next) => {
    if (token) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
      if (!sameSecret(given, token)) {
        c.header('WWW-Authenticate', 'Bearer realm="sitrep"');
        throw new ApiError(401, 'missing or wrong bearer token (Authorization: Bearer $SITREP_TOKEN)');
      }
    }
    await next();
  });
  const limit = bodyLimit({
    maxSize: maxBody,
    onError: (c) => c.json({ error: `request body larger than ${maxBody} bytes` }, 413),
  });

  app.get('/api/openapi.json', (c) => c.json(openapi));

  app.get('/api/health', (c) => c.json({ ok: true, version: VERSION, ...store.counts() }));

  app.post('/api/analyze', auth, limit, async (c) => {
    singleQuery(c.req.queries(), ARTICLE_QUERY);
    const article = await readArticle(c);
    return c.json(analyse(pipeline, article));
  });

  app.post('/api/articles', auth, limit, async (c) => {
    singleQuery(c.req.queries(), ARTICLE_QUERY);
    const article = await readArticle(c);
    const hash = articleId(article.text);
    const known = store.lookup(hash);
    if (known && known.version === VERSION) {
      const outcome = article.id && article.id !== known.id ? 'duplicate' : 'unchanged';
      if (outcome === 'duplicate') store.alias(article.id!, known.id);
      return c.json({ id: known.id, outcome, events: countEvents(store, known.id) }, 200);
    }
    const result = analyse(pipeline, article);
    const outcome = store.put(result, hash);
    writes++;
    const id = outcome === 'duplicate' && known ? known.id : result.id;
    return c.json({ id, outcome, events: result.events.length }, outcome === 'added' ? 201 : 200);
  });

  app.get('/api/articles', (c) => {
    const p = singleQuery(c.req.queries(), ['q', 'limit', 'offset']);
    const opts: { q?: string; limit: number; offset: number } = {
      limit: p.limit ? integer('limit', p.limit, 1, MAX_PAGE) : 50,
      offset: p.offset ? integer('offset', p.offset, 0, 10_000_000) : 0,
    };
    if (p.q !== undefined) {
      if (p.q.length > 500) throw new ApiError(400, '"q" is longer than 500 characters');
      if (p.q.trim()) opts.q = p.q;
    }
    return c.json({ ...store.articles(opts), limit: opts.limit, offset: opts.offset });
  });

  app.get('/api/articles/:id', (c) => {
    singleQuery(c.req.queries(), []);
    const id = c.req.param('id');
    const r = id.length <= 200 ? store.get(id) : null;
    if (!r) throw new ApiError(404, `no article with id "${id}"`);
    return c.json(r);
  });

  app.get('/api/events', (c) => {
    const p = singleQuery(c.req.queries(), [...FILTER_PARAMS, 'limit', 'cursor', 'format']);
    const filter = eventFilter(p);
    const format = p.format ?? formatFromAccept(c.req.header('accept'));
    if (!['json', 'csv', 'gdelt'].includes(format))
      throw new ApiError(400, 'bad value for "format": expected json, csv or gdelt');
    const max = format === 'json' ? MAX_PAGE : MAX_EXPORT;
    const limit = p.limit ? integer('limit', p.limit, 1, max) : format === 'json' ? 100 : 10_000;
    if (p.cursor !== undefined) {
      if (p.cursor.length > 1000) throw new ApiError(400, 'bad value for "cursor"');
      filter.cursor = p.cursor;
    }
    const page = (cursor: string | undefined, n: number): { items: StoredEvent[]; next: string | null } => {
      try {
        const f = { ...filter, ...(cursor ? { cursor } : {}), limit: n };
        return store.events(f);
      } catch (e) {
        if ((e as Error).message === 'invalid cursor') throw new ApiError(400, 'bad value for "cursor"');
        throw e;
      }
    };
    if (format === 'json') {
      const { items, next } = page(filter.cursor, limit);
      return c.json({ items, next });
    }
    // CSV / TSV: follow the cursor page by page up to `limit` rows, streaming
    const gdelt = new GdeltExport((id) => store.get(id));
    const [header, rows, type, ext] =
      format === 'csv'
        ? [csvHeader, csvRows, 'text/csv; charset=utf-8', 'csv']
        : [
            () => gdelt.header(),
            (r: StoredEvent[]) => gdelt.rows(r),
            'text/tab-separated-values; charset=utf-8',
            'tsv',
          ];
    const first = page(filter.cursor, Math.min(limit, MAX_PAGE));
    let cursor = first.next;
    let sent = first.items.length;
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(enc.encode(header() + rows(first.items)));
        if (!cursor || sent >= limit) ctl.close();
      },
      pull(ctl) {
        if (!cursor || sent >= limit) return;
        const next = page(cursor, Math.min(limit - sent, MAX_PAGE));
        sent += next.items.length;
        cursor = next.next;
        ctl.enqueue(enc.encode(rows(next.items)));
        if (!cursor || sent >= limit) ctl.close();
      },
    });
    c.header('Content-Type', type);
    c.header('Content-Disposition', `attachment; filename="sitrep-events.${ext}"`);
    return c.body(body);
  });

  app.get('/api/actors', (c) => {
    const p = singleQuery(c.req.queries(), [...FILTER_PARAMS, 'level', 'limit']);
    const level = p.level ?? 'code';
    if (level !== 'code' && level !== 'country')
      throw new ApiError(400, 'bad value for "level": expected code or country');
    const limit = p.limit ? integer('limit', p.limit, 1, 500) : 100;
    return c.json(cached(c, () => actorStats(sqlDb(store), eventFilter(p), { level, limit })));
  });

  app.get('/api/stats', (c) => {
    const p = singleQuery(c.req.queries(), [...FILTER_PARAMS]);
    return c.json(cached(c, () => eventStats(sqlDb(store), eventFilter(p))));
  });

  app.get('/api/geo', (c) => {
    const p = singleQuery(c.req.queries(), [...FILTER_PARAMS, 'cell']);
    const cell = p.cell ? number('cell', p.cell, 0.01, 45) : 1;
    return c.json(cached(c, () => ({ cell, cells: geoCells(sqlDb(store), eventFilter(p), cell) })));
  });

  app.all('/api/*', (c) => {
    throw new ApiError(404, `no such endpoint: ${c.req.method} ${c.req.path}`);
  });

  if (options.webDir !== null) app.get('*', webHandler(options.webDir));
  return app;
}

const ARTICLE_QUERY = ['title', 'published', 'url', 'source', 'id'];

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function sqlDb(store: Store): Database.Database {
  const db = (store as Store & { db?: Database.Database }).db;
  if (!db) throw new ApiError(501, 'this store does not offer aggregate queries');
  return db;
}

function countEvents(store: Store, id: string): number {
  return store.get(id)?.events.length ?? 0;
}

function formatFromAccept(accept: string | undefined): string {
  if (!accept) return 'json';
  if (/text\/csv/i.test(accept)) return 'csv';
  if (/text\/tab-separated-values/i.test(accept)) return 'gdelt';
  return 'json';
}

function analyse(pipeline: Analyzer, article: Article): Result {
  try {
    return pipeline.analyze(article);
  } catch (e) {
    if (e instanceof InputError) throw new ApiError(422, e.reason);
    throw e;
  }
}

/** An Article from the request body: text/plain, text/html, or JSON {text|html, title?, published?, url?, source?, id?}. */
async function readArticle(c: Context): Promise<Article> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const raw = await c.req.text();
  const meta: Record<string, string> = singleQuery(c.req.queries(), ARTICLE_QUERY);
  let article: Article;
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (e) {
      throw new ApiError(400, `malformed JSON: ${(e as Error).message}`);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new ApiError(400, 'expected a JSON object {text|html, title?, published?, url?, source?, id?}');
    const o = body as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (!(ARTICLE_FIELDS as readonly string[]).includes(k))
        throw new ApiError(400, `unknown field "${k}"; allowed: ${ARTICLE_FIELDS.join(', ')}`);
      if (v !== null && typeof v !== 'string') throw new ApiError(400, `field "${k}" must be a string`);
    }
    if (typeof o.text === 'string' && typeof o.html === 'string')
      throw new ApiError(400, 'give either "text" or "html", not both');
    if (typeof o.html === 'string') article = htmlArticle(o.html);
    else if (typeof o.text === 'string') article = fromPlainText(o.text, 'request');
    else throw new ApiError(400, 'the JSON object needs a "text" or an "html" field');
    for (const k of ['title', 'published', 'url', 'source', 'id'] as const)
      if (typeof o[k] === 'string' && o[k]) meta[k] = o[k] as string;
  } else if (type === 'text/plain' || type === '') {
    article = fromPlainText(raw, 'request');
  } else if (type === 'text/html' || type === 'application/xhtml+xml') {
    article = htmlArticle(raw);
  } else {
    throw new ApiError(
      415,
      `unsupported content type "${type}": send text/plain, text/html or application/json`,
    );
  }
  if (!article.text.trim()) throw new ApiError(400, 'the article text is empty');
  if (meta.published !== undefined) {
    const d = partialDate('published', meta.published);
    if (d.length !== 10) throw new ApiError(400, 'bad date for "published": expected YYYY-MM-DD');
    article.published = d;
  }
  if (meta.title !== undefined) article.title = meta.title.slice(0, 1000);
  if (meta.url !== undefined) article.url = meta.url.slice(0, 2000);
  if (meta.source !== undefined) article.source = meta.source.slice(0, 200);
  if (meta.id !== undefined) {
    if (!/^[\w.:-]{1,200}$/.test(meta.id))
      throw new ApiError(400, 'bad value for "id": letters, digits, _ . : - (≤ 200)');
    article.id = meta.id;
  }
  return article;
}

function htmlArticle(html: string): Article {
  try {
    return fromHtml(html, 'request');
  } catch (e) {
    if (e instanceof InputError) throw new ApiError(422, e.reason);
    throw e;
  }
}
