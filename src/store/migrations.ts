// The store's schema, as numbered migrations shared by both databases.
// In src/store/migrations/, `NNN-name.sql` holds the tables both databases share, written once, with a few column
// types as {{placeholders}} that each database fills in; `NNN-name.sqlite.sql` and `NNN-name.pg.sql` hold one
// database's own part of the same version (full-text search), which runs after the shared part.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../data.js';

export type Dialect = 'sqlite' | 'pg';

const FOLDER = packagePath('src', 'store', 'migrations');
const FILE = /^(\d+)-[\w-]+?(?:\.(sqlite|pg))?\.sql$/;

/** Column types that differ: the result JSON (JSONB is queryable in PostgreSQL) and the time of ingest. */
const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { json: 'TEXT NOT NULL', timestamp: 'TEXT NOT NULL' },
  pg: { json: 'JSONB NOT NULL', timestamp: 'TIMESTAMPTZ NOT NULL DEFAULT now()' },
};

/** The migrations for one database, in version order: the SQL to run for each version. */
export function migrations(dialect: Dialect): { version: number; sql: string }[] {
  const byVersion = new Map<number, { shared: string; own: string }>();
  for (const f of readdirSync(FOLDER).sort()) {
    const m = FILE.exec(f);
    if (!m || (m[2] && m[2] !== dialect)) continue;
    const version = parseInt(m[1]!, 10);
    const parts = byVersion.get(version) ?? { shared: '', own: '' };
    parts[m[2] ? 'own' : 'shared'] += readFileSync(join(FOLDER, f), 'utf8');
    byVersion.set(version, parts);
  }
  return [...byVersion]
    .sort(([a], [b]) => a - b)
    .map(([version, { shared, own }]) => ({
      version,
      sql: (shared + '\n' + own).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const type = TYPES[dialect][name];
        if (!type) throw new Error(`migration ${version}: no ${dialect} type for {{${name}}}`);
        return type;
      }),
    }));
}
