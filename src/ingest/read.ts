// Inputs → articles: files (.txt .html .jsonl), folders (recursively) and standard input ("-").
// Yields, in input order, either an Article or an InputError that names the input and the reason;
// one bad input never stops the rest.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from './article.js';
import { decode, InputError } from './decode.js';
import { fromHtml } from './html.js';
import { fromPlainText } from './plain.js';
import { isoDate } from './dates.js';
import { englishShare, MIN_ENGLISH_SHARE } from './language.js';

export interface ReadOptions {
  /** largest accepted file or JSONL record, in bytes (default 5 MB) */
  maxBytes?: number;
  /** accept text that does not look like English */
  anyLanguage?: boolean;
  /** format of standard input: txt (default), html or jsonl */
  stdinFormat?: 'txt' | 'html' | 'jsonl';
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const KNOWN = new Set(['.txt', '.text', '.html', '.htm', '.jsonl', '.ndjson']);

export type Item = Article | InputError;

export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<Item> {
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(options);
      continue;
    }
    let files: string[];
    try {
      files = statSync(path).isDirectory() ? listFiles(path) : [path];
    } catch (e) {
      yield new InputError(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    for (const file of files) yield* readFile(file, options);
  }
}

/** Files below a folder that sitrep reads, sorted for a stable order. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (KNOWN.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(dir);
  return out;
}

async function* readFile(file: string, options: ReadOptions): AsyncGenerator<Item> {
  const ext = extname(file).toLowerCase();
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (ext === '.jsonl' || ext === '.ndjson') {
    yield* readJsonl(createReadStream(file), file, options);
    return;
  }
  let buf: Buffer;
  try {
    const size = statSync(file).size;
    if (size > max) {
      yield new InputError(file, `file too large (${mb(size)}; the limit is ${mb(max)}, see --max-size)`);
      return;
    }
    buf = readFileSync(file);
  } catch (e) {
    yield new InputError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return;
  }
  yield fromBuffer(buf, file, ext === '.html' || ext === '.htm' ? 'html' : 'txt', options);
}

async function* readStdin(options: ReadOptions): AsyncGenerator<Item> {
  if (options.stdinFormat === 'jsonl') {
    yield* readJsonl(process.stdin, '-', options);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const buf = Buffer.concat(chunks);
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.length > max) {
    yield new InputError('-', `input too large (${mb(buf.length)}; the limit is ${mb(max)})`);
    return;
  }
  const text = buf.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  const format = options.stdinFormat ?? (text.startsWith('<') ? 'html' : 'txt');
  yield fromBuffer(buf, '-', format, options);
}

function fromBuffer(buf: Buffer, origin: string, format: 'html' | 'txt', options: ReadOptions): Item {
  try {
    const text = decode(buf, origin);
    const article = format === 'html' ? fromHtml(text, origin) : fromPlainText(text, origin);
    return check(article, options);
  } catch (e) {
    if (e instanceof InputError) return e;
    return new InputError(origin, (e as Error).message);
  }
}

async function* readJsonl(
  stream: NodeJS.ReadableStream,
  origin: string,
  options: ReadOptions,
): AsyncGenerator<Item> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of lines) {
      n++;
      const line = n === 1 ? raw.replace(/^\ufeff/, '') : raw;
      if (!line.trim()) continue;
      const where = `${origin}:${n}`;
      if (line.length > max) {
        yield new InputError(where, `record too large (${mb(line.length)}; the limit is ${mb(max)})`);
        continue;
      }
      yield fromRecord(line, where, options);
    }
  } catch (e) {
    yield new InputError(origin, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function fromRecord(line: string, where: string, options: ReadOptions): Item {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return new InputError(where, `malformed JSON: ${(e as Error).message}`);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec))
    return new InputError(where, 'record is not a JSON object');
  const r = rec as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  const id = typeof r.id === 'number' ? String(r.id) : str('id');
  try {
    let article: Article;
    if (typeof r.text === 'string') article = { text: r.text, origin: where };
    else if (typeof r.html === 'string') article = fromHtml(r.html, where);
    else return new InputError(where, 'record has neither "text" nor "html"');
    if (id) article.id = id;
    const title = str('title');
    if (title) article.title = title.trim();
    const pubRaw = str('published') ?? str('date');
    if (pubRaw) {
      const published = isoDate(pubRaw);
      if (!published) return new InputError(where, `"published" is not a date: ${JSON.stringify(pubRaw)}`);
      article.published = published;
    }
    const url = str('url');
    if (url) article.url = url;
    const source = str('source');
    if (source) article.source = source;
    return check(article, options);
  } catch (e) {
    return e instanceof InputError ? e : new InputError(where, (e as Error).message);
  }
}

/** Refuse what cannot be analysed: nothing to read, or not English. */
function check(article: Article, options: ReadOptions): Item {
  if (!article.text.trim()) return new InputError(article.origin, 'no text (empty article)');
  if (!options.anyLanguage) {
    const share = englishShare(article.text);
    if (share !== null && share < MIN_ENGLISH_SHARE) {
      return new InputError(
        article.origin,
        'does not look like English text (use --any-language to analyse anyway)',
      );
    }
  }
  return article;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
