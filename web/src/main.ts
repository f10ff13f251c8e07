// The sitrep web UI: hash routes #/ (overview: timeline, map, network, articles, events),
// #/articles, #/article/<id>?s=<sentence>&e=<event>, #/analyze. No framework: plain DOM.
import './style.css';
import type { ActorCount, ArticleSummary, Dyad, Filter, GeoCell, Result, Stats, StoredEvent } from './api.js';
import { ApiFailure, FILTER_KEYS, analyze, get, query } from './api.js';
import { renderArticle } from './article.js';
import { renderSummary } from './summary.js';
import { h, hideTip } from './dom.js';
import { cellFor, renderMap } from './map.js';
import { renderNetwork } from './network.js';
import { articleLink, renderTable } from './table.js';
import { renderTimeline } from './timeline.js';

const main = document.getElementById('main')!;
let mapZoom = false;

function parseHash(): { path: string; params: URLSearchParams } {
  const raw = location.hash.replace(/^#/, '') || '/';
  const i = raw.indexOf('?');
  return { path: i < 0 ? raw : raw.slice(0, i), params: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)) };
}

function filterFrom(p: URLSearchParams): Filter {
  const f: Filter = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  return f;
}

function go(path: string, f: Filter = {}, extra: Record<string, string> = {}): void {
  location.hash = `#${path}${query(f, extra)}`;
}

function errorBox(e: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e));
}

/** A panel that fills itself from an async loader, showing progress and errors. */
function panel(title: string, id: string, load: () => Promise<Node>, headExtra?: Node): HTMLElement {
  const body = h('div', { class: 'panel-body', 'aria-busy': 'true' }, h('p', { class: 'small' }, 'loading…'));
  const sec = h(
    'section',
    { class: 'panel', id, 'aria-labelledby': `${id}-h` },
    h('div', { class: 'panel-head' }, h('h2', { id: `${id}-h` }, title), headExtra ?? null),
    body,
  );
  load()
    .then((n) => body.replaceChildren(n))
    .catch((e: unknown) => body.replaceChildren(errorBox(e)))
    .finally(() => body.setAttribute('aria-busy', 'false'));
  return sec;
}

function eventList(items: StoredEvent[], more: boolean): HTMLElement {
  if (!items.length) return h('p', { class: 'empty' }, 'No events.');
  return h(
    'div',
    {},
    h(
      'ul',
      { class: 'event-list' },
      ...items.map((e) =>
        h(
          'li',
          { 'data-event': e.event_id, 'data-article': e.article_id },
          h('strong', {}, `${e.date ?? 'undated'} ${e.code}`),
          ` ${e.source_code ?? '?'} → ${e.target_code ?? '—'}`,
          e.place_name ? ` · ${e.place_name}` : null,
          ' — ',
          h('a', { href: articleLink(e) }, e.article_title ?? e.article_id),
        ),
      ),
    ),
    more ? h('p', { class: 'small' }, 'More events match: see the table below.') : null,
  );
}

// ---------- overview ----------

function filterForm(f: Filter): HTMLElement {
  const field = (k: keyof Filter, label: string, attrs: Record<string, string> = {}): HTMLElement =>
    h('label', {}, label, h('input', { name: k, value: f[k] ?? '', ...attrs }));
  const mode = h(
    'select',
    { name: 'mode' },
    h('option', { value: '' }, 'any'),
    ...['actual', 'expected', 'intended', 'threatened', 'denied', 'hypothetical', 'requested'].map((m) =>
      h('option', { value: m, selected: f.mode === m }, m),
    ),
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
    field('q', 'Text', { type: 'search', placeholder: 'e.g. Iraq' }),
    field('actor', 'Actor code', { placeholder: 'SYR', size: '8' }),
    field('code', 'CAMEO code', { placeholder: '19', size: '5' }),
    field('country', 'Country', { placeholder: 'SY', size: '3' }),
    h('label', {}, 'Mode', mode),
    field('from', 'From', { type: 'date' }),
    field('to', 'To', { type: 'date' }),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit' }, 'Apply'),
      h('button', { type: 'button', class: 'secondary', onclick: () => go('/') }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const nf: Filter = { ...f };
    for (const k of ['q', 'actor', 'code', 'country', 'mode', 'from', 'to'] as const) {
      const v = String(data.get(k) ?? '').trim();
      if (v) nf[k] = v;
      else delete nf[k];
    }
    go('/', nf);
  });
  const chips = FILTER_KEYS.filter((k) => f[k]).map((k) => {
    const rest = { ...f };
    delete rest[k];
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          'aria-label': `Remove filter ${k}=${f[k]}`,
          onclick: () => go('/', rest),
        },
        `${k}: ${f[k]} ✕`,
      ),
    );
  });
  return h(
    'div',
    {},
    form,
    chips.length ? h('ul', { class: 'chips', 'aria-label': 'Active filters' }, ...chips) : null,
  );
}

function overview(f: Filter): HTMLElement {
  const noDates = { ...f };
  delete noDates.from;
  delete noDates.to;
  const mapDetail = h('div', { class: 'detail', 'aria-live': 'polite' });
  const netDetail = h('div', { class: 'detail', 'aria-live': 'polite' });
  const timeline = panel('Timeline', 'timeline', async () => {
    const stats = await get<Stats>(`/api/stats${query(noDates)}`);
    return renderTimeline(stats, f, (from, to) => {
      const nf = { ...f };
      if (from) nf.from = from;
      else delete nf.from;
      if (to) nf.to = to;
      else delete nf.to;
      go('/', nf);
    });
  });
  const map = panel('Map', 'map', async () => {
    const health = await get<{ events: number }>('/api/health');
    const geo = await get<{ cell: number; cells: GeoCell[] }>(
      `/api/geo${query(f, { cell: cellFor(health.events) })}`,
    );
    const pick = async (c: GeoCell): Promise<void> => {
      mapDetail.replaceChildren(h('p', { class: 'small' }, 'loading…'));
      try {
        const bbox = c.bbox.join(',');
        const page = await get<{ items: StoredEvent[]; next: string | null }>(
          `/api/events${query({ ...f, bbox }, { limit: 50 })}`,
        );
        mapDetail.replaceChildren(
          h('h3', {}, `${c.place ?? 'Events'} — ${c.count} event(s)`),
          h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => go('/', { ...f, bbox }) },
            'Filter all views to this area',
          ),
          eventList(page.items, !!page.next),
        );
      } catch (e) {
        mapDetail.replaceChildren(errorBox(e));
      }
    };
    const holder = h('div', { class: 'map-wrap' }, renderMap(geo.cells, pick, mapZoom));
    const toggle = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-pressed': String(mapZoom) },
      mapZoom ? 'Whole world' : 'Zoom to events',
    );
    toggle.addEventListener('click', () => {
      mapZoom = !mapZoom;
      toggle.textContent = mapZoom ? 'Whole world' : 'Zoom to events';
      toggle.setAttribute('aria-pressed', String(mapZoom));
      holder.replaceChildren(renderMap(geo.cells, pick, mapZoom));
    });
    const located = geo.cells.reduce((n, c) => n + c.count, 0);
    return h(
      'div',
      {},
      holder,
      h(
        'p',
        { class: 'small' },
        toggle,
        ` ${located} event(s) with a place, in ${geo.cells.length} cluster(s) of ${geo.cell}°. Click a point for its events.`,
      ),
      mapDetail,
    );
  });
  const network = panel('Actor network', 'network', async () => {
    const data = await get<{ actors: ActorCount[]; dyads: Dyad[] }>(
      `/api/actors${query(f, { level: 'country', limit: 40 })}`,
    );
    return h(
      'div',
      {},
      renderNetwork(data.actors, data.dyads, {
        edge: async (d) => {
          netDetail.replaceChildren(h('p', { class: 'small' }, 'loading…'));
          try {
            const page = await get<{ items: StoredEvent[]; next: string | null }>(
              `/api/events${query({ ...f, source: d.source, target: d.target }, { limit: 50 })}`,
            );
            netDetail.replaceChildren(
              h('h3', {}, `${d.source} → ${d.target}: ${d.count} event(s), mean Goldstein ${d.goldstein}`),
              eventList(page.items, !!page.next),
            );
          } catch (e) {
            netDetail.replaceChildren(errorBox(e));
          }
        },
        node: (code) => go('/', { ...f, actor: code }),
      }),
      netDetail,
    );
  });
  const articles = panel('Articles', 'articles', async () => articleList(f.q, 0, 10));
  const table = panel('Events', 'events', async () => renderTable(f));
  return h(
    'div',
    { class: 'overview' },
    filterForm(f),
    timeline,
    h('div', { class: 'two' }, map, network),
    articles,
    table,
  );
}

async function articleList(q: string | undefined, offset: number, limit: number): Promise<HTMLElement> {
  const data = await get<{ total: number; items: ArticleSummary[] }>(
    `/api/articles${query({}, { q, limit, offset })}`,
  );
  const wrap = h('div', {});
  const items = data.items.map((a) =>
    h(
      'li',
      {},
      h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title ?? a.id),
      h(
        'small',
        {},
        ` ${a.published ?? 'no date'} · ${a.events} event(s)${a.source ? ' · ' + a.source : ''}`,
      ),
    ),
  );
  const pager = h('div', { class: 'pager' });
  if (offset > 0)
    pager.append(
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: async () => wrap.replaceWith(await articleList(q, Math.max(0, offset - limit), limit)),
        },
        '← Previous',
      ),
    );
  if (offset + limit < data.total)
    pager.append(
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: async () => wrap.replaceWith(await articleList(q, offset + limit, limit)),
        },
        'Next →',
      ),
    );
  wrap.append(
    h(
      'p',
      { class: 'small', 'data-total': data.total },
      q ? `${data.total} article(s) match “${q}”` : `${data.total} article(s)`,
      data.total ? ` — showing ${offset + 1}–${offset + data.items.length}` : '',
    ),
    items.length
      ? h('ol', { class: 'article-list', start: offset + 1 }, ...items)
      : h('p', { class: 'empty' }, 'No articles.'),
    pager,
  );
  return wrap;
}

// ---------- articles ----------

function articlesPage(p: URLSearchParams): HTMLElement {
  const q = p.get('q') ?? '';
  const input = h('input', {
    type: 'search',
    name: 'q',
    value: q,
    placeholder: 'search article text',
    'aria-label': 'Search articles',
  });
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    input,
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go('/articles', {}, input.value.trim() ? { q: input.value.trim() } : {});
  });
  const list = panel('Articles', 'article-search', () => articleList(q || undefined, 0, 50));
  const onMap = q
    ? h(
        'p',
        {},
        h(
          'a',
          { href: `#/${query({ q })}` },
          `See the events of these articles on the timeline, map and network →`,
        ),
      )
    : null;
  return h('div', {}, h('h1', {}, 'Articles'), form, onMap, list);
}

// ---------- article ----------

function articlePage(id: string, p: URLSearchParams): HTMLElement {
  const wrap = h('div', { class: 'article-page' }, h('p', { class: 'small' }, 'loading…'));
  get<Result>(`/api/articles/${encodeURIComponent(id)}`)
    .then((r) => {
      const s = p.get('s');
      const e = p.get('e');
      const opts: { sentence?: number; event?: string } = {};
      if (s !== null && /^\d+$/.test(s)) opts.sentence = Number(s);
      if (e) opts.event = e;
      wrap.replaceChildren(
        h(
          'p',
          { class: 'crumbs' },
          h('a', { href: '#/' }, '← Overview'),
          ' · ',
          h(
            'a',
            { href: `#/${query({ article: r.id })}` },
            'this article’s events on the timeline, map and network',
          ),
        ),
        renderArticle(r, opts),
      );
    })
    .catch((e: unknown) => wrap.replaceChildren(errorBox(e)));
  return wrap;
}

// ---------- analyse ----------

function analyzePage(): HTMLElement {
  const text = h('textarea', {
    id: 'paste',
    name: 'text',
    rows: 10,
    placeholder: 'Paste an article (plain text or HTML)…',
    required: true,
  });
  const kind = h(
    'select',
    { name: 'kind', id: 'paste-kind' },
    h('option', { value: 'auto' }, 'detect'),
    h('option', { value: 'text' }, 'plain text'),
    h('option', { value: 'html' }, 'HTML'),
  );
  const title = h('input', { name: 'title', id: 'paste-title' });
  const published = h('input', { type: 'date', name: 'published', id: 'paste-published' });
  const tokenBox = h(
    'label',
    { hidden: !sessionStorage.getItem('sitrep-token-needed') },
    'API token',
    h('input', {
      type: 'password',
      name: 'token',
      autocomplete: 'off',
      value: sessionStorage.getItem('sitrep-token') ?? '',
    }),
  );
  const out = h('div', { class: 'analysis', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Analyse');
  const form = h(
    'form',
    { class: 'paste-form', 'aria-label': 'Analyse an article' },
    h('label', { for: 'paste' }, 'Article text or HTML'),
    text,
    h(
      'div',
      { class: 'row' },
      h('label', {}, 'Format ', kind),
      h('label', {}, 'Title ', title),
      h('label', {}, 'Published ', published),
      tokenBox,
    ),
    button,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const tok = (tokenBox.querySelector('input') as HTMLInputElement).value.trim();
    if (tok) sessionStorage.setItem('sitrep-token', tok);
    const raw = text.value;
    const isHtml =
      kind.value === 'html' ||
      (kind.value === 'auto' && /^\s*</.test(raw) && /<\/(p|div|body|html|article)>/i.test(raw));
    const body: { text?: string; html?: string; title?: string; published?: string } = isHtml
      ? { html: raw }
      : { text: raw };
    if (title.value.trim()) body.title = title.value.trim();
    if (published.value) body.published = published.value;
    button.disabled = true;
    out.replaceChildren(h('p', { class: 'small' }, 'analysing…'));
    const t0 = performance.now();
    try {
      const r = await analyze(body);
      out.replaceChildren(
        h(
          'p',
          { class: 'small' },
          `analysed in ${Math.round(performance.now() - t0)} ms: ${r.events.length} event(s), ${r.actors.length} actor(s), ${r.places.length} place mention(s)`,
        ),
        renderArticle(r),
        renderSummary(r),
      );
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) {
        sessionStorage.setItem('sitrep-token-needed', '1');
        tokenBox.hidden = false;
      }
      out.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  return h(
    'div',
    {},
    h('h1', {}, 'Analyse an article'),
    h('p', { class: 'small' }, 'Nothing is stored: the text is analysed and shown with its annotations.'),
    form,
    out,
  );
}

// ---------- router ----------

function route(): void {
  hideTip();
  const { path, params } = parseHash();
  let view: HTMLElement;
  let nav = 'overview';
  const m = /^\/article\/(.+)$/.exec(path);
  if (m) {
    view = articlePage(decodeURIComponent(m[1]!), params);
    nav = 'articles';
  } else if (path === '/articles') {
    view = articlesPage(params);
    nav = 'articles';
  } else if (path === '/analyze') {
    view = analyzePage();
    nav = 'analyze';
  } else {
    const f = filterFrom(params);
    view = overview(f);
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.replaceChildren(view);
  document.body.dataset.view = nav;
}

window.addEventListener('hashchange', route);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hideTip();
});
route();
