// Writing analysed articles to either store: what `sitrep ingest` and the queue workers share.
import type { Article } from '../ingest/article.js';
import { articleId } from '../ingest/article.js';
import type { Result } from '../result.js';
import { VERSION } from '../version.js';
import { SqliteStore } from './sqlite.js';
import type { PutOutcome } from './store.js';

type Awaitable<T> = T | Promise<T>;

export interface Writer {
  lookup(contentHash: string): Awaitable<{ id: string; version: string } | null>;
  put(result: Result, contentHash: string): Awaitable<PutOutcome>;
  alias(alias: string, articleId: string): Awaitable<void>;
  close(): Awaitable<void>;
}

/** A SQLite file path, or a postgres:// URL. */
export async function openWriter(db: string): Promise<Writer> {
  if (!/^postgres(ql)?:\/\//i.test(db)) return new SqliteStore(db);
  // pg loads only when a PostgreSQL store is asked for
  const { PostgresStore } = await import('./postgres.js');
  return PostgresStore.connect(db);
}

/**
 * Analyse and store one article, unless this version already analysed the same body:
 * then only a new id for it is recorded. The body's hash is the key, so re-runs add nothing.
 */
export async function storeArticle(
  writer: Writer,
  article: Article,
  analyze: (a: Article) => Result,
): Promise<PutOutcome> {
  const hash = articleId(article.text);
  const known = await writer.lookup(hash);
  if (known && known.version === VERSION) {
    if (article.id && article.id !== known.id) {
      await writer.alias(article.id, known.id);
      return 'duplicate';
    }
    return 'unchanged';
  }
  return writer.put(analyze(article), hash);
}
