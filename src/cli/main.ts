#!/usr/bin/env node
// The sitrep command line: a thin shell over the library. Each command lives in its own module.
import { Command } from 'commander';
import { VERSION } from '../version.js';
import { commands } from './commands.js';

const program = new Command('sitrep')
  .description('Turn news articles into coded events: who did what to whom, where, when, per whom, how many.')
  .version(VERSION)
  .showHelpAfterError();
for (const register of commands) register(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`sitrep: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
