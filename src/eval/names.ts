// sitrep eval names --gold FILE.conll : named-entity scores on CoNLL-2003-style data.
// Documents are built from the CoNLL tokens (joined by one space, sentences by a newline), split at
// -DOCSTART- lines or, where there are none, at datelines ("LONDON 1996-08-30" starts a new story, with
// the headline line before it). Entity-level exact match (same first and last token, same type) for
// PER, ORG, LOC: system PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC; MISC and other types are ignored.
import { errorLines, f3, printJson } from './report.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createActorsStage } from '../actors/index.js';
import { Doc } from '../text/doc.js';
import { paragraphs } from '../text/paragraphs.js';
import { tokenize } from '../text/tokenize.js';

type Label = 'PER' | 'ORG' | 'LOC';

export interface GoldEntity {
  start: number;
  end: number;
  type: Label;
  text: string;
}

export interface ConllDoc {
  text: string;
  entities: GoldEntity[];
}

interface Sent {
  tokens: string[];
  tags: string[];
}

/** Read CoNLL lines (token ... tag) into documents with character-offset gold entities. */
export function readConll(source: string): ConllDoc[] {
  const sents: (Sent | 'DOC')[] = [];
  let cur: Sent = { tokens: [], tags: [] };
  const flush = (): void => {
    if (cur.tokens.length) sents.push(cur);
    cur = { tokens: [], tags: [] };
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      sents.push('DOC');
      continue;
    }
    cur.tokens.push(cols[0]!);
    cur.tags.push(cols[cols.length - 1]!);
  }
  flush();
  const hasDocstart = sents.includes('DOC');
  // group sentences into documents
  const groups: Sent[][] = [];
  let g: Sent[] = [];
  const isDateline = (s: Sent): boolean =>
    /^\d{4}-\d{2}-\d{2}$/.test(s.tokens[s.tokens.length - 1] ?? '') && s.tokens.length <= 8;
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i]!;
    if (s === 'DOC') {
      if (g.length) groups.push(g);
      g = [];
      continue;
    }
    if (!hasDocstart) {
      const next = sents[i + 1];
      // the headline before a dateline opens a new story
      if (next && next !== 'DOC' && isDateline(next) && !isDateline(s) && g.length) {
        groups.push(g);
        g = [];
      } else if (isDateline(s) && g.length && !(g.length === 1 && i > 0)) {
        const prev = g[g.length - 1];
        if (prev && isDateline(prev)) {
          groups.push(g);
          g = [];
        }
      }
    }
    g.push(s);
  }
  if (g.length) groups.push(g);
  return groups.map(buildDoc);
}

function buildDoc(sents: Sent[]): ConllDoc {
  let text = '';
  const entities: GoldEntity[] = [];
  sents.forEach((s, si) => {
    if (si > 0) text += '\n';
    let open: { start: number; type: string } | null = null;
    let lastEnd = text.length;
    const close = (): void => {
      if (open && (open.type === 'PER' || open.type === 'ORG' || open.type === 'LOC')) {
        entities.push({
          start: open.start,
          end: lastEnd,
          type: open.type,
          text: text.slice(open.start, lastEnd),
        });
      }
      open = null;
    };
    s.tokens.forEach((tok, ti) => {
      if (ti > 0) text += ' ';
      const start = text.length;
      text += tok;
      const tag = s.tags[ti]!;
      const [bio, type] = tag.includes('-') ? [tag.slice(0, 1), tag.slice(2)] : ['O', ''];
      if (
        bio === 'O' ||
        bio === 'B' ||
        (bio === 'I' && (!open || (open as { type: string }).type !== type))
      ) {
        close();
        if (bio !== 'O') open = { start, type };
      }
      lastEnd = start + tok.length;
    });
    close();
  });
  return { text, entities };
}

const MAP: Record<string, Label | undefined> = {
  PERSON: 'PER',
  ORG: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FAC: 'LOC',
};

export interface PRF {
  p: number;
  r: number;
  f1: number;
  tp: number;
  system: number;
  gold: number;
}

export interface NamesScore {
  docs: number;
  micro: PRF;
  byType: Record<Label, PRF>;
  msPerDoc: number;
  errors: {
    kind: 'missed' | 'spurious' | 'type';
    text: string;
    gold?: Label;
    system?: Label;
    context: string;
  }[];
}

function prf(tp: number, system: number, gold: number): PRF {
  const p = system ? tp / system : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, system, gold };
}

export function scoreNames(goldPath: string): NamesScore {
  const docs = readConll(readFileSync(goldPath, 'utf8'));
  const stage = createActorsStage({});
  const tp: Record<Label, number> = { PER: 0, ORG: 0, LOC: 0 };
  const sys: Record<Label, number> = { PER: 0, ORG: 0, LOC: 0 };
  const gold: Record<Label, number> = { PER: 0, ORG: 0, LOC: 0 };
  const errors: NamesScore['errors'] = [];
  let ms = 0;
  docs.forEach((g, n) => {
    const doc = new Doc(g.text, { id: `conll-${n}`, title: null, published: null, source: null, url: null });
    doc.paragraphs = paragraphs(doc.text);
    tokenize(doc);
    const t0 = performance.now();
    stage.run(doc);
    ms += performance.now() - t0;
    const goldBySpan = new Map<string, GoldEntity>();
    for (const e of g.entities) {
      gold[e.type]++;
      goldBySpan.set(`${e.start}:${e.end}`, e);
    }
    const seen = new Set<string>();
    const ctx = (s: number, e: number): string =>
      g.text.slice(Math.max(0, s - 30), e + 30).replace(/\n/g, ' / ');
    for (const e of doc.entities) {
      const t = MAP[e.type];
      if (!t) continue;
      const key = `${e.start}:${e.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sys[t]++;
      const ge = goldBySpan.get(key);
      if (ge && ge.type === t) tp[t]++;
      else if (ge)
        errors.push({ kind: 'type', text: e.text, gold: ge.type, system: t, context: ctx(e.start, e.end) });
      else errors.push({ kind: 'spurious', text: e.text, system: t, context: ctx(e.start, e.end) });
    }
    for (const e of g.entities) {
      if (!seen.has(`${e.start}:${e.end}`))
        errors.push({ kind: 'missed', text: e.text, gold: e.type, context: ctx(e.start, e.end) });
    }
  });
  const sum = (r: Record<Label, number>): number => r.PER + r.ORG + r.LOC;
  return {
    docs: docs.length,
    micro: prf(sum(tp), sum(sys), sum(gold)),
    byType: {
      PER: prf(tp.PER, sys.PER, gold.PER),
      ORG: prf(tp.ORG, sys.ORG, gold.ORG),
      LOC: prf(tp.LOC, sys.LOC, gold.LOC),
    },
    msPerDoc: docs.length ? ms / docs.length : 0,
    errors,
  };
}

export function register(evaluate: Command): void {
  evaluate
    .command('names')
    .description('named entities on CoNLL-2003-style data: entity-level exact-match P/R/F1 for PER, ORG, LOC')
    .requiredOption('--gold <file>', 'CoNLL file (token ... BIO-tag per line)')
    .option('--errors [n]', 'list misses, spurious entities and type errors (n of each kind)')
    .option('--json', 'print the scores as JSON')
    .action((opts: { gold: string; errors?: string | boolean; json?: boolean }) => {
      const s = scoreNames(opts.gold);
      if (opts.json) {
        printJson(s);
        return;
      }
      const row = (name: string, x: PRF): string =>
        `${name.padEnd(6)} P ${f3(x.p)}  R ${f3(x.r)}  F1 ${f3(x.f1)}   (${x.tp} correct, ${x.system} system, ${x.gold} gold)`;
      const lines = [
        `names: ${s.docs} documents`,
        row('micro', s.micro),
        row('PER', s.byType.PER),
        row('ORG', s.byType.ORG),
        row('LOC', s.byType.LOC),
        `speed  ${s.msPerDoc.toFixed(3)} ms/document (actor stage only)`,
      ];
      if (opts.errors)
        lines.push(
          ...errorLines(
            s.errors,
            ['missed', 'spurious', 'type'],
            opts.errors,
            (e) => `  ${e.text}  ${e.gold ?? ''}${e.system ? '→' + e.system : ''}   …${e.context}…`,
          ),
        );
      process.stdout.write(lines.join('\n') + '\n');
    });
}
