// Starts the API + web UI over HTTP (Node's http server via @hono/node-server).
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Pipeline } from '../pipeline.js';
import type { PipelineOptions } from '../pipeline.js';
import type { Article } from '../ingest/article.js';
import { SqliteStore } from '../store/sqlite.js';
import { createApp } from './app.js';
import type { Analyzer, AppOptions } from './app.js';

export { createApp } from './app.js';
export type { Analyzer, AppOptions } from './app.js';

export interface ServeOptions extends AppOptions {
  db: string;
  port: number;
  host: string;
  pipeline?: PipelineOptions;
  /** use this analyser instead of a new Pipeline (tests) */
  analyzer?: Analyzer;
}

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<Running> {
  const store = new SqliteStore(o.db);
  // the pipeline loads its knowledge on first use, so the server answers reads at once
  let pipeline: Pipeline | null = null;
  const analyzer = o.analyzer ?? {
    analyze: (a: Article) => (pipeline ??= new Pipeline(o.pipeline ?? {})).analyze(a),
  };
  const app = createApp(store, analyzer, o);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      // build the pipeline soon after start, not on the first analyse request
      if (!o.analyzer) setTimeout(() => (pipeline ??= new Pipeline(o.pipeline ?? {})), 100).unref();
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((res) => {
            (server as Server).closeAllConnections?.();
            server.close(() => {
              store.close();
              res();
            });
          }),
      });
    });
    // keep idle keep-alive connections longer than clients usually do, so they are not reset under load
    (server as Server).keepAliveTimeout = 65_000;
    server.once('error', reject);
  });
}
