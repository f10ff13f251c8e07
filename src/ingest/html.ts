// HTML pages: the story via Readability on linkedom, metadata from meta tags, JSON-LD and <time>.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from './article.js';
import { InputError } from './decode.js';
import { isoDate } from './dates.js';

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };
type DocLike = {
  querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
  querySelectorAll(
    sel: string,
  ): ArrayLike<{ textContent: string | null; getAttribute(n: string): string | null }>;
};

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'DL',
  'DT',
  'DD',
  'HR',
]);

export function fromHtml(html: string, origin: string): Article {
  const { document } = parseHTML(
    html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  const meta = readMeta(document as unknown as DocLike);
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(document as unknown as Document, {
      serializer: (n) => n as unknown as Node,
      charThreshold: 200,
    }).parse();
  } catch (e) {
    throw new InputError(origin, `HTML could not be read: ${(e as Error).message}`);
  }
  const body = parsed?.content ? blockText(parsed.content) : '';
  if (body.replace(/\s+/g, ' ').trim().length < 40)
    throw new InputError(origin, 'no article text found in the HTML page');
  const title = meta.title ?? parsed?.title?.trim() ?? undefined;
  const published = meta.published ?? isoDate(parsed?.publishedTime ?? undefined) ?? undefined;
  const article: Article = { text: body, origin };
  if (title) article.title = title;
  if (published) article.published = published;
  if (meta.url) article.url = meta.url;
  const source = meta.source ?? parsed?.siteName?.trim();
  if (source) article.source = source;
  return article;
}

/** Text of a DOM subtree with a blank line between blocks, inline text joined as written. */
function blockText(root: Node): string {
  const out: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = line.replace(/[ \t\r\n]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      line += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    if (name === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.join('\n\n');
}

interface PageMeta {
  title?: string;
  published?: string;
  url?: string;
  source?: string;
}

function readMeta(doc: DocLike): PageMeta {
  const attr = (sel: string, name = 'content'): string | undefined =>
    doc.querySelector(sel)?.getAttribute(name)?.trim() || undefined;
  const ld = jsonLd(doc);
  const title =
    attr('meta[property="og:title"]') ??
    ld.headline ??
    doc.querySelector('title')?.textContent?.trim() ??
    undefined;
  const published =
    isoDate(attr('meta[property="article:published_time"]')) ??
    isoDate(attr('meta[name="pubdate"]')) ??
    isoDate(attr('meta[name="date"]')) ??
    isoDate(attr('meta[itemprop="datePublished"]')) ??
    isoDate(ld.datePublished) ??
    isoDate(attr('time[datetime]', 'datetime'));
  const url = attr('link[rel="canonical"]', 'href') ?? attr('meta[property="og:url"]');
  const source = attr('meta[property="og:site_name"]') ?? ld.publisher;
  const meta: PageMeta = {};
  if (title) meta.title = title.replace(/\s+/g, ' ');
  if (published) meta.published = published;
  if (url) meta.url = url;
  if (source) meta.source = source;
  return meta;
}

function jsonLd(doc: DocLike): { headline?: string; datePublished?: string; publisher?: string } {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      const data: unknown = JSON.parse(scripts[i]!.textContent ?? '');
      const items = (Array.isArray(data) ? data : [data]).flatMap((d) =>
        d && typeof d === 'object' && '@graph' in d ? (d as { '@graph': unknown[] })['@graph'] : [d],
      ) as Record<string, unknown>[];
      for (const it of items) {
        if (!it || typeof it !== 'object' || !('datePublished' in it || 'headline' in it)) continue;
        const pub = it.publisher as { name?: string } | undefined;
        const r: { headline?: string; datePublished?: string; publisher?: string } = {};
        if (typeof it.headline === 'string') r.headline = it.headline;
        if (typeof it.datePublished === 'string') r.datePublished = it.datePublished;
        if (pub && typeof pub.name === 'string') r.publisher = pub.name;
        return r;
      }
    } catch {
      // a broken JSON-LD block is ignored: the page's other metadata still counts
    }
  }
  return {};
}
