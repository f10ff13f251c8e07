// The command modules the CLI registers, in the order `sitrep --help` lists them.
import type { Command } from 'commander';
import * as analyze from './analyze.js';
import * as ingest from './ingest.js';
import * as articles from './articles.js';
import * as evaluate from './eval.js';
import * as serve from './serve.js';
import * as queue from './queue.js';
import * as exporter from './export.js';

export const commands: ((program: Command) => void)[] = [
  analyze.register,
  ingest.register,
  articles.register,
  evaluate.register,
  serve.register,
  queue.register,
  exporter.register,
];
