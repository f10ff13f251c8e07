// Options shared by the commands that analyse articles.
import { Command, InvalidArgumentError, Option } from 'commander';
import { isoDate } from '../ingest/dates.js';
import type { ReadOptions } from '../ingest/read.js';
import { DEFAULT_MAX_BYTES } from '../ingest/read.js';
import type { PipelineOptions } from '../pipeline.js';

export interface AnalysisFlags {
  published?: string;
  dictionary?: string[];
  cruft?: string[];
  maxSize: number;
  anyLanguage?: boolean;
  stdinFormat?: 'txt' | 'html' | 'jsonl';
}

export function addAnalysisOptions(cmd: Command): Command {
  return cmd
    .option('--published <YYYY-MM-DD>', 'publication date for articles that carry none', parseDate)
    .option(
      '--dictionary <file>',
      'extra actor dictionary (sitrep TSV or PETRARCH/Phoenix format); repeatable',
      collect,
      [],
    )
    .option('--cruft <file>', 'extra cruft rules (reason<TAB>pattern per line); repeatable', collect, [])
    .option('--max-size <MB>', 'largest file or JSONL record accepted, in MB', parseMb, DEFAULT_MAX_BYTES)
    .option('--any-language', 'analyse text even when it does not look like English')
    .addOption(
      new Option('--stdin-format <format>', 'format of standard input').choices(['txt', 'html', 'jsonl']),
    );
}

export function pipelineOptions(f: AnalysisFlags): PipelineOptions {
  const o: PipelineOptions = { dictionaries: f.dictionary ?? [], cruftFiles: f.cruft ?? [] };
  if (f.published) o.published = f.published;
  return o;
}

export function readOptions(f: AnalysisFlags): ReadOptions {
  const o: ReadOptions = { maxBytes: f.maxSize };
  if (f.anyLanguage) o.anyLanguage = true;
  if (f.stdinFormat) o.stdinFormat = f.stdinFormat;
  return o;
}

function parseDate(v: string): string {
  const d = isoDate(v);
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(v.trim()))
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return d;
}

function parseMb(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a positive number of megabytes');
  return Math.round(n * 1024 * 1024);
}

function collect(v: string, all: string[]): string[] {
  return [...all, v];
}
