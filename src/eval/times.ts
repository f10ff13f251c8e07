// sitrep eval times --gold DIR: score the times stage on TimeML (.tml) files, TempEval-3 Task A style.
// Text = the <TEXT> element with its tags stripped (offsets into that stripped text); publication date =
// the DCT TIMEX3's value (the DCT itself is not scored). Relaxed span F1: one-to-one matching of
// overlapping spans; value F1: a match counts only when the spans overlap and the values are equal.
import { errorLines, f3, printJson } from './report.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Doc } from '../text/doc.js';
import { paragraphs } from '../text/paragraphs.js';
import { tokenize } from '../text/tokenize.js';
import { createTimesStage } from '../times/index.js';
import type { Time } from '../result.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TmlDoc {
  id: string;
  text: string;
  published: string | null;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1]! : null;
}

/** A small regex reader for TimeML: the stripped TEXT, its TIMEX3 spans, and the DCT value. */
export function readTml(source: string, id = ''): TmlDoc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(source)?.[1] ?? null;
  const dctValue = dctTag ? attr(dctTag, 'value') : null;
  const published = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(source)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*)>|&(amp|lt|gt|quot|apos);|[^<&]+|&/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (!m[1]) {
        if (m[3]!.trim().endsWith('/')) continue; // empty TIMEX3 (no text)
        open.push({ start: text.length, type: attr(m[3]!, 'type') ?? '', value: attr(m[3]!, 'value') ?? '' });
      } else {
        const o = open.pop();
        if (o)
          timexes.push({
            start: o.start,
            end: text.length,
            text: text.slice(o.start, text.length),
            type: o.type,
            value: o.value,
          });
      }
    } else if (m[4]) text += ENTITIES[m[4]]!;
    else text += m[0];
  }
  return { id, text, published, timexes };
}

export interface TimesScore {
  docs: number;
  gold: number;
  system: number;
  spanMatched: number;
  valueMatched: number;
  span: { p: number; r: number; f1: number };
  value: { p: number; r: number; f1: number };
  /** value errors and misses, for inspection */
  errors: { doc: string; kind: 'value' | 'missed' | 'spurious'; gold?: GoldTimex; system?: Time }[];
  /** per gold TIMEX3 type: gold count, span-matched, value-correct */
  byType: Record<string, { gold: number; matched: number; correct: number }>;
  msPerDoc: number;
  /** median per document: the mean carries the one-time warm-up of chrono and the JIT */
  msMedian: number;
}

const prf = (tp: number, sys: number, gold: number): { p: number; r: number; f1: number } => {
  const p = sys ? tp / sys : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** One-to-one matching of overlapping spans, greedily by (preferred pairs first, then overlap size). */
function match(
  gold: GoldTimex[],
  sys: Time[],
  prefer: (g: GoldTimex, s: Time) => boolean,
): [number, number][] {
  const pairs: { g: number; s: number; pref: number; ov: number }[] = [];
  gold.forEach((g, gi) =>
    sys.forEach((s, si) => {
      const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (ov > 0) pairs.push({ g: gi, s: si, pref: prefer(g, s) ? 1 : 0, ov });
    }),
  );
  pairs.sort((a, b) => b.pref - a.pref || b.ov - a.ov);
  const ug = new Set<number>();
  const us = new Set<number>();
  const out: [number, number][] = [];
  for (const p of pairs) {
    if (ug.has(p.g) || us.has(p.s)) continue;
    ug.add(p.g);
    us.add(p.s);
    out.push([p.g, p.s]);
  }
  return out;
}

export function scoreTimes(dir: string): TimesScore {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort();
  const stage = createTimesStage({});
  let gold = 0;
  let system = 0;
  let spanMatched = 0;
  let valueMatched = 0;
  let ms = 0;
  const perDoc: number[] = [];
  const errors: TimesScore['errors'] = [];
  const byType: TimesScore['byType'] = {};
  const typeRow = (t: string): { gold: number; matched: number; correct: number } =>
    (byType[t] ??= { gold: 0, matched: 0, correct: 0 });
  for (const f of files) {
    const tml = readTml(readFileSync(join(dir, f), 'utf8'), f.replace(/\.tml$/, ''));
    const doc = new Doc(tml.text, {
      id: tml.id,
      title: null,
      published: tml.published,
      source: null,
      url: null,
    });
    doc.paragraphs = paragraphs(doc.text);
    tokenize(doc);
    const t0 = performance.now();
    stage.run(doc);
    const dt = performance.now() - t0;
    ms += dt;
    perDoc.push(dt);
    const sys = doc.times;
    gold += tml.timexes.length;
    for (const g of tml.timexes) typeRow(g.type).gold++;
    system += sys.length;
    spanMatched += match(tml.timexes, sys, () => false).length;
    const vm = match(tml.timexes, sys, (g, s) => g.value === s.value);
    const matchedG = new Set<number>();
    const matchedS = new Set<number>();
    for (const [gi, si] of vm) {
      matchedG.add(gi);
      matchedS.add(si);
      const g = tml.timexes[gi]!;
      const s = sys[si]!;
      typeRow(g.type).matched++;
      if (g.value === s.value) typeRow(g.type).correct++;
      if (g.value === s.value) valueMatched++;
      else errors.push({ doc: tml.id, kind: 'value', gold: g, system: s });
    }
    tml.timexes.forEach((g, gi) => matchedG.has(gi) || errors.push({ doc: tml.id, kind: 'missed', gold: g }));
    sys.forEach((s, si) => matchedS.has(si) || errors.push({ doc: tml.id, kind: 'spurious', system: s }));
  }
  return {
    docs: files.length,
    gold,
    system,
    spanMatched,
    valueMatched,
    span: prf(spanMatched, system, gold),
    value: prf(valueMatched, system, gold),
    errors,
    byType,
    msPerDoc: files.length ? ms / files.length : 0,
    msMedian: perDoc.length ? perDoc.sort((a, b) => a - b)[perDoc.length >> 1]! : 0,
  };
}

export function register(evaluate: Command): void {
  evaluate
    .command('times')
    .description('temporal expressions on TimeML files: relaxed span F1 and value F1 (TempEval-3 Task A)')
    .requiredOption('--gold <dir>', 'folder of .tml files (e.g. TimeBank)')
    .option('--errors [n]', 'list value errors, misses and spurious expressions (n of each kind)')
    .option('--json', 'print the scores as JSON')
    .action((opts: { gold: string; errors?: string | boolean; json?: boolean }) => {
      const s = scoreTimes(opts.gold);
      if (opts.json) {
        printJson(s);
        return;
      }
      const lines = [
        `times: ${s.docs} documents, ${s.gold} gold TIMEX3, ${s.system} system expressions`,
        `relaxed span  P ${f3(s.span.p)}  R ${f3(s.span.r)}  F1 ${f3(s.span.f1)}`,
        `value         P ${f3(s.value.p)}  R ${f3(s.value.r)}  F1 ${f3(s.value.f1)}`,
        `speed         ${s.msPerDoc.toFixed(3)} ms/document mean, ${s.msMedian.toFixed(3)} median (times stage only; the mean includes warm-up)`,
        ...Object.entries(s.byType)
          .sort((a, b) => b[1].gold - a[1].gold)
          .map(
            ([t, r]) =>
              `  ${t.padEnd(9)} gold ${r.gold}, span-matched ${r.matched}, value-correct ${r.correct} (${f3(r.gold ? r.correct / r.gold : 0)} of gold)`,
          ),
      ];
      if (opts.errors)
        lines.push(
          ...errorLines(s.errors, ['value', 'missed', 'spurious'], opts.errors, (e) => {
            const g = e.gold ? `gold "${e.gold.text}" ${e.gold.type} ${e.gold.value}` : '';
            const y = e.system ? `sys "${e.system.text}" ${e.system.type} ${e.system.value}` : '';
            return `  ${e.doc}: ${[g, y].filter(Boolean).join('  |  ')}`;
          }),
        );
      process.stdout.write(lines.join('\n') + '\n');
    });
}
