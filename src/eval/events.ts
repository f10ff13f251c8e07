// sitrep eval events --gold FILE.jsonl : event coding scored as in the shared eval README ("events"):
// micro P/R/F1 with one-to-one maximum matching inside each record, at four levels —
//   strict        CAMEO code equal, first 3 letters of source and of target equal
//   root+country  2-digit root equal (18 and 19 count as equal), first 3 letters of both actors equal
//   plover        PLOVER 0.8 type equal, actors ignored (01x/02x have no type and are not counted)
//   detect        per record: any event on an event record is a TP, none a FN; events on a noevents record FP
// A null gold actor matches anything. Gold entries without a CAMEO code (PLOVER type) are not scored at
// strict/root+country (plover): system events that pair with such an entry (same criteria minus the code)
// count neither way, the others are false positives. Only events whose mode is `actual` are scored.
import { f3 } from './report.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Pipeline } from '../pipeline.js';
import type { Event } from '../result.js';
import type { Article } from '../ingest/article.js';
import { codebook } from '../events/codebook.js';

export interface GoldEvent {
  source: string | null;
  target: string | null;
  cameo: string | null;
  plover: string | null;
}

export interface GoldRecord {
  id: string;
  text: string;
  published: string | null;
  expected: GoldEvent[];
  noevents: boolean;
}

export interface SysEvent {
  code: string;
  source: string | null;
  target: string | null;
  plover: string | null;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export type Level = 'strict' | 'root' | 'plover' | 'detect';

export interface EventsScore {
  records: number;
  gold: number;
  system: number;
  levels: Record<Level, PRF>;
  perRecord: { id: string; gold: GoldEvent[]; system: SysEvent[]; matched: number }[];
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Maximum bipartite matching (Kuhn): how many gold items get a distinct system item. */
export function maxMatching(nGold: number, nSys: number, ok: (g: number, s: number) => boolean): number[] {
  const sysOf = new Array<number>(nSys).fill(-1);
  const tryGold = (g: number, seen: boolean[]): boolean => {
    for (let s = 0; s < nSys; s++) {
      if (seen[s] || !ok(g, s)) continue;
      seen[s] = true;
      if (sysOf[s]! < 0 || tryGold(sysOf[s]!, seen)) {
        sysOf[s] = g;
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < nGold; g++) tryGold(g, new Array<boolean>(nSys).fill(false));
  return sysOf;
}

const c3 = (x: string | null): string => (x ?? '').slice(0, 3).toUpperCase();
const actorOk = (gold: string | null, sys: string | null): boolean => gold === null || c3(gold) === c3(sys);
const rootOf = (code: string): string => {
  const r = code.slice(0, 2);
  return r === '18' ? '19' : r;
};

/** The PLOVER type of a system event: its own field, else the codebook's mapping of its code. */
export function ploverOf(e: { code: string; plover: string | null }): string | null {
  if (e.plover) return e.plover;
  const b = codebook();
  return b.get(e.code)?.plover ?? b.get(e.code.slice(0, 3))?.plover ?? null;
}

/** Score one level over all records; returns tp, fp, fn. */
function scoreLevel(recs: { gold: GoldEvent[]; sys: SysEvent[] }[], level: Exclude<Level, 'detect'>): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, sys: sysAll } of recs) {
    const sys = level === 'plover' ? sysAll.filter((e) => ploverOf(e)) : sysAll;
    const scored = gold.filter((g) => (level === 'plover' ? g.plover : g.cameo));
    const unscored = gold.filter((g) => !(level === 'plover' ? g.plover : g.cameo));
    const actors = (g: GoldEvent, e: SysEvent): boolean =>
      level === 'plover' || (actorOk(g.source, e.source) && actorOk(g.target, e.target));
    const ok = (g: GoldEvent, e: SysEvent): boolean => {
      if (!actors(g, e)) return false;
      if (level === 'strict') return e.code === g.cameo;
      if (level === 'root') return rootOf(e.code) === rootOf(g.cameo!);
      return ploverOf(e) === g.plover;
    };
    const m = maxMatching(scored.length, sys.length, (gi, si) => ok(scored[gi]!, sys[si]!));
    const matched = m.filter((x) => x >= 0).length;
    tp += matched;
    fn += scored.length - matched;
    // unmatched system events that pair with an unscored gold entry are not counted
    const rest = sys.filter((_, i) => m[i]! < 0);
    const m2 = maxMatching(unscored.length, rest.length, (gi, si) => actors(unscored[gi]!, rest[si]!));
    fp += rest.length - m2.filter((x) => x >= 0).length;
  }
  return prf(tp, fp, fn);
}

export function scoreEventSets(records: GoldRecord[], system: SysEvent[][]): EventsScore {
  const recs = records.map((r, i) => ({ gold: r.expected, sys: system[i] ?? [] }));
  let dtp = 0;
  let dfp = 0;
  let dfn = 0;
  records.forEach((r, i) => {
    const n = system[i]?.length ?? 0;
    if (r.noevents) dfp += n;
    else if (n) dtp++;
    else dfn++;
  });
  return {
    records: records.length,
    gold: records.reduce((a, r) => a + r.expected.length, 0),
    system: system.reduce((a, s) => a + s.length, 0),
    levels: {
      strict: scoreLevel(recs, 'strict'),
      root: scoreLevel(recs, 'root'),
      plover: scoreLevel(recs, 'plover'),
      detect: prf(dtp, dfp, dfn),
    },
    perRecord: records.map((r, i) => ({
      id: r.id,
      gold: r.expected,
      system: system[i] ?? [],
      matched: 0,
    })),
  };
}

export function readGold(path: string): GoldRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRecord);
}

/** The actual events of a result, in the scorer's terms. */
export function sysEvents(events: Event[]): SysEvent[] {
  return events
    .filter((e) => e.mode === 'actual')
    .map((e) => ({ code: e.code, source: e.source.code, target: e.target?.code ?? null, plover: e.plover }));
}

export function evalEvents(goldPath: string, pipeline = new Pipeline()): EventsScore & { events: Event[][] } {
  const records = readGold(goldPath);
  const events: Event[][] = [];
  for (const r of records) {
    const doc = pipeline.annotate({
      text: r.text,
      published: r.published ?? null,
      id: r.id,
      origin: 'gold:' + r.id,
    } as Article);
    events.push(doc.events);
  }
  return { ...scoreEventSets(records, events.map(sysEvents)), events };
}

export function register(evaluate: Command): void {
  evaluate
    .command('events')
    .description('event coding on sentence records: strict, root+country, PLOVER type and detection P/R/F1')
    .requiredOption('--gold <file>', 'JSONL gold file (id, text, published, expected[], noevents)')
    .option('--errors', 'list each record with its gold and system events')
    .option('--json', 'print the scores as JSON')
    .action((opts: { gold: string; errors?: boolean; json?: boolean }) => {
      const s = evalEvents(opts.gold);
      if (opts.json) {
        process.stdout.write(
          JSON.stringify({ records: s.records, gold: s.gold, system: s.system, levels: s.levels }, null, 2) +
            '\n',
        );
        return;
      }
      const lines = [
        `events: ${s.records} records, ${s.gold} gold events, ${s.system} system events (actual)`,
      ];
      for (const [name, l] of Object.entries(s.levels)) {
        lines.push(
          `${name.padEnd(8)}  P ${f3(l.p)}  R ${f3(l.r)}  F1 ${f3(l.f1)}   (tp ${l.tp} fp ${l.fp} fn ${l.fn})`,
        );
      }
      if (opts.errors) {
        const recs = readGold(opts.gold);
        recs.forEach((r, i) => {
          const fmt = (
            x: { source: string | null; target: string | null },
            code: string | null,
            pl: string | null,
          ): string => `${code ?? '-'}/${pl ?? '-'} ${x.source ?? '*'}->${x.target ?? '*'}`;
          const g = r.expected.map((e) => fmt(e, e.cameo, e.plover)).join(', ');
          const y = s.events[i]!.map(
            (e) =>
              `${fmt({ source: e.source.code, target: e.target?.code ?? null }, e.code, e.plover)}${e.mode === 'actual' ? '' : ' ' + e.mode} "${e.trigger.text}"`,
          ).join(', ');
          lines.push(
            `${r.id}\n  gold: ${g || '(none)'}\n  sys:  ${y || '(none)'}\n  ${r.text.slice(0, 160)}`,
          );
        });
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
