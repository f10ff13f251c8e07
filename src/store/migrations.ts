// The store's schema, as numbered migrations shared by both databases.
// In src/store/migrations/, `NNN-name.sql` holds what SQLite and PostgreSQL both accept; `NNN-name.sqlite.sql`
// and `NNN-name.pg.sql` hold one database's own part of the same version (column types, full-text search),
// which runs first so that the shared part can refer to it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../data.js';

export type Dialect = 'sqlite' | 'pg';

const FOLDER = packagePath('src', 'store', 'migrations');
const FILE = /^(\d+)-[\w-]+?(?:\.(sqlite|pg))?\.sql$/;

/** The migrations for one database, in version order: the SQL to run for each version. */
export function migrations(dialect: Dialect): { version: number; sql: string }[] {
  const byVersion = new Map<number, { own: string; shared: string }>();
  for (const f of readdirSync(FOLDER).sort()) {
    const m = FILE.exec(f);
    if (!m || (m[2] && m[2] !== dialect)) continue;
    const version = parseInt(m[1]!, 10);
    const parts = byVersion.get(version) ?? { own: '', shared: '' };
    parts[m[2] ? 'own' : 'shared'] += readFileSync(join(FOLDER, f), 'utf8');
    byVersion.set(version, parts);
  }
  return [...byVersion]
    .sort(([a], [b]) => a - b)
    .map(([version, { own, shared }]) => ({ version, sql: own + '\n' + shared }));
}
