// Map: the world from the bundled Natural Earth 1:110m countries (world-atlas, drawn with d3-geo —
// no tiles, no network) and events as points clustered on a server-side grid, coloured by the
// cluster's dominant QuadClass. Click (or Enter) a point to list its events and their articles.
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import type { GeoPermissibleObjects, GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import type { GeoCell } from './api.js';
import { QUAD_COLORS, QUAD_NAMES, activate, s } from './dom.js';

const W = 960;
const H = 500;
const topo = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topo, topo.objects.countries);

const world = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [W - 4, H - 4],
  ],
  { type: 'Sphere' },
);

/** The whole world, or zoomed to the events (at least 24° across). */
function projectionFor(cells: GeoCell[], zoom: boolean): GeoProjection {
  if (!zoom || !cells.length) return world;
  const lons = cells.map((c) => c.lon);
  const lats = cells.map((c) => c.lat);
  let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const padX = Math.max(4, (24 - (x1 - x0)) / 2);
  const padY = Math.max(3, (14 - (y1 - y0)) / 2);
  [x0, x1, y0, y1] = [
    Math.max(-180, x0 - padX),
    Math.min(180, x1 + padX),
    Math.max(-85, y0 - padY),
    Math.min(85, y1 + padY),
  ];
  return geoNaturalEarth1().fitExtent(
    [
      [10, 10],
      [W - 10, H - 10],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [x0, y0],
        [x1, y1],
        [x0, y1],
        [x1, y0],
      ],
    },
  );
}

let base: SVGGElement | null = null;
function baseLayer(projection: GeoProjection): SVGGElement {
  if (base && projection === world) return base.cloneNode(true) as SVGGElement;
  const path = geoPath(projection);
  const g = s('g', { class: 'basemap' });
  g.append(s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  g.append(s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
  for (const f of countries.features) {
    const p = s('path', {
      d: path(f as GeoPermissibleObjects) ?? '',
      class: 'country',
      'data-name': f.properties?.name ?? '',
    });
    p.append(s('title', {}, f.properties?.name ?? ''));
    g.append(p);
  }
  if (projection === world) base = g;
  return g.cloneNode(true) as SVGGElement;
}

export function renderMap(cells: GeoCell[], onPick: (cell: GeoCell) => void, zoom = false): SVGSVGElement {
  const projection = projectionFor(cells, zoom);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'map-svg',
    role: 'group',
    'aria-label': 'Map of events',
  });
  svg.append(baseLayer(projection));
  const pts = s('g', { class: 'points' });
  const max = Math.max(1, ...cells.map((c) => c.count));
  // big clusters first so small ones stay clickable on top
  for (const c of [...cells].sort((a, b) => b.count - a.count)) {
    const xy = projection([c.lon, c.lat]);
    if (!xy) continue;
    const q = c.quads.indexOf(Math.max(...c.quads));
    const r = (zoom ? 6 : 4) + 14 * Math.sqrt(c.count / max);
    const g = s('g', {
      class: 'point',
      'data-lat': c.lat,
      'data-lon': c.lon,
      'data-count': c.count,
      'data-place': c.place ?? '',
      'aria-label': `${c.place ?? 'events'}: ${c.count} events, mostly ${QUAD_NAMES[q]}`,
    });
    g.append(
      s('circle', {
        cx: xy[0].toFixed(1),
        cy: xy[1].toFixed(1),
        r: r.toFixed(1),
        fill: QUAD_COLORS[q] ?? '#999',
      }),
    );
    if (c.count > 1)
      g.append(
        s(
          'text',
          { x: xy[0].toFixed(1), y: (xy[1] + 3.5).toFixed(1), 'text-anchor': 'middle', class: 'count' },
          String(c.count),
        ),
      );
    g.append(s('title', {}, `${c.place ?? ''} — ${c.count} events`));
    activate(g, () => onPick(c));
    pts.append(g);
  }
  svg.append(pts);
  return svg;
}

/** Grid size for clustering: coarser when there are many events. */
export function cellFor(total: number): number {
  return total > 20000 ? 4 : total > 2000 ? 2 : 1;
}
