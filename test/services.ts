// Test access to the PostgreSQL and Redis services (.ci/run starts them). Each test gets a fresh
// database. Where a service is unreachable the test is skipped with the reason, except under CI,
// where a missing service is a failure.
import pg from 'pg';
import { createConnection } from 'node:net';

export const PG_ADMIN = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS = process.env.SITREP_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export async function reachable(url: string): Promise<string | false> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'redis:' ? 6379 : 5432));
  const ok = await new Promise<boolean>((resolve) => {
    const s = createConnection({ host: u.hostname, port }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.setTimeout(2000, () => {
      s.destroy();
      resolve(false);
    });
  });
  if (ok) return false;
  if (process.env.CI) throw new Error(`${u.protocol}//${u.host} is not reachable (CI must start it)`);
  return `${u.protocol}//${u.host} not reachable`;
}

/** A new empty database; returns its URL and a function that drops it. */
export async function tempDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sitrep_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      // a closed pool's sockets close a moment after pool.end() resolves: wait for them, or FORCE kills
      // them mid-close and their clients throw "terminating connection due to administrator command"
      for (let i = 0; i < 100; i++) {
        const r = await c.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (!r.rows[0]?.n) break;
        await new Promise((res) => setTimeout(res, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
