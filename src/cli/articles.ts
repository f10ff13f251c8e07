// sitrep articles / sitrep show ID : read back what is stored.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { SqliteStore } from '../store/sqlite.js';
import { pretty } from './pretty.js';

export function register(program: Command): void {
  program
    .command('articles')
    .description('list stored articles (newest first), or search them')
    .option('--db <file>', 'SQLite database', 'sitrep.db')
    .option('-q, --query <words>', 'full-text search')
    .option('--limit <n>', 'how many', positive, 20)
    .option('--offset <n>', 'skip this many', (v) => positive(v) - 1, 0)
    .action((flags: { db: string; query?: string; limit: number; offset: number }) => {
      const store = open(flags.db);
      const page = store.articles({ q: flags.query, limit: flags.limit, offset: flags.offset });
      for (const a of page.items) {
        process.stdout.write(`${a.id}\t${a.published ?? '-'}\t${a.events} events\t${a.title ?? ''}\n`);
      }
      process.stderr.write(`${page.items.length} of ${page.total} articles\n`);
      store.close();
    });

  program
    .command('show')
    .description('print one stored article')
    .argument('<id>', 'article id (or another id recorded for the same text)')
    .option('--db <file>', 'SQLite database', 'sitrep.db')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'pretty']).default('pretty'))
    .action((id: string, flags: { db: string; format: 'json' | 'pretty' }) => {
      const store = open(flags.db);
      const r = store.get(id);
      store.close();
      if (!r) throw new Error(`no article ${JSON.stringify(id)} in ${flags.db}`);
      process.stdout.write(flags.format === 'json' ? JSON.stringify(r) + '\n' : pretty(r));
    });
}

function open(db: string): SqliteStore {
  if (!existsSync(db)) throw new Error(`no database at ${db} (create one with sitrep ingest)`);
  return new SqliteStore(db);
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
