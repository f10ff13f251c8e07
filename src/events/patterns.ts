// The event pattern language (data/events/patterns.txt; the file's header documents it) compiled into
// lookups keyed by the trigger lemma. Users may add their own pattern files in the same language.
import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';

/** A set of lemmas, or ANY (matches any word / any phrase present). */
export type WordSet = ReadonlySet<string> | 'ANY';

export interface PrepFrame {
  preps: ReadonlySet<string>;
  head: WordSet;
  /** this phrase gives the target */
  target: boolean;
}

export interface Pattern {
  kind: 'V' | 'N';
  code: string;
  /** direct object's head */
  obj: WordSet | null;
  objTarget: boolean;
  particle: ReadonlySet<string> | null;
  pps: PrepFrame[];
  has: WordSet[];
  not: WordSet[];
  flags: ReadonlySet<string>;
  /** how many constraints: the most specific match wins */
  weight: number;
  /** line number, for ties and for messages */
  line: number;
  source: string;
}

export type ControlClass =
  | 'request'
  | 'demand'
  | 'intend'
  | 'threaten'
  | 'refuse'
  | 'deny'
  | 'expect'
  | 'hypothetical'
  | 'implicative';

export interface PatternSet {
  verbs: Map<string, Pattern[]>;
  nouns: Map<string, Pattern[]>;
  light: Set<string>;
  control: Map<string, ControlClass>;
  /** class → [prefix, code] sorted longest prefix first */
  convert: Map<ControlClass, [string, string][]>;
}

const CLASSES = new Set([
  'request',
  'demand',
  'intend',
  'threaten',
  'refuse',
  'deny',
  'expect',
  'hypothetical',
  'implicative',
]);

export function emptyPatternSet(): PatternSet {
  return { verbs: new Map(), nouns: new Map(), light: new Set(), control: new Map(), convert: new Map() };
}

/** Parse pattern-language text into `into` (several files may be loaded into one set). */
export function parsePatterns(
  text: string,
  into: PatternSet = emptyPatternSet(),
  source = 'patterns',
): PatternSet {
  const sets = new Map<string, Set<string>>();
  const words = (spec: string, line: number): WordSet => {
    if (spec === '*' || spec === 'T') return 'ANY';
    const out = new Set<string>();
    for (const w of spec.split('|')) {
      if (w.startsWith('&')) {
        const s = sets.get(w.slice(1));
        if (!s) throw new Error(`${source}:${line}: unknown set ${w}`);
        for (const x of s) out.add(x);
      } else if (w) out.add(w.toLowerCase());
    }
    return out;
  };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    if (line.startsWith('&')) {
      const m = /^&(\w+)\s*=\s*(.+)$/.exec(line);
      if (!m) throw new Error(`${source}:${n}: bad set line`);
      sets.set(m[1]!, new Set(m[2]!.toLowerCase().split(/\s+/)));
      return;
    }
    const parts = line.split(/\s+/);
    const kind = parts[0];
    if (kind === 'L') {
      for (const w of parts[1]!.split('|')) into.light.add(w);
      return;
    }
    if (kind === 'C') {
      const cls = parts[1]!;
      if (!CLASSES.has(cls)) throw new Error(`${source}:${n}: unknown control class ${cls}`);
      for (const w of parts[2]!.split('|')) into.control.set(w, cls as ControlClass);
      return;
    }
    if (kind === 'K') {
      const cls = parts[1] as ControlClass;
      if (!CLASSES.has(cls) || parts[3] !== '=>') throw new Error(`${source}:${n}: bad conversion`);
      const list = into.convert.get(cls) ?? [];
      list.push([parts[2]!, parts[4]!]);
      list.sort((a, b) => b[0].length - a[0].length);
      into.convert.set(cls, list);
      return;
    }
    if (kind !== 'V' && kind !== 'N') throw new Error(`${source}:${n}: unknown line kind ${kind}`);
    const arrow = parts.indexOf('=>');
    if (arrow < 0 || !parts[arrow + 1]) throw new Error(`${source}:${n}: missing => CODE`);
    const triggers = [...(words(parts[1]!, n) as Set<string>)];
    const p: Pattern = {
      kind,
      code: parts[arrow + 1]!,
      obj: null,
      objTarget: false,
      particle: null,
      pps: [],
      has: [],
      not: [],
      flags: new Set(parts.slice(arrow + 2)),
      weight: 0,
      line: n,
      source,
    };
    for (const el of parts.slice(2, arrow)) {
      if (el.startsWith('+')) {
        p.obj = words(el.slice(1), n);
        p.objTarget = el === '+T';
        p.weight += p.obj === 'ANY' ? 1 : 2;
      } else if (el.startsWith('^')) {
        p.particle = words(el.slice(1), n) as Set<string>;
        p.weight += 2;
      } else if (el.startsWith('@')) {
        const [preps, head] = el.slice(1).split(':');
        p.pps.push({ preps: new Set(preps!.split('|')), head: words(head ?? '*', n), target: head === 'T' });
        p.weight += head && head !== '*' && head !== 'T' ? 2 : 1;
      } else if (el.startsWith('~')) {
        p.has.push(words(el.slice(1), n));
        p.weight += 1;
      } else if (el.startsWith('-')) {
        p.not.push(words(el.slice(1), n));
      } else if (el === 'T=obj') {
        p.objTarget = true;
      } else throw new Error(`${source}:${n}: cannot read "${el}"`);
    }
    const map = kind === 'V' ? into.verbs : into.nouns;
    for (const t of triggers) {
      const list = map.get(t) ?? [];
      list.push(p);
      list.sort((a, b) => b.weight - a.weight || a.line - b.line);
      map.set(t, list);
    }
  });
  return into;
}

let builtin: PatternSet | null = null;

/** The built-in patterns plus any user pattern files. */
export function loadPatterns(extra: string[] = []): PatternSet {
  if (!extra.length && builtin) return builtin;
  const set = parsePatterns(
    readFileSync(dataPath('events', 'patterns.txt'), 'utf8'),
    emptyPatternSet(),
    'patterns.txt',
  );
  for (const f of extra) parsePatterns(readFileSync(f, 'utf8'), set, f);
  if (!extra.length) builtin = set;
  return set;
}

/** Does a word (lemma or lower-case form) belong to a set? */
export function inSet(ws: WordSet, lemma: string, norm: string): boolean {
  return ws === 'ANY' || ws.has(lemma) || ws.has(norm);
}

/** Does any of the words (lemma or lower-case form) belong to a set? */
export function anyInSet(ws: WordSet, words: readonly { lemma: string; norm: string }[]): boolean {
  for (const w of words) if (inSet(ws, w.lemma, w.norm)) return true;
  return false;
}
