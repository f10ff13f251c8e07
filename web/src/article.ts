// The article view: cleaned text with actor mentions, places, times, quotes and event triggers
// highlighted (distinct colours), a tooltip per event trigger, and a side panel listing events,
// quotes, figures, actors, places and times. Text goes into the DOM only as text nodes.
import type { Result } from './api.js';
import type { Event } from '../../src/result.js';
import { QUAD_COLORS, QUAD_NAMES, activate, h, hideTip, safeUrl, showTip } from './dom.js';

type Kind = 'actor' | 'place' | 'time' | 'quote' | 'trigger';
interface Ann {
  start: number;
  end: number;
  kind: Kind;
  ref: string;
}

export const KIND_LABELS: Record<Kind, string> = {
  actor: 'Actor',
  place: 'Place',
  time: 'Time',
  quote: 'Quote',
  trigger: 'Event trigger',
};

function annotations(r: Result): Ann[] {
  const out: Ann[] = [];
  const ok = (a: { start: number; end: number }): boolean =>
    Number.isInteger(a.start) &&
    Number.isInteger(a.end) &&
    a.start >= 0 &&
    a.end <= r.text.length &&
    a.start < a.end;
  for (const a of r.actors)
    for (const m of a.mentions) if (ok(m)) out.push({ start: m.start, end: m.end, kind: 'actor', ref: a.id });
  r.places.forEach(
    (p, i) => ok(p) && out.push({ start: p.start, end: p.end, kind: 'place', ref: String(i) }),
  );
  r.times.forEach((t, i) => ok(t) && out.push({ start: t.start, end: t.end, kind: 'time', ref: String(i) }));
  r.quotes.forEach(
    (q, i) => ok(q) && out.push({ start: q.start, end: q.end, kind: 'quote', ref: String(i) }),
  );
  for (const e of r.events)
    if (ok(e.trigger)) out.push({ start: e.trigger.start, end: e.trigger.end, kind: 'trigger', ref: e.id });
  return out;
}

export function eventLine(e: Event): string {
  const side = (x: { code: string | null; text: string } | null): string =>
    x ? `${x.code ?? '?'} (${x.text})` : '—';
  return `${side(e.source)} → ${side(e.target)}`;
}

function eventDetails(e: Event): HTMLElement {
  return h(
    'div',
    { class: 'evtip' },
    h('strong', {}, `${e.code} ${e.label}`),
    h('div', {}, eventLine(e)),
    h(
      'div',
      {},
      `mode: ${e.mode} · ${QUAD_NAMES[e.quad - 1] ?? 'quad ' + e.quad} · Goldstein ${e.goldstein}`,
    ),
    h(
      'div',
      {},
      `date: ${e.date ?? 'unknown'}${e.date && e.date_precision !== 'day' ? ` (${e.date_precision})` : ''}`,
    ),
    h(
      'div',
      {},
      `place: ${e.place ? `${e.place.name}${e.place.country ? ', ' + e.place.country : ''}` : '—'}`,
    ),
    e.attribution ? h('div', {}, `per: ${e.attribution.text} (${e.attribution.certainty})`) : null,
  );
}

export interface ArticleViewOptions {
  sentence?: number;
  event?: string;
}

export function renderArticle(r: Result, opts: ArticleViewOptions = {}): HTMLElement {
  const t0 = performance.now();
  const anns = annotations(r);
  const events = new Map(r.events.map((e) => [e.id, e]));
  const actors = new Map(r.actors.map((a) => [a.id, a]));

  // boundaries: every annotation edge, sentence edge and paragraph edge
  const paras = r.paragraphs.length ? r.paragraphs : [{ start: 0, end: r.text.length }];
  const cuts = new Set<number>([0, r.text.length]);
  for (const a of anns) cuts.add(a.start).add(a.end);
  for (const x of r.sentences) cuts.add(x.start).add(x.end);
  for (const p of paras) cuts.add(p.start).add(p.end);
  const bounds = [...cuts].filter((n) => n >= 0 && n <= r.text.length).sort((a, b) => a - b);
  const sentenceAt = (pos: number): number => {
    let lo = 0;
    let hi = r.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = r.sentences[mid]!;
      if (pos < x.start) hi = mid - 1;
      else if (pos >= x.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  // annotations sorted by start, swept with an active list
  const byStart = [...anns].sort((a, b) => a.start - b.start);

  const textEl = h('div', { class: 'article-text', lang: 'en' });
  let pi = 0;
  let ai = 0;
  let active: Ann[] = [];
  let para: HTMLElement | null = null;
  let sent: HTMLElement | null = null;
  let sentIdx = -2;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    while (ai < byStart.length && byStart[ai]!.start <= a) active.push(byStart[ai++]!);
    active = active.filter((x) => x.end > a);
    while (pi < paras.length && paras[pi]!.end <= a) pi++;
    const p = paras[pi];
    if (!p || a < p.start) continue; // between paragraphs: line breaks
    if (!para || para.dataset.p !== String(pi)) {
      para = h('p', { 'data-p': pi });
      textEl.append(para);
      sent = null;
      sentIdx = -2;
    }
    const si = sentenceAt(a);
    if (!sent || si !== sentIdx) {
      sentIdx = si;
      sent = si >= 0 ? h('span', { class: 'sent', id: `s-${si}`, 'data-s': si }) : h('span', {});
      para.append(sent);
    }
    const piece = r.text.slice(a, b);
    const cover = active.filter((x) => x.start <= a && x.end >= b);
    if (!cover.length) {
      sent.append(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(cover.map((x) => x.kind))];
    const span = h('span', { class: ['hl', ...kinds.map((k) => `hl-${k}`)].join(' ') }, piece);
    const trig = cover.find((x) => x.kind === 'trigger');
    const act = cover.find((x) => x.kind === 'actor');
    if (act) span.dataset.actor = act.ref;
    const titles: string[] = [];
    if (act) titles.push(`${actors.get(act.ref)?.name ?? ''} ${actors.get(act.ref)?.code ?? ''}`.trim());
    for (const k of kinds) if (k !== 'trigger' && k !== 'actor') titles.push(KIND_LABELS[k]);
    if (trig) {
      const e = events.get(trig.ref)!;
      span.dataset.event = e.id;
      span.style.setProperty('--quad', QUAD_COLORS[e.quad - 1] ?? '#999');
      span.setAttribute('aria-label', `${piece}: event ${e.code} ${e.label}, ${eventLine(e)}`);
      const show = (): void => showTip(span, eventDetails(e));
      span.addEventListener('mouseenter', show);
      span.addEventListener('focus', show);
      span.addEventListener('mouseleave', hideTip);
      span.addEventListener('blur', hideTip);
      activate(span, () => focusEvent(root, e.id));
    } else if (titles.length) span.title = titles.join(' · ');
    sent.append(span);
  }

  const root = h('article', { class: 'article-view', 'data-id': r.id });
  const url = safeUrl(r.url);
  const head = h(
    'header',
    { class: 'article-head' },
    h('h1', {}, r.title ?? '(untitled)'),
    h(
      'p',
      { class: 'meta' },
      [r.published ?? 'no date', r.source, `id ${r.id}`].filter(Boolean).join(' · '),
      url ? ' · ' : null,
      url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'source') : null,
    ),
    legend(r),
  );
  const side = sidePanel(r, root);
  root.append(head, h('div', { class: 'article-body' }, textEl, side));
  root.dataset.renderMs = String(Math.round(performance.now() - t0));
  if (opts.event || opts.sentence !== undefined) {
    queueMicrotask(() => {
      if (opts.event && events.has(opts.event)) focusEvent(root, opts.event);
      else if (opts.sentence !== undefined) focusSentence(root, opts.sentence);
    });
  }
  return root;
}

function legend(r: Result): HTMLElement {
  const n: Record<Kind, number> = {
    actor: r.actors.reduce((s, a) => s + a.mentions.length, 0),
    place: r.places.length,
    time: r.times.length,
    quote: r.quotes.length,
    trigger: r.events.length,
  };
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Highlight colours' },
    ...(Object.keys(KIND_LABELS) as Kind[]).map((k) =>
      h('li', {}, h('span', { class: `hl hl-${k} swatch` }, KIND_LABELS[k]), ` ${n[k]}`),
    ),
  );
}

function focusSentence(root: HTMLElement, s: number): void {
  root.querySelectorAll('.sent.focus').forEach((x) => x.classList.remove('focus'));
  const el = root.querySelector<HTMLElement>(`#s-${s}`);
  if (!el) return;
  el.classList.add('focus');
  el.scrollIntoView({ block: 'center' });
}

function focusEvent(root: HTMLElement, id: string): void {
  root.querySelectorAll('.selected').forEach((x) => x.classList.remove('selected'));
  const trig = root.querySelector<HTMLElement>(`.hl-trigger[data-event="${CSS.escape(id)}"]`);
  const item = root.querySelector<HTMLElement>(`.event-item[data-event="${CSS.escape(id)}"]`);
  trig?.classList.add('selected');
  item?.classList.add('selected');
  const s = trig?.closest<HTMLElement>('.sent');
  root.querySelectorAll('.sent.focus').forEach((x) => x.classList.remove('focus'));
  s?.classList.add('focus');
  trig?.scrollIntoView({ block: 'center' });
}

function section(title: string, n: number, ...items: HTMLElement[]): HTMLElement {
  return h(
    'section',
    { class: 'panel-section' },
    h('h2', {}, `${title} (${n})`),
    items.length ? h('ul', {}, ...items) : h('p', { class: 'empty' }, 'none found'),
  );
}

function sidePanel(r: Result, root: HTMLElement): HTMLElement {
  const actorName = new Map(r.actors.map((a) => [a.id, a.name]));
  const events = r.events.map((e) => {
    const li = h(
      'li',
      { class: 'event-item', 'data-event': e.id },
      h('span', { class: 'quad-dot', 'aria-hidden': 'true' }),
      h('strong', {}, `${e.code} ${e.label}`),
      h('br'),
      eventLine(e),
      h('br'),
      h(
        'small',
        {},
        [e.date ?? 'undated', e.place?.name, e.mode !== 'actual' ? e.mode : null].filter(Boolean).join(' · '),
      ),
    );
    (li.firstChild as HTMLElement).style.background = QUAD_COLORS[e.quad - 1] ?? '#999';
    activate(li, () => focusEvent(root, e.id));
    return li;
  });
  const quotes = r.quotes.map((q) =>
    h(
      'li',
      { class: 'quote-item' },
      h('strong', {}, q.speaker ?? 'unknown speaker'),
      q.speaker_code ? ` (${q.speaker_code})` : null,
      ': ',
      h('q', {}, q.text),
    ),
  );
  const figures = r.figures.map((f) =>
    h(
      'li',
      {},
      h('strong', {}, f.quantity),
      ` ${f.unit}`,
      f.place ? ` in ${f.place}` : null,
      f.source ? ` — ${f.source}` : null,
      f.value !== null
        ? h('small', {}, ` [${f.bound} ${f.value}${f.max !== null ? '–' + f.max : ''}]`)
        : null,
    ),
  );
  const actors = r.actors.map((a) =>
    h(
      'li',
      {},
      h('span', { class: 'hl hl-actor' }, a.name),
      ` ${a.code ?? '—'} · ${a.type} · ${a.mentions.length}×`,
    ),
  );
  const places = uniq(
    r.places.map(
      (p) =>
        `${p.name}${p.country ? ' (' + p.country + ')' : ''}${p.lat !== null && p.lon !== null ? ` ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : ''}`,
    ),
  ).map((t) => h('li', {}, t));
  const times = r.times.map((t) => h('li', {}, h('span', { class: 'hl hl-time' }, t.text), ` → ${t.value}`));
  void actorName;
  const warn = r.warnings.length
    ? h(
        'section',
        { class: 'panel-section warnings' },
        h('h2', {}, 'Warnings'),
        h('ul', {}, ...r.warnings.map((w) => h('li', {}, w))),
      )
    : null;
  return h(
    'aside',
    { class: 'side-panel', 'aria-label': 'Annotations' },
    section('Events', events.length, ...events),
    section('Quotes', quotes.length, ...quotes),
    section('Figures', figures.length, ...figures),
    section('Actors', actors.length, ...actors),
    section('Places', places.length, ...places),
    section('Times', times.length, ...times),
    warn,
    r.removed.length
      ? h('p', { class: 'small' }, `${r.removed.length} cruft line(s) removed before analysis`)
      : null,
  );
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}
