// Event table: pages of events from the API (cursor paging), sortable by any column, filterable by
// the global filter and a quick text filter on the loaded rows; rows link to their sentence in the
// article view. Export: the current filter as CSV straight from the API.
import type { Filter, StoredEvent } from './api.js';
import { get, query } from './api.js';
import { QUAD_COLORS, QUAD_NAMES, h } from './dom.js';

type Col = { key: keyof StoredEvent; label: string; num?: boolean };
const COLS: Col[] = [
  { key: 'date', label: 'Date' },
  { key: 'source_code', label: 'Source' },
  { key: 'code', label: 'Code' },
  { key: 'target_code', label: 'Target' },
  { key: 'mode', label: 'Mode' },
  { key: 'place_name', label: 'Place' },
  { key: 'goldstein', label: 'Goldstein', num: true },
  { key: 'quad', label: 'Quad', num: true },
  { key: 'article_title', label: 'Article' },
];

export function articleLink(e: StoredEvent): string {
  const p = new URLSearchParams();
  if (e.sentence !== null) p.set('s', String(e.sentence));
  p.set('e', e.event_id);
  return `#/article/${encodeURIComponent(e.article_id)}?${p}`;
}

export function renderTable(filter: Filter, extra: Record<string, string> = {}, pageSize = 200): HTMLElement {
  const rows: StoredEvent[] = [];
  let next: string | null = null;
  let sortKey: keyof StoredEvent | null = null;
  let asc = true;
  let quick = '';
  const wrap = h('div', { class: 'event-table' });
  const status = h('p', { class: 'small', 'aria-live': 'polite' }, 'loading…');
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const exportLink = h(
    'a',
    {
      href: `/api/events${query(filter, { ...extra, format: 'csv', limit: 100000 })}`,
      download: 'sitrep-events.csv',
      class: 'button',
    },
    'Export CSV',
  );
  const quickInput = h('input', {
    type: 'search',
    placeholder: 'filter loaded rows',
    'aria-label': 'Filter loaded rows',
  });
  quickInput.addEventListener('input', () => {
    quick = quickInput.value.toLowerCase();
    draw();
  });
  const heads = COLS.map((c) => {
    const b = h('button', { type: 'button', class: 'sort' }, c.label);
    const th = h('th', { scope: 'col', 'data-key': c.key }, b);
    b.addEventListener('click', () => {
      asc = sortKey === c.key ? !asc : true;
      sortKey = c.key;
      for (const x of wrap.querySelectorAll('th')) x.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      draw();
    });
    return th;
  });
  const table = h('table', {}, h('thead', {}, h('tr', {}, ...heads)), tbody);

  function draw(): void {
    let shown = quick
      ? rows.filter(
          (r) =>
            COLS.some((c) =>
              String(r[c.key] ?? '')
                .toLowerCase()
                .includes(quick),
            ) || (r.source_text ?? '').toLowerCase().includes(quick),
        )
      : rows;
    if (sortKey) {
      const k = sortKey;
      const dir = asc ? 1 : -1;
      shown = [...shown].sort((a, b) => {
        const x = a[k];
        const y = b[k];
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (
          (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir
        );
      });
    }
    tbody.replaceChildren(
      ...shown.map((r) => {
        const quad = h('td', {}, String(r.quad));
        quad.title = QUAD_NAMES[r.quad - 1] ?? '';
        quad.style.borderLeft = `4px solid ${QUAD_COLORS[r.quad - 1] ?? '#999'}`;
        return h(
          'tr',
          { 'data-article': r.article_id, 'data-event': r.event_id },
          h('td', {}, r.date ?? '—'),
          h('td', { title: r.source_text ?? '' }, r.source_code ?? '—'),
          h('td', {}, r.code),
          h('td', { title: r.target_text ?? '' }, r.target_code ?? '—'),
          h('td', {}, r.mode),
          h('td', {}, r.place_name ?? '—'),
          h('td', { class: 'num' }, String(r.goldstein)),
          quad,
          h('td', {}, h('a', { href: articleLink(r) }, r.article_title ?? r.article_id)),
        );
      }),
    );
    status.textContent = `${rows.length} event(s) loaded${next ? ' (more available)' : ''}${quick ? `, ${shown.length} shown` : ''}`;
    more.hidden = !next;
  }

  async function load(): Promise<void> {
    more.disabled = true;
    try {
      const page = await get<{ items: StoredEvent[]; next: string | null }>(
        `/api/events${query(filter, { ...extra, limit: pageSize, cursor: next ?? undefined })}`,
      );
      rows.push(...page.items);
      next = page.next;
      draw();
    } catch (e) {
      status.textContent = `Could not load events: ${(e as Error).message}`;
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => void load());
  wrap.append(
    h('div', { class: 'table-tools' }, quickInput, exportLink),
    h('div', { class: 'table-scroll' }, table),
    status,
    more,
  );
  void load();
  return wrap;
}
