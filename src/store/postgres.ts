// The shared store: PostgreSQL via pg, for several ingest processes or queue workers writing at once.
// Same tables and semantics as the SQLite store; writes are safe under concurrency (the content hash
// is unique, and a body that another writer stored first becomes an alias).
import pg from 'pg';
import type { Result } from '../result.js';
import { VERSION } from '../version.js';
import { migrations } from './migrations.js';
import {
  ACTOR_COLUMNS,
  EVENT_COLUMNS,
  PLACE_COLUMNS,
  actorRow,
  articleRow,
  eventRow,
  placeRow,
} from './rows.js';
import type { PutOutcome } from './store.js';

/** any fixed number: serialises migrations when several workers start at once */
const MIGRATION_LOCK = 7_441_001;

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export class PostgresStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async connect(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
    } catch (e) {
      await pool.end();
      throw new Error(`cannot use PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS sitrep_schema (version INTEGER NOT NULL)');
      const row = (await c.query<{ v: number | null }>('SELECT max(version) v FROM sitrep_schema')).rows[0];
      const current = row?.v ?? 0;
      for (const { version, sql } of migrations('pg')) {
        if (version <= current) continue;
        await c.query('BEGIN');
        try {
          await c.query(sql);
          await c.query('INSERT INTO sitrep_schema (version) VALUES ($1)', [version]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      c.release();
    }
  }

  async lookup(contentHash: string): Promise<{ id: string; version: string } | null> {
    const r = await this.pool.query<{ id: string; version: string }>(
      'SELECT id, version FROM articles WHERE content_hash = $1',
      [contentHash],
    );
    return r.rows[0] ?? null;
  }

  async put(result: Result, contentHash: string): Promise<PutOutcome> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const same = (
        await c.query<{ id: string; version: string }>(
          'SELECT id, version FROM articles WHERE content_hash = $1 FOR UPDATE',
          [contentHash],
        )
      ).rows[0];
      let outcome: PutOutcome;
      if (same && same.id !== result.id) {
        await this.aliasWith(c, result.id, same.id);
        outcome = 'duplicate';
      } else if (same && same.version === VERSION) {
        outcome = 'unchanged';
      } else {
        const existed = (await c.query('DELETE FROM articles WHERE id = $1', [result.id])).rowCount ?? 0;
        const row = articleRow(result, contentHash, VERSION);
        const inserted = await c.query(
          `INSERT INTO articles (id, content_hash, title, published, source, url, text, result, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
          [
            row.id,
            row.content_hash,
            row.title,
            row.published,
            row.source,
            row.url,
            row.text,
            row.result,
            row.version,
          ],
        );
        if (!inserted.rowCount) {
          // another writer stored the same body a moment ago
          const first = await c.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [
            contentHash,
          ]);
          await this.aliasWith(c, result.id, first.rows[0]!.id);
          outcome = 'duplicate';
        } else {
          await insertMany(
            c,
            'events',
            EVENT_COLUMNS,
            result.events.map((e) => eventRow(result.id, e)),
          );
          await insertMany(
            c,
            'actors',
            ACTOR_COLUMNS,
            result.actors.map((a) => actorRow(result.id, a)),
          );
          await insertMany(
            c,
            'places',
            PLACE_COLUMNS,
            result.places.map((p) => placeRow(result.id, p)),
            true,
          );
          outcome = existed ? 'updated' : 'added';
        }
      }
      await c.query('COMMIT');
      return outcome;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async alias(alias: string, articleId: string): Promise<void> {
    if (alias !== articleId) await this.aliasWith(this.pool, alias, articleId);
  }

  private async aliasWith(c: pg.Pool | pg.PoolClient, alias: string, articleId: string): Promise<void> {
    await c.query(
      `INSERT INTO article_aliases (alias, article_id) VALUES ($1, $2)
       ON CONFLICT (alias) DO UPDATE SET article_id = excluded.article_id`,
      [alias, articleId],
    );
  }

  async get(id: string): Promise<Result | null> {
    const r = await this.pool.query<{ result: Result }>(
      `SELECT result FROM articles WHERE id = $1
       UNION ALL SELECT a.result FROM article_aliases x JOIN articles a ON a.id = x.article_id WHERE x.alias = $1`,
      [id],
    );
    return r.rows[0]?.result ?? null;
  }

  async search(q: string, limit = 20): Promise<{ id: string; title: string | null }[]> {
    const r = await this.pool.query<{ id: string; title: string | null }>(
      `SELECT id, title FROM articles WHERE tsv @@ plainto_tsquery('english', $1)
       ORDER BY ts_rank(tsv, plainto_tsquery('english', $1)) DESC, id LIMIT $2`,
      [q, limit],
    );
    return r.rows;
  }

  async counts(): Promise<{
    articles: number;
    aliases: number;
    events: number;
    actors: number;
    places: number;
  }> {
    const r = await this.pool.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM articles) articles, (SELECT count(*) FROM article_aliases) aliases,
              (SELECT count(*) FROM events) events, (SELECT count(*) FROM actors) actors,
              (SELECT count(*) FROM places) places`,
    );
    const x = r.rows[0]!;
    return {
      articles: +x.articles!,
      aliases: +x.aliases!,
      events: +x.events!,
      actors: +x.actors!,
      places: +x.places!,
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** One multi-row INSERT (in chunks, to stay under PostgreSQL's parameter limit). */
async function insertMany(
  c: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Record<string, unknown>[],
  ignoreConflicts = false,
): Promise<void> {
  const per = Math.floor(60_000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const ph = columns.map((col) => {
        values.push(row[col]);
        return `$${values.length}`;
      });
      return `(${ph.join(', ')})`;
    });
    const cols = columns.map((col) => `"${col}"`).join(', ');
    await c.query(
      `INSERT INTO ${table} (${cols}) VALUES ${tuples.join(', ')}${ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''}`,
      values,
    );
  }
}

/** A database URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
