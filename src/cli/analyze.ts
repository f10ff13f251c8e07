// sitrep analyze FILE... : one JSON object per article (JSON Lines when there are several), or a readable view.
import type { Command } from 'commander';
import { Option } from 'commander';
import { readInputs } from '../ingest/read.js';
import { InputError } from '../ingest/decode.js';
import { articleId } from '../ingest/article.js';
import { addAnalysisOptions, pipelineOptions, readOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import { pretty } from './pretty.js';

export function register(program: Command): void {
  addAnalysisOptions(
    program
      .command('analyze')
      .description('analyse articles and print the results (nothing is stored)')
      .argument('<files...>', 'text, HTML or JSONL files, folders, or - for standard input')
      .addOption(
        new Option('--format <format>', 'output format').choices(['json', 'pretty']).default('json'),
      ),
  ).action(async (files: string[], flags: AnalysisFlags & { format: 'json' | 'pretty' }) => {
    process.exitCode = await analyze(files, flags);
  });
}

async function analyze(
  files: string[],
  flags: AnalysisFlags & { format: 'json' | 'pretty' },
): Promise<number> {
  // the pipeline's modules and knowledge load only when a command analyses
  const { Pipeline } = await import('../pipeline.js');
  const pipeline = new Pipeline(pipelineOptions(flags));
  const seen = new Map<string, string>();
  let failed = 0;
  for await (const item of readInputs(files, readOptions(flags))) {
    if (item instanceof InputError) {
      failed++;
      process.stderr.write(`sitrep: ${item.message}\n`);
      // keep one output line per input record, so outputs can still be joined to inputs by position
      if (flags.format === 'json') await write(JSON.stringify({ origin: item.origin, error: item.reason }));
      continue;
    }
    const hash = articleId(item.text);
    const first = seen.get(hash);
    if (first !== undefined)
      process.stderr.write(`sitrep: ${item.origin}: same text as ${first} (analysed again)\n`);
    else seen.set(hash, item.origin);
    let out: string;
    try {
      const result = pipeline.analyze(item);
      out = flags.format === 'pretty' ? pretty(result) : JSON.stringify(result);
    } catch (e) {
      failed++;
      process.stderr.write(`sitrep: ${item.origin}: analysis failed: ${(e as Error).message}\n`);
      if (flags.format === 'json')
        await write(JSON.stringify({ origin: item.origin, error: 'analysis failed' }));
      continue;
    }
    await write(out);
  }
  return failed ? 1 : 0;
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) await new Promise((r) => process.stdout.once('drain', r));
}
