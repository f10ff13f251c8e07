// Actor network: actors as nodes, coded dyads (source → target) as edges, width by count and colour
// by mean Goldstein score. A small deterministic force layout (no randomness, so it is stable).
import type { ActorCount, Dyad } from './api.js';
import { activate, goldsteinColor, h, s } from './dom.js';

const W = 700;
const H = 460;

interface Node {
  id: string;
  name: string | null;
  events: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export function layout(
  ids: string[],
  edges: { source: string; target: string; count: number }[],
): Map<string, { x: number; y: number }> {
  const n = ids.length;
  const nodes: Node[] = ids.map((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    return {
      id,
      name: null,
      events: 0,
      x: W / 2 + (W / 3) * Math.cos(a),
      y: H / 2 + (H / 3) * Math.sin(a),
      vx: 0,
      vy: 0,
    };
  });
  const at = new Map(nodes.map((d) => [d.id, d]));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  for (let it = 0, temp = W / 8; it < 300; it++, temp *= 0.985) {
    for (const d of nodes) d.vx = d.vy = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = 0.1 * (i - j);
          dy = 0.1;
          d2 = dx * dx + dy * dy;
        }
        if (d2 > 9 * k * k) continue; // repulsion only between neighbours, so small components stay near
        const f = (k * k) / d2;
        a.vx += dx * f;
        a.vy += dy * f;
        b.vx -= dx * f;
        b.vy -= dy * f;
      }
    for (const e of edges) {
      const a = at.get(e.source);
      const b = at.get(e.target);
      if (!a || !b || a === b) continue;
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d / k) * (1 + Math.log2(e.count) * 0.2);
      a.vx -= dx * f;
      a.vy -= dy * f;
      b.vx += dx * f;
      b.vy += dy * f;
    }
    for (const d of nodes) {
      d.vx += (W / 2 - d.x) * 0.15;
      d.vy += (H / 2 - d.y) * 0.15;
      const m = Math.sqrt(d.vx * d.vx + d.vy * d.vy) || 1;
      d.x += (d.vx / m) * Math.min(m, temp);
      d.y += (d.vy / m) * Math.min(m, temp);
    }
  }
  // scale the drawing to fill the frame (keeping its aspect ratio)
  const xs = nodes.map((d) => d.x);
  const ys = nodes.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mx = 50;
  const my = 30;
  const sc = Math.min((W - 2 * mx) / Math.max(1, x1 - x0), (H - 2 * my) / Math.max(1, y1 - y0), 3);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return new Map(nodes.map((d) => [d.id, { x: W / 2 + (d.x - cx) * sc, y: H / 2 + (d.y - cy) * sc }]));
}

export function renderNetwork(
  actors: ActorCount[],
  dyads: Dyad[],
  on: { edge: (d: Dyad) => void; node: (code: string) => void },
): HTMLElement {
  const wrap = h('div', { class: 'network' });
  if (!dyads.length) {
    wrap.append(h('p', { class: 'empty' }, 'No coded dyads match the filter.'));
    return wrap;
  }
  const ids = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
  const info = new Map(actors.map((a) => [a.code, a]));
  const pos = layout(ids, dyads);
  const maxCount = Math.max(1, ...dyads.map((d) => d.count));
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'network-svg',
    role: 'group',
    'aria-label': 'Actor network',
  });
  const defs = s('defs');
  defs.append(
    s(
      'marker',
      {
        id: 'arrow',
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 10,
        markerUnits: 'userSpaceOnUse',
        markerHeight: 10,
        orient: 'auto-start-reverse',
      },
      s('path', { d: 'M0,0L10,5L0,10z', class: 'arrowhead' }),
    ),
  );
  svg.append(defs);
  const edges = s('g', { class: 'edges' });
  for (const d of dyads) {
    const a = pos.get(d.source)!;
    const b = pos.get(d.target)!;
    const g = s('g', {
      class: 'edge',
      'data-source': d.source,
      'data-target': d.target,
      'data-count': d.count,
      'aria-label': `${d.source} → ${d.target}: ${d.count} events, mean Goldstein ${d.goldstein}`,
    });
    if (d.source === d.target) {
      const p = `M${a.x},${a.y - 10} c-30,-40 30,-40 8,-2`;
      g.append(
        s('path', {
          d: p,
          class: 'edge-line',
          stroke: goldsteinColor(d.goldstein),
          'stroke-width': 2,
          fill: 'none',
        }),
      );
    } else {
      // stop the line at the target node's rim so the arrow shows
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.sqrt(dx * dx + dy * dy) || 1;
      const rb = radius(info.get(d.target)?.events ?? 1) + 3;
      const x2 = b.x - (dx / len) * rb;
      const y2 = b.y - (dy / len) * rb;
      const w = 1.5 + 6 * Math.sqrt(d.count / maxCount);
      g.append(
        s('line', { x1: a.x, y1: a.y, x2, y2, class: 'edge-hit' }),
        s('line', {
          x1: a.x,
          y1: a.y,
          x2,
          y2,
          class: 'edge-line',
          stroke: goldsteinColor(d.goldstein),
          'stroke-width': w.toFixed(1),
          'marker-end': 'url(#arrow)',
        }),
      );
    }
    g.append(s('title', {}, `${d.source} → ${d.target}: ${d.count} events, mean Goldstein ${d.goldstein}`));
    activate(g, () => on.edge(d));
    edges.append(g);
  }
  const nodes = s('g', { class: 'nodes' });
  for (const id of ids) {
    const p = pos.get(id)!;
    const a = info.get(id);
    const g = s('g', {
      class: 'node',
      'data-code': id,
      'aria-label': `${id}${a?.name ? ' ' + a.name : ''}: ${a?.events ?? 0} events; filter by this actor`,
    });
    g.append(
      s('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius(a?.events ?? 1).toFixed(1) }),
      s(
        'text',
        { x: p.x.toFixed(1), y: (p.y + radius(a?.events ?? 1) + 12).toFixed(1), 'text-anchor': 'middle' },
        id,
      ),
      s('title', {}, `${id}${a?.name ? ' — ' + a.name : ''}: ${a?.events ?? 0} events`),
    );
    activate(g, () => on.node(id));
    nodes.append(g);
  }
  svg.append(edges, nodes);
  const legend = h(
    'p',
    { class: 'small' },
    'Edge colour: mean Goldstein score (red = conflict, green = cooperation); width: number of events. Click an edge for its events, a node to filter by that actor.',
  );
  wrap.append(svg, legend);
  return wrap;
}

function radius(events: number): number {
  return 6 + Math.min(14, Math.sqrt(events) * 2);
}
