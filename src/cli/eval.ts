// sitrep eval <kind> : score the pipeline against a gold set. Each kind registers one subcommand here.
import type { Command } from 'commander';
import * as names from '../eval/names.js';
import * as events from '../eval/events.js';
import * as places from '../eval/places.js';
import * as times from '../eval/times.js';

export function register(program: Command): void {
  const evaluate = program.command('eval').description('score sitrep against gold-standard data');
  for (const sub of subcommands) sub(evaluate);
}

/** eval subcommands: names, places, times, events (each from src/eval/<kind>.ts) */
const subcommands: ((evaluate: Command) => void)[] = [
  names.register,
  events.register,
  places.register,
  times.register,
];
