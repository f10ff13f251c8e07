// Serves the built web UI (web/dist) with a strict Content-Security-Policy: the page may only run
// its own bundled script, so nothing in article text can execute even if it reached the DOM as HTML.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import { dataPath } from '../data.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function defaultWebDir(): string {
  return dataPath('..', 'web', 'dist');
}

export function webHandler(dir: string = defaultWebDir()) {
  const root = normalize(dir);
  const cache = new Map<string, { body: Buffer; type: string }>();
  const load = (rel: string): { body: Buffer; type: string } | null => {
    const hit = cache.get(rel);
    if (hit) return hit;
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return null;
    if (!existsSync(file) || !statSync(file).isFile()) return null;
    const entry = { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
    cache.set(rel, entry);
    return entry;
  };
  return (c: Context) => {
    let rel = decodeURIComponent(c.req.path);
    if (rel.includes('\0')) return c.text('not found', 404);
    if (rel === '/' || rel === '') rel = '/index.html';
    // unknown paths without an extension get the app (it routes by #hash, so this is just a fallback)
    const file = load(rel) ?? (extname(rel) ? null : load('/index.html'));
    if (!file) {
      if (!existsSync(join(root, 'index.html')))
        return c.text('The web UI is not built: run `npm run build` (it runs `vite build web`).', 404);
      return c.text('not found', 404);
    }
    c.header('Content-Type', file.type);
    if (file.type.startsWith('text/html')) {
      c.header('Content-Security-Policy', CSP);
      c.header('Cache-Control', 'no-cache');
    } else if (rel.startsWith('/assets/')) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    }
    return c.body(new Uint8Array(file.body));
  };
}
