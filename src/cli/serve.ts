// sitrep serve [--db sitrep.db] [--port 8080] [--host 127.0.0.1]: the HTTP API and the web UI.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/…, described at /api/openapi.json) and the web UI over a store')
    .option('--db <file>', 'SQLite store to read and write', 'sitrep.db')
    .option('--port <n>', 'TCP port (0 = any free port)', parsePort, 8080)
    .option('--host <addr>', 'address to bind; 127.0.0.1 keeps it local', '127.0.0.1')
    .option('--max-body <MB>', 'largest request body, in MB', parseMb, 2 * 1024 * 1024)
    .addHelpText(
      'after',
      '\nWrite endpoints (POST) require "Authorization: Bearer $SITREP_TOKEN" when SITREP_TOKEN is set.',
    )
    .action(async (flags: { db: string; port: number; host: string; maxBody: number }) => {
      // the server's modules load only for this command
      const { startServer } = await import('../server/index.js');
      const running = await startServer({
        db: flags.db,
        port: flags.port,
        host: flags.host,
        maxBody: flags.maxBody,
      });
      const open = !process.env.SITREP_TOKEN && !['127.0.0.1', 'localhost', '::1'].includes(flags.host);
      process.stderr.write(`sitrep: serving ${flags.db} at ${running.url}/\n`);
      if (open)
        process.stderr.write(
          'sitrep: warning: not bound to localhost and SITREP_TOKEN unset: anyone can write\n',
        );
      const stop = (): void => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port 0..65535');
  return n;
}

function parseMb(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a positive number of megabytes');
  return Math.round(n * 1024 * 1024);
}
