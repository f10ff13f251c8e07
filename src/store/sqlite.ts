// The embedded store: SQLite via better-sqlite3, WAL, versioned migrations, FTS5 over article text.
import Database from 'better-sqlite3';
import type { Result } from '../result.js';
import { VERSION } from '../version.js';
import { migrations } from './migrations.js';
import { actorRow, articleRow, eventRow, placeRow } from './rows.js';
import { ftsQuery, listEvents, MAX_EVENT_PAGE } from './queries.js';
import type { ArticleSummary, EventFilter, PutOutcome, Store, StoredEvent } from './store.js';

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly stmts: ReturnType<SqliteStore['prepare']>;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.stmts = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      byHash: db.prepare('SELECT id, version FROM articles WHERE content_hash = ?'),
      byId: db.prepare('SELECT id, content_hash FROM articles WHERE id = ?'),
      del: db.prepare('DELETE FROM articles WHERE id = ?'),
      insArticle: db.prepare(
        `INSERT INTO articles (id, content_hash, title, published, source, url, text, result, version, ingested_at)
         VALUES (@id, @content_hash, @title, @published, @source, @url, @text, @result, @version, @ingested_at)`,
      ),
      insAlias: db.prepare('INSERT OR REPLACE INTO article_aliases (alias, article_id) VALUES (?, ?)'),
      insEvent: db.prepare(
        `INSERT INTO events VALUES (@article_id, @event_id, @code, @root, @quad, @goldstein, @plover, @mode,
          @source_code, @source_text, @target_code, @target_text, @date, @date_precision, @place_name, @geonameid,
          @country, @lat, @lon, @sentence, @start, @end)`,
      ),
      insActor: db.prepare(
        `INSERT INTO actors VALUES (@article_id, @actor_id, @name, @code, @country, @role, @type, @mentions)`,
      ),
      insPlace: db.prepare(
        `INSERT OR IGNORE INTO places VALUES (@article_id, @start, @end, @text, @name, @geonameid, @country, @lat, @lon)`,
      ),
      result: db.prepare(
        `SELECT result FROM articles WHERE id = ?
         UNION ALL SELECT a.result FROM article_aliases x JOIN articles a ON a.id = x.article_id WHERE x.alias = ?`,
      ),
    };
  }

  lookup(contentHash: string): { id: string; version: string } | null {
    return (this.stmts.byHash.get(contentHash) as { id: string; version: string } | undefined) ?? null;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  put(result: Result, contentHash: string): PutOutcome {
    return this.transaction(() => {
      const same = this.lookup(contentHash);
      if (same && same.id !== result.id) {
        this.stmts.insAlias.run(result.id, same.id);
        return 'duplicate';
      }
      if (same && same.version === VERSION) return 'unchanged';
      const existing = this.stmts.byId.get(result.id);
      if (existing) this.stmts.del.run(result.id);
      this.stmts.insArticle.run({
        ...articleRow(result, contentHash, VERSION),
        ingested_at: new Date().toISOString(),
      });
      this.insertAnnotations(result);
      return existing ? 'updated' : 'added';
    });
  }

  private insertAnnotations(r: Result): void {
    for (const e of r.events) this.stmts.insEvent.run(eventRow(r.id, e));
    for (const a of r.actors) this.stmts.insActor.run(actorRow(r.id, a));
    for (const p of r.places) this.stmts.insPlace.run(placeRow(r.id, p));
  }

  alias(alias: string, articleId: string): void {
    if (alias !== articleId) this.stmts.insAlias.run(alias, articleId);
  }

  get(id: string): Result | null {
    const row = this.stmts.result.get(id, id) as { result: string } | undefined;
    return row ? (JSON.parse(row.result) as Result) : null;
  }

  articles(options: { q?: string; limit?: number; offset?: number }): {
    total: number;
    items: ArticleSummary[];
  } {
    const limit = clamp(options.limit ?? 50, 1, MAX_EVENT_PAGE);
    const offset = Math.max(0, options.offset ?? 0);
    const cols = `a.id, a.title, a.published, a.source, a.url,
      (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events`;
    if (options.q) {
      const match = ftsQuery(options.q);
      const total = (
        this.db.prepare('SELECT COUNT(*) n FROM articles_fts WHERE articles_fts MATCH ?').get(match) as {
          n: number;
        }
      ).n;
      const items = this.db
        .prepare(
          `SELECT ${cols} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
        )
        .all(match, limit, offset) as ArticleSummary[];
      return { total, items };
    }
    const total = (this.db.prepare('SELECT COUNT(*) n FROM articles').get() as { n: number }).n;
    const items = this.db
      .prepare(`SELECT ${cols} FROM articles a ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?`)
      .all(limit, offset) as ArticleSummary[];
    return { total, items };
  }

  events(filter: EventFilter): { items: StoredEvent[]; next: string | null } {
    return listEvents(this.db, filter);
  }

  counts(): { articles: number; aliases: number; events: number; actors: number; places: number } {
    const n = (t: string): number =>
      (this.db.prepare(`SELECT COUNT(*) n FROM ${t}`).get() as { n: number }).n;
    return {
      articles: n('articles'),
      aliases: n('article_aliases'),
      events: n('events'),
      actors: n('actors'),
      places: n('places'),
    };
  }

  close(): void {
    this.db.close();
  }
}

/** Apply the migrations that the database has not seen (PRAGMA user_version). */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const { version, sql } of migrations('sqlite')) {
    if (version <= current) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.floor(n)));
}
