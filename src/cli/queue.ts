// sitrep enqueue / sitrep worker : scale out over a BullMQ queue (Redis) into PostgreSQL.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { readInputs } from '../ingest/read.js';
import { InputError } from '../ingest/decode.js';
import type { Article } from '../ingest/article.js';
import { addAnalysisOptions, pipelineOptions, readOptions } from './options.js';
import type { AnalysisFlags } from './options.js';

const BATCH = 500;
// bullmq, ioredis and pg load only when these commands run
const DEFAULT_QUEUE = 'sitrep';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

export function register(program: Command): void {
  addAnalysisOptions(
    program
      .command('enqueue')
      .description('put articles on the work queue for `sitrep worker` processes')
      .argument('<paths...>', 'text, HTML or JSONL files, folders, or - for standard input')
      .option('--redis <url>', 'Redis holding the queue', process.env.SITREP_REDIS ?? DEFAULT_REDIS)
      .option('--queue <name>', 'queue name', DEFAULT_QUEUE),
  ).action(async (paths: string[], flags: AnalysisFlags & { redis: string; queue: string }) => {
    const { ArticleQueue } = await import('../queue/queue.js');
    const queue = new ArticleQueue(flags.redis, flags.queue);
    let failed = 0;
    let added = 0;
    let batch: Article[] = [];
    try {
      for await (const item of readInputs(paths, readOptions(flags))) {
        if (item instanceof InputError) {
          failed++;
          process.stderr.write(`sitrep: ${item.message}\n`);
          continue;
        }
        if (flags.published && !item.published) item.published = flags.published;
        batch.push(item);
        if (batch.length >= BATCH) {
          added += await queue.add(batch);
          batch = [];
        }
      }
      if (batch.length) added += await queue.add(batch);
      process.stderr.write(
        `sitrep: queued ${added} articles on "${flags.queue}"${failed ? `, ${failed} failed` : ''}\n`,
      );
    } finally {
      await queue.close();
    }
    process.exitCode = failed ? 1 : 0;
  });

  addAnalysisOptions(
    program
      .command('worker')
      .description(
        'analyse articles from the work queue and store them in PostgreSQL (run as many as you like)',
      )
      .requiredOption('--db <url>', 'postgres:// URL of the shared store', process.env.SITREP_DB)
      .option('--redis <url>', 'Redis holding the queue', process.env.SITREP_REDIS ?? DEFAULT_REDIS)
      .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
      .option('--concurrency <n>', 'jobs at once in this process', positive, 1)
      .option('--exit-when-empty', 'stop when the queue is empty instead of waiting for more'),
  ).action(
    async (
      flags: AnalysisFlags & {
        db: string;
        redis: string;
        queue: string;
        concurrency: number;
        exitWhenEmpty?: boolean;
      },
    ) => {
      if (!/^postgres(ql)?:\/\//i.test(flags.db ?? '')) {
        throw new Error('--db must be a postgres:// URL: workers share one store');
      }
      const { runWorker } = await import('../queue/queue.js');
      const tally: Record<string, number> = {};
      const worker = await runWorker({
        redis: flags.redis,
        db: flags.db,
        queue: flags.queue,
        concurrency: flags.concurrency,
        exitWhenEmpty: Boolean(flags.exitWhenEmpty),
        pipeline: pipelineOptions(flags),
        onResult: (outcome, job, error) => {
          tally[outcome] = (tally[outcome] ?? 0) + 1;
          if (error) process.stderr.write(`sitrep: ${job.data.origin}: ${error.message}\n`);
        },
      });
      const stop = (): void => void worker.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await worker.done;
      const summary = Object.entries(tally)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      process.stderr.write(`sitrep: worker stopped: ${summary || 'no jobs'}\n`);
    },
  );
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
