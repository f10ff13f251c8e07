// sitrep eval places --gold FILE.jsonl : geoparsing scores on LGL / TR-News style records
// ({id, text, date, toponyms: [{start, end, surface, lat, lon, geonameid}]}).
// Detection: P/R/F1 by one-to-one matching of overlapping character spans. Resolution, over matched gold
// toponyms that have coordinates: acc@161km, median and mean error (km), AUC of ln(1+error) (errors sorted,
// trapezoid rule, divided by (n−1)·ln(20039); lower is better) and the share with the same GeoNames id.
// A matched toponym the system left without coordinates counts as a 20,039 km error.
// Each record's text is analysed as it stands (no cleaning, no title), published = the record's date.
import { errorLines, f3, printJson } from './report.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createActorsStage } from '../actors/index.js';
import { createPlacesStage, km } from '../places/index.js';
import { Doc } from '../text/doc.js';
import { paragraphs } from '../text/paragraphs.js';
import { tokenize } from '../text/tokenize.js';
import type { Place } from '../result.js';

interface GoldToponym {
  start: number;
  end: number;
  surface?: string;
  lat?: number | null;
  lon?: number | null;
  geonameid?: string | number | null;
}

interface GoldRecord {
  id: string;
  text: string;
  date?: string | null;
  set?: string;
  corpus?: string;
  toponyms: GoldToponym[];
}

const MAX_KM = 20039;

export interface PlaceError {
  kind: 'missed' | 'spurious' | 'far';
  text: string;
  km?: number;
  /** gold point of a far resolution */
  gold?: [number, number];
  system?: string;
  context: string;
}

export interface PlacesScore {
  records: number;
  gold: number;
  system: number;
  tp: number;
  p: number;
  r: number;
  f1: number;
  resolved: number;
  acc161: number;
  medianKm: number;
  meanKm: number;
  auc: number;
  exactId: number;
  msPerDoc: number;
  errors: PlaceError[];
}

/** one-to-one matching of overlapping spans (greedy by largest overlap) */
export function matchSpans(gold: GoldToponym[], sys: Place[]): [number, number][] {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    for (let j = 0; j < sys.length; j++) {
      const s = sys[j]!;
      const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (ov > 0) pairs.push([i, j, ov]);
    }
  }
  pairs.sort((a, b) => b[2] - a[2]);
  const gu = new Set<number>();
  const su = new Set<number>();
  const out: [number, number][] = [];
  for (const [i, j] of pairs) {
    if (gu.has(i) || su.has(j)) continue;
    gu.add(i);
    su.add(j);
    out.push([i, j]);
  }
  return out;
}

/** AUC of ln(1+error), as in Gritta et al. 2018 */
export function aucOf(errorsKm: number[]): number {
  const e = errorsKm.map((x) => Math.log(1 + x)).sort((a, b) => a - b);
  if (e.length < 2) return e.length ? e[0]! / Math.log(MAX_KM) : 0;
  let area = 0;
  for (let i = 1; i < e.length; i++) area += (e[i - 1]! + e[i]!) / 2;
  return area / ((e.length - 1) * Math.log(MAX_KM));
}

export function scorePlaces(file: string, opts: { set?: string; limit?: number } = {}): PlacesScore {
  const records: GoldRecord[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRecord)
    .filter((r) => !opts.set || r.set === opts.set || r.corpus === opts.set)
    .slice(0, opts.limit ?? Infinity);
  const actors = createActorsStage({});
  const places = createPlacesStage({});
  let gold = 0;
  let system = 0;
  let tp = 0;
  let exact = 0;
  const errs: number[] = [];
  const errors: PlaceError[] = [];
  let ms = 0;
  const ctx = (text: string, a: number, b: number): string =>
    text.slice(Math.max(0, a - 40), b + 40).replace(/\s+/g, ' ');
  for (const r of records) {
    const published = r.date ? r.date.slice(0, 10) : null;
    const doc = new Doc(r.text, { id: r.id, title: null, published, source: null, url: null });
    doc.paragraphs = paragraphs(r.text);
    tokenize(doc);
    actors.run(doc);
    const t0 = performance.now();
    places.run(doc);
    ms += performance.now() - t0;
    const sys = doc.places;
    gold += r.toponyms.length;
    system += sys.length;
    const pairs = matchSpans(r.toponyms, sys);
    tp += pairs.length;
    const gm = new Set(pairs.map((p) => p[0]));
    const sm = new Set(pairs.map((p) => p[1]));
    r.toponyms.forEach((g, i) => {
      if (!gm.has(i))
        errors.push({
          kind: 'missed',
          text: r.text.slice(g.start, g.end),
          context: ctx(r.text, g.start, g.end),
        });
    });
    sys.forEach((s, j) => {
      if (!sm.has(j))
        errors.push({
          kind: 'spurious',
          text: s.text,
          system: `${s.name} ${s.country}`,
          context: ctx(r.text, s.start, s.end),
        });
    });
    for (const [i, j] of pairs) {
      const g = r.toponyms[i]!;
      const s = sys[j]!;
      if (g.lat == null || g.lon == null) continue;
      const e = s.lat == null || s.lon == null ? MAX_KM : km(g.lat, g.lon, s.lat, s.lon);
      errs.push(e);
      if (g.geonameid != null && s.geonameid != null && String(g.geonameid) === String(s.geonameid)) exact++;
      if (e >= 161)
        errors.push({
          kind: 'far',
          text: s.text,
          km: Math.round(e),
          gold: [g.lat, g.lon],
          system: `${s.name} ${s.country} ${s.feature}`,
          context: ctx(r.text, s.start, s.end),
        });
    }
  }
  const p = system ? tp / system : 0;
  const rr = gold ? tp / gold : 0;
  const sorted = [...errs].sort((a, b) => a - b);
  const median = sorted.length
    ? sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
    : 0;
  return {
    records: records.length,
    gold,
    system,
    tp,
    p,
    r: rr,
    f1: p + rr ? (2 * p * rr) / (p + rr) : 0,
    resolved: errs.length,
    acc161: errs.length ? errs.filter((e) => e < 161).length / errs.length : 0,
    medianKm: median,
    meanKm: errs.length ? errs.reduce((a, b) => a + b, 0) / errs.length : 0,
    auc: aucOf(errs),
    exactId: errs.length ? exact / errs.length : 0,
    msPerDoc: records.length ? ms / records.length : 0,
    errors,
  };
}

export function register(evaluate: Command): void {
  evaluate
    .command('places')
    .description(
      'geoparsing: toponym P/R/F1 (overlap matching), acc@161km, median/mean km, AUC, exact-id share',
    )
    .requiredOption(
      '--gold <file>',
      'JSONL records with text, date and toponyms (start, end, lat, lon, geonameid)',
    )
    .option('--set <name>', 'only records of this set (e.g. LGL, TR-News)')
    .option('--limit <n>', 'only the first n records', (v) => parseInt(v, 10))
    .option('--errors [n]', 'list misses, spurious places and far resolutions (n of each kind)')
    .option('--json', 'print the scores as JSON')
    .action(
      (opts: { gold: string; set?: string; limit?: number; errors?: string | boolean; json?: boolean }) => {
        const s = scorePlaces(opts.gold, { set: opts.set, limit: opts.limit });
        if (opts.json) {
          printJson(s);
          return;
        }
        const lines = [
          `places: ${s.records} records, ${s.gold} gold toponyms, ${s.system} system places`,
          `detect   P ${f3(s.p)}  R ${f3(s.r)}  F1 ${f3(s.f1)}   (${s.tp} matched)`,
          `resolve  acc@161km ${f3(s.acc161)}  median ${s.medianKm.toFixed(1)} km  mean ${s.meanKm.toFixed(0)} km  AUC ${f3(s.auc)}  exact id ${f3(s.exactId)}   (${s.resolved} matched with coordinates)`,
          `speed    ${s.msPerDoc.toFixed(3)} ms/document (places stage only)`,
        ];
        if (opts.errors)
          lines.push(
            ...errorLines(
              s.errors,
              ['missed', 'spurious', 'far'],
              opts.errors,
              (e) =>
                `  ${e.text}${e.system ? ' → ' + e.system : ''}${e.km ? ` (${e.km} km)` : ''}   …${e.context}…`,
            ),
          );
        process.stdout.write(lines.join('\n') + '\n');
      },
    );
}
