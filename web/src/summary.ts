// Timeline, map and network for one analysed article (the paste-and-analyse view), built in the
// browser from the result's events with the same renderers as the overview.
import type { Event } from '../../src/result.js';
import type { ActorCount, DayStats, Dyad, GeoCell, Result, Stats } from './api.js';
import { eventLine } from './article.js';
import { h } from './dom.js';
import { renderMap } from './map.js';
import { renderNetwork } from './network.js';
import { renderTimeline } from './timeline.js';

const countryKey = (code: string): string =>
  ['IGO', 'NGO', 'IMG', 'MNC'].includes(code.slice(0, 3)) ? code.slice(0, 6) : code.slice(0, 3);

export function statsOf(events: Event[]): Stats {
  const days = new Map<string, DayStats>();
  let undated = 0;
  for (const e of events) {
    if (!e.date || e.date.length !== 10) {
      undated++;
      continue;
    }
    let d = days.get(e.date);
    if (!d) days.set(e.date, (d = { date: e.date, count: 0, quads: [0, 0, 0, 0], roots: {} }));
    d.count++;
    if (e.quad >= 1 && e.quad <= 4) d.quads[e.quad - 1] = (d.quads[e.quad - 1] ?? 0) + 1;
    d.roots[e.root] = (d.roots[e.root] ?? 0) + 1;
  }
  return {
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
    undated,
    total: events.length,
  };
}

export function cellsOf(events: Event[]): GeoCell[] {
  const cells = new Map<string, GeoCell & { events: Event[] }>();
  for (const e of events) {
    const p = e.place;
    if (!p || p.lat === null || p.lon === null) continue;
    const k = `${p.lat.toFixed(2)},${p.lon.toFixed(2)}`;
    let c = cells.get(k);
    if (!c) {
      c = {
        lat: p.lat,
        lon: p.lon,
        count: 0,
        quads: [0, 0, 0, 0],
        place: p.name,
        bbox: [p.lon, p.lat, p.lon, p.lat],
        events: [],
      };
      cells.set(k, c);
    }
    c.count++;
    c.events.push(e);
    if (e.quad >= 1 && e.quad <= 4) c.quads[e.quad - 1] = (c.quads[e.quad - 1] ?? 0) + 1;
  }
  return [...cells.values()];
}

export function dyadsOf(events: Event[]): { actors: ActorCount[]; dyads: Dyad[] } {
  const dy = new Map<string, Dyad & { sum: number }>();
  const act = new Map<string, ActorCount>();
  const bump = (code: string, side: 'as_source' | 'as_target'): void => {
    let a = act.get(code);
    if (!a) act.set(code, (a = { code, name: null, events: 0, as_source: 0, as_target: 0 }));
    a.events++;
    a[side]++;
  };
  for (const e of events) {
    if (!e.source.code || !e.target?.code) continue;
    const s = countryKey(e.source.code);
    const t = countryKey(e.target.code);
    bump(s, 'as_source');
    bump(t, 'as_target');
    const k = `${s}>${t}`;
    let d = dy.get(k);
    if (!d) dy.set(k, (d = { source: s, target: t, count: 0, goldstein: 0, quads: [0, 0, 0, 0], sum: 0 }));
    d.count++;
    d.sum += e.goldstein;
    d.goldstein = Math.round((d.sum / d.count) * 100) / 100;
  }
  return { actors: [...act.values()], dyads: [...dy.values()] };
}

function list(events: Event[]): HTMLElement {
  return h(
    'ul',
    { class: 'event-list' },
    ...events.map((e) =>
      h(
        'li',
        { 'data-event': e.id },
        h('strong', {}, `${e.date ?? 'undated'} ${e.code} ${e.label}`),
        ` ${eventLine(e)}`,
      ),
    ),
  );
}

/** The article's events on a timeline, a map (zoomed to them) and a network. */
export function renderSummary(r: Result): HTMLElement {
  const detail = h('div', { class: 'detail', 'aria-live': 'polite' });
  const cells = cellsOf(r.events);
  const { actors, dyads } = dyadsOf(r.events);
  const timeline = renderTimeline(statsOf(r.events), {}, (from, to) =>
    detail.replaceChildren(
      h('h3', {}, `Events ${from === to ? 'on ' + from : `from ${from} to ${to}`}`),
      list(r.events.filter((e) => e.date && from && to && e.date >= from && e.date <= to)),
    ),
  );
  const map = renderMap(
    cells,
    (c) => {
      const found = (c as GeoCell & { events?: Event[] }).events ?? [];
      detail.replaceChildren(h('h3', {}, `${c.place ?? 'Place'}: ${c.count} event(s)`), list(found));
    },
    true,
  );
  const network = renderNetwork(actors, dyads, {
    edge: (d) =>
      detail.replaceChildren(
        h('h3', {}, `${d.source} → ${d.target}`),
        list(
          r.events.filter(
            (e) =>
              e.source.code &&
              e.target?.code &&
              countryKey(e.source.code) === d.source &&
              countryKey(e.target.code) === d.target,
          ),
        ),
      ),
    node: () => undefined,
  });
  return h(
    'section',
    { class: 'summary', 'aria-label': 'This article’s events' },
    h('h2', {}, 'This article’s events'),
    h('div', { class: 'panel', id: 'summary-timeline' }, h('h3', {}, 'Timeline'), timeline),
    h(
      'div',
      { class: 'two' },
      h(
        'div',
        { class: 'panel', id: 'summary-map' },
        h('h3', {}, 'Map'),
        h('div', { class: 'map-wrap' }, map),
        h('p', { class: 'small' }, `${cells.reduce((n, c) => n + c.count, 0)} event(s) with a place`),
      ),
      h('div', { class: 'panel', id: 'summary-network' }, h('h3', {}, 'Actor network'), network),
    ),
    detail,
  );
}
