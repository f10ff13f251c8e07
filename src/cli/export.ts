// sitrep export --format gdelt|csv|json [--db sitrep.db] [--out FILE] : stored events in exchange formats.
import type { Command } from 'commander';
import { Option } from 'commander';
import { createWriteStream, existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { SqliteStore } from '../store/sqlite.js';
import {
  CSV_COLUMNS,
  csvEventLine,
  csvEvents,
  csvLine,
  gdeltRows,
  jsonLines,
  tsvLine,
} from '../export/events.js';
import type { Result } from '../result.js';

type Format = 'gdelt' | 'csv' | 'json';

export function register(program: Command): void {
  program
    .command('export')
    .description('write stored events as GDELT 2.0 event rows (tab-separated, 61 columns), CSV or JSON lines')
    .addOption(
      new Option('--format <format>', 'output format').choices(['gdelt', 'csv', 'json']).default('csv'),
    )
    .option('--db <file>', 'SQLite database', 'sitrep.db')
    .option('--out <file>', 'output file (default: standard output)')
    .option(
      '--all-modes',
      'gdelt: also export events that did not happen (expected, threatened, denied ...); csv and json always have them, with their mode',
    )
    .action(async (flags: { format: Format; db: string; out?: string; allModes?: boolean }) => {
      if (!existsSync(flags.db))
        throw new Error(`no database at ${flags.db} (create one with sitrep ingest)`);
      const store = new SqliteStore(flags.db);
      const out: Writable = flags.out ? createWriteStream(flags.out) : process.stdout;
      // a closed pipe (| head) ends the export quietly
      out.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(0);
        throw e;
      });
      const n = await exportEvents(
        allResults(store),
        flags.format,
        out,
        flags.format === 'gdelt' && !flags.allModes,
      );
      store.close();
      if (flags.out) await new Promise<void>((res) => out.end(res));
      process.stderr.write(`${n} events exported\n`);
    });
}

function* allResults(store: SqliteStore): Generator<Result> {
  const page = 200;
  for (let offset = 0; ; offset += page) {
    const { items } = store.articles({ limit: page, offset });
    for (const a of items) {
      const r = store.get(a.id);
      if (r) yield r;
    }
    if (items.length < page) return;
  }
}

/** Write the events of `results` in one format; returns how many were written. */
export async function exportEvents(
  results: Iterable<Result>,
  format: Format,
  out: Writable,
  actualOnly = true,
): Promise<number> {
  const write = (s: string): Promise<void> =>
    new Promise((res) => (out.write(s + '\n') ? res() : out.once('drain', () => res())));
  let n = 0;
  if (format === 'csv') await write(csvLine(CSV_COLUMNS));
  for (const r0 of results) {
    const r = actualOnly ? { ...r0, events: r0.events.filter((e) => e.mode === 'actual') } : r0;
    const lines =
      format === 'gdelt'
        ? gdeltRows(r, { firstId: n + 1 }).map(tsvLine)
        : format === 'csv'
          ? csvEvents(r).map(csvEventLine)
          : jsonLines(r);
    for (const l of lines) await write(l);
    n += lines.length;
  }
  return n;
}
