// Timeline: events per day (per month over long spans) stacked by QuadClass. Drag to brush a date
// range, or click / press Enter on a bar to pick one day; the choice filters the other views.
import type { Stats } from './api.js';
import { QUAD_COLORS, QUAD_NAMES, activate, h, s } from './dom.js';

const DAY = 86_400_000;
const W = 900;
const H = 180;
const M = { l: 34, r: 10, t: 10, b: 28 };

const toDay = (d: string): number => Date.parse(d + 'T00:00:00Z');
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

interface Bin {
  key: string;
  from: string;
  to: string;
  count: number;
  quads: number[];
}

function bins(stats: Stats): { bins: Bin[]; unit: 'day' | 'month' } {
  if (!stats.days.length) return { bins: [], unit: 'day' };
  const first = toDay(stats.days[0]!.date);
  const last = toDay(stats.days[stats.days.length - 1]!.date);
  const byDay = new Map(stats.days.map((d) => [d.date, d]));
  if ((last - first) / DAY <= 400) {
    const out: Bin[] = [];
    // pad a day either side so a single day is not a full-width bar
    for (let t = first - DAY; t <= last + DAY; t += DAY) {
      const d = byDay.get(iso(t));
      out.push({
        key: iso(t),
        from: iso(t),
        to: iso(t),
        count: d?.count ?? 0,
        quads: d ? [...d.quads] : [0, 0, 0, 0],
      });
    }
    return { bins: out, unit: 'day' };
  }
  const months = new Map<string, Bin>();
  for (const d of stats.days) {
    const m = d.date.slice(0, 7);
    let b = months.get(m);
    if (!b) {
      const [y, mo] = m.split('-').map(Number) as [number, number];
      b = { key: m, from: `${m}-01`, to: iso(Date.UTC(y, mo, 0)), count: 0, quads: [0, 0, 0, 0] };
      months.set(m, b);
    }
    b.count += d.count;
    d.quads.forEach((n, i) => (b!.quads[i]! += n));
  }
  const out: Bin[] = [];
  const [y0, m0] = stats.days[0]!.date.split('-').map(Number) as [number, number];
  const [y1, m1] = stats.days[stats.days.length - 1]!.date.split('-').map(Number) as [number, number];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) {
    const k = `${y}-${String(m).padStart(2, '0')}`;
    out.push(
      months.get(k) ?? { key: k, from: `${k}-01`, to: iso(Date.UTC(y, m, 0)), count: 0, quads: [0, 0, 0, 0] },
    );
  }
  return { bins: out, unit: 'month' };
}

export function renderTimeline(
  stats: Stats,
  sel: { from?: string; to?: string },
  onSelect: (from: string | null, to: string | null) => void,
): HTMLElement {
  const { bins: bs, unit } = bins(stats);
  const wrap = h('div', { class: 'timeline' });
  const caption = h(
    'p',
    { class: 'small' },
    `${stats.total} events` +
      (stats.undated ? `, ${stats.undated} without a day` : '') +
      ` · per ${unit} · drag to select a range, click a bar for one ${unit}`,
  );
  if (!bs.length) {
    wrap.append(h('p', { class: 'empty' }, 'No dated events match the filter.'), caption);
    return wrap;
  }
  const max = Math.max(1, ...bs.map((b) => b.count));
  const bw = (W - M.l - M.r) / bs.length;
  const y = (n: number): number => ((H - M.t - M.b) * n) / max;
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'timeline-svg',
    role: 'group',
    'aria-label': `Events per ${unit}`,
  });
  svg.append(
    s('line', { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, class: 'axis' }),
    s('text', { x: M.l - 4, y: M.t + 8, class: 'tick', 'text-anchor': 'end' }, String(max)),
    s('text', { x: M.l - 4, y: H - M.b, class: 'tick', 'text-anchor': 'end' }, '0'),
  );
  const labelEvery = Math.max(1, Math.ceil(bs.length / 8));
  bs.forEach((b, i) => {
    const x = M.l + i * bw;
    const g = s('g', {
      class: 'bar',
      'data-date': b.key,
      'data-count': b.count,
      'data-quads': b.quads.join(','),
    });
    let top = H - M.b;
    b.quads.forEach((n, q) => {
      if (!n) return;
      const hh = y(n);
      top -= hh;
      g.append(
        s('rect', {
          x: x + bw * 0.1,
          width: Math.max(1, bw * 0.8),
          y: top,
          height: hh,
          fill: QUAD_COLORS[q]!,
          class: `q${q + 1}`,
        }),
      );
    });
    g.append(
      s('rect', { x, width: bw, y: M.t, height: H - M.t - M.b, class: 'hit' }),
      s(
        'title',
        {},
        `${b.key}: ${b.count} events` + b.quads.map((n, q) => (n ? `\n${QUAD_NAMES[q]}: ${n}` : '')).join(''),
      ),
    );
    if (b.count) {
      g.setAttribute('aria-label', `${b.key}: ${b.count} events`);
      // mouse/touch clicks arrive through the brush handlers below (pointer capture); this is the keyboard path
      activate(g, (e) => {
        if (e.type !== 'click') onSelect(b.from, b.to);
      });
    }
    svg.append(g);
    // every n-th label, and the last one unless it would collide with the previous
    const last = i === bs.length - 1 && i % labelEvery >= labelEvery / 2;
    if (i % labelEvery === 0 || last)
      svg.append(
        s(
          'text',
          {
            x: last ? W - M.r : x + bw / 2,
            y: H - M.b + 16,
            class: 'tick',
            'text-anchor': last ? 'end' : 'middle',
          },
          unit === 'day' ? b.key.slice(5) : b.key,
        ),
      );
  });
  // current selection
  if (sel.from || sel.to) {
    const i0 = sel.from ? bs.findIndex((b) => b.to >= sel.from!) : 0;
    let i1 = sel.to ? bs.length - 1 - [...bs].reverse().findIndex((b) => b.from <= sel.to!) : bs.length - 1;
    if (i1 >= bs.length) i1 = bs.length - 1;
    if (i0 >= 0 && i1 >= i0)
      svg.insertBefore(
        s('rect', {
          class: 'brush-sel',
          x: M.l + i0 * bw,
          width: (i1 - i0 + 1) * bw,
          y: M.t,
          height: H - M.t - M.b,
        }),
        svg.firstChild,
      );
  }
  // brushing
  let dragged = false;
  let startI = -1;
  const brush = s('rect', { class: 'brush', y: M.t, height: H - M.t - M.b, width: 0, x: 0 });
  svg.append(brush);
  const idx = (ev: PointerEvent): number => {
    const pt = svg.getBoundingClientRect();
    const x = ((ev.clientX - pt.left) / pt.width) * W;
    return Math.max(0, Math.min(bs.length - 1, Math.floor((x - M.l) / bw)));
  };
  svg.addEventListener('pointerdown', (ev) => {
    startI = idx(ev);
    dragged = false;
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener('pointermove', (ev) => {
    if (startI < 0) return;
    const i = idx(ev);
    if (i !== startI) dragged = true;
    const [a, b] = [Math.min(i, startI), Math.max(i, startI)];
    brush.setAttribute('x', String(M.l + a * bw));
    brush.setAttribute('width', String((b - a + 1) * bw));
  });
  svg.addEventListener('pointerup', (ev) => {
    if (startI < 0) return;
    const i = idx(ev);
    const [a, b] = [Math.min(i, startI), Math.max(i, startI)];
    startI = -1;
    if (dragged) onSelect(bs[a]!.from, bs[b]!.to);
    else if (bs[i]!.count) onSelect(bs[i]!.from, bs[i]!.to);
  });
  const legend = h(
    'ul',
    { class: 'legend' },
    ...QUAD_NAMES.map((n, q) => {
      const sw = h('span', { class: 'swatch-box', 'aria-hidden': 'true' });
      sw.style.background = QUAD_COLORS[q]!;
      return h('li', {}, sw, ` ${n}`);
    }),
  );
  wrap.append(svg, legend, caption);
  return wrap;
}
