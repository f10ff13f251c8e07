// sitrep ingest PATH... : analyse and store. Idempotent by content hash; safe to interrupt.
import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { readInputs } from '../ingest/read.js';
import { InputError } from '../ingest/decode.js';
import { openWriter, storeArticle } from '../store/writer.js';
import { addAnalysisOptions, pipelineOptions, readOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import { Progress } from './progress.js';

export function register(program: Command): void {
  addAnalysisOptions(
    program
      .command('ingest')
      .description('analyse files or folders (recursively) and store the results')
      .argument('<paths...>', 'text, HTML or JSONL files, folders, or - for standard input')
      .option('--db <file|url>', 'SQLite database file, or a postgres:// URL', 'sitrep.db'),
  ).action(async (paths: string[], flags: AnalysisFlags & { db: string }) => {
    process.exitCode = await ingest(paths, flags);
  });
}

async function ingest(paths: string[], flags: AnalysisFlags & { db: string }): Promise<number> {
  const store = await openWriter(flags.db);
  // the pipeline's modules and knowledge load only when a command analyses
  const { Pipeline } = await import('../pipeline.js');
  const pipeline = new Pipeline(pipelineOptions(flags));
  const progress = new Progress(estimateRecords(paths));
  const tally = { added: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0 };
  let stop = false;
  const onSignal = (): void => {
    stop = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let done = 0;
  try {
    for await (const item of readInputs(paths, readOptions(flags))) {
      if (stop) break;
      done++;
      if (item instanceof InputError) {
        tally.failed++;
        progress.end();
        process.stderr.write(`sitrep: ${item.message}\n`);
        continue;
      }
      try {
        tally[await storeArticle(store, item, (a) => pipeline.analyze(a))]++;
      } catch (e) {
        tally.failed++;
        progress.end();
        process.stderr.write(`sitrep: ${item.origin}: ${(e as Error).message}\n`);
      }
      progress.tick(done);
      // let a pending SIGINT be delivered between articles
      if (done % 64 === 0) await new Promise((r) => setImmediate(r));
    }
  } finally {
    progress.end();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await store.close();
  }
  const summary = Object.entries(tally)
    .filter(([, n]) => n)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  process.stderr.write(
    `sitrep: ${stop ? 'interrupted after' : 'done:'} ${summary || 'nothing to do'} → ${flags.db.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}\n`,
  );
  if (stop) return 130;
  return tally.failed ? 1 : 0;
}

/** Number of records to expect, for the ETA: lines of JSONL files, else one per file; null when unknown. */
function estimateRecords(paths: string[]): number | null {
  if (!process.stderr.isTTY) return null;
  let n = 0;
  for (const p of paths) {
    try {
      if (p === '-' || statSync(p).isDirectory()) return null;
      if (/\.(jsonl|ndjson)$/i.test(p)) {
        const buf = readFileSync(p);
        for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
      } else n++;
    } catch {
      n++;
    }
  }
  return n;
}
