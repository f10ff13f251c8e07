// Scale-out: articles go on a BullMQ queue in Redis; any number of worker processes analyse them
// and write to one PostgreSQL store. A job is one Article; its id is the body's hash (plus the
// record id), so enqueuing the same input twice while it waits adds nothing.
import { Queue, Worker } from 'bullmq';
import type { ConnectionOptions, Job } from 'bullmq';
import type { Article } from '../ingest/article.js';
import { articleId } from '../ingest/article.js';
import { Pipeline } from '../pipeline.js';
import type { PipelineOptions } from '../pipeline.js';
import type { PutOutcome } from '../store/store.js';
import { openWriter, storeArticle } from '../store/writer.js';

export const DEFAULT_QUEUE = 'sitrep';

export function redisConnection(url: string): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a Redis URL: ${url}`);
  }
  if (u.protocol !== 'redis:') throw new Error(`not a Redis URL: ${url}`);
  const c: ConnectionOptions = { host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) };
  if (u.password) c.password = decodeURIComponent(u.password);
  if (u.username) c.username = decodeURIComponent(u.username);
  const db = u.pathname.slice(1);
  if (db) c.db = Number(db);
  return { ...c, maxRetriesPerRequest: null };
}

export class ArticleQueue {
  readonly queue: Queue<Article, PutOutcome>;

  constructor(redisUrl: string, name = DEFAULT_QUEUE) {
    this.queue = new Queue<Article, PutOutcome>(name, { connection: redisConnection(redisUrl) });
  }

  /** Add articles; returns how many were new to the queue. */
  async add(articles: Article[]): Promise<number> {
    const jobs = articles.map((a) => ({
      name: 'analyze',
      data: a,
      opts: {
        jobId: `${articleId(a.text)}-${a.id ?? ''}`.replace(/:/g, '_'),
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 10_000 },
      },
    }));
    const before = await this.waiting();
    await this.queue.addBulk(jobs);
    return (await this.waiting()) - before;
  }

  async waiting(): Promise<number> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export interface WorkerOptions {
  redis: string;
  db: string;
  queue?: string;
  concurrency?: number;
  /** stop once the queue is empty (batch runs, tests) */
  exitWhenEmpty?: boolean;
  pipeline?: PipelineOptions;
  onResult?: (outcome: PutOutcome | 'failed', job: Job<Article>, error?: Error) => void;
}

/** Run a worker until it is closed (or, with exitWhenEmpty, until the queue is empty). */
export async function runWorker(
  options: WorkerOptions,
): Promise<{ close: () => Promise<void>; done: Promise<void> }> {
  const store = await openWriter(options.db);
  const pipeline = new Pipeline(options.pipeline ?? {});
  const name = options.queue ?? DEFAULT_QUEUE;
  const worker = new Worker<Article, PutOutcome>(
    name,
    (job) => storeArticle(store, job.data, (a) => pipeline.analyze(a)),
    { connection: redisConnection(options.redis), concurrency: options.concurrency ?? 1, autorun: false },
  );
  worker.on('completed', (job, outcome) => options.onResult?.(outcome, job));
  worker.on('failed', (job, err) => {
    if (job) options.onResult?.('failed', job, err);
  });
  // an idle worker hears no event when another one takes the last job: with exitWhenEmpty, poll the counts
  const probe = options.exitWhenEmpty ? new ArticleQueue(options.redis, name) : null;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      clearInterval(timer);
      await worker.close();
      await probe?.close();
      await store.close();
    })());
  const timer = setInterval(() => {
    if (probe && !closing) void probe.waiting().then((n) => (n === 0 ? close() : undefined));
  }, 500);
  if (!probe) clearInterval(timer);
  const done = worker.run().then(() => close());
  return { close, done };
}
