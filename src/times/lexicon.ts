// The time lexicon (data/times/lexicon.tsv) compiled into lookups keyed by token sequences.
import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';

export type LexKind =
  | 'month'
  | 'weekday'
  | 'number'
  | 'ordinal'
  | 'unit'
  | 'season'
  | 'partofday'
  | 'deictic'
  | 'ref'
  | 'setadv'
  | 'vague'
  | 'future'
  | 'futureto'
  | 'decade';

export interface LexHit {
  /** number of words matched */
  len: number;
  value: string;
}

/** Phrases of one kind, indexed by their first word; longer phrases are tried first. */
class PhraseTable {
  private readonly byFirst = new Map<string, { words: string[]; value: string }[]>();

  add(words: string[], value: string): void {
    const first = words[0]!;
    let list = this.byFirst.get(first);
    if (!list) this.byFirst.set(first, (list = []));
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
  }

  match(words: readonly string[], i: number): LexHit | null {
    const list = this.byFirst.get(words[i] ?? '');
    if (!list) return null;
    outer: for (const e of list) {
      if (i + e.words.length > words.length) continue;
      for (let k = 1; k < e.words.length; k++) if (words[i + k] !== e.words[k]) continue outer;
      return { len: e.words.length, value: e.value };
    }
    return null;
  }

  firstWords(): string[] {
    return [...this.byFirst.keys()];
  }

  has(word: string): boolean {
    return this.byFirst.has(word);
  }
}

const HEAD_STOP = new Set([
  'the',
  'a',
  'an',
  'at',
  'in',
  'of',
  'right',
  'these',
  'before',
  'after',
  'near',
  'short',
  'long',
  'coming',
  'each',
  'every',
]);

/** a token that can carry a time expression by itself: a year, a decade ("1990s", "'90s") */
export function isNumericHead(norm: string): boolean {
  const c = norm.charCodeAt(0);
  if (c === 39) return /^'\d0s$/.test(norm);
  if (c < 48 || c > 57) return false;
  return /^\d{4}s?$/.test(norm);
}

export class Lexicon {
  private readonly tables = new Map<LexKind, PhraseTable>();
  /** head words: every time expression holds one (a month, a unit, "today", "now" ...); a sentence without
   * one (or a year, a decade or a clock time) is not parsed */
  readonly heads = new Set<string>();
  /** word → kind → value of the first one-word phrase of that kind (what value() answers) */
  private readonly singles = new Map<string, Partial<Record<LexKind, string>>>();

  static load(path = dataPath('times', 'lexicon.tsv')): Lexicon {
    const lex = new Lexicon();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [kind, phrase, value] = line.split('\t');
      if (!kind || !phrase || value === undefined) continue;
      const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
      lex.table(kind as LexKind).add(words, value.trim());
      if (words.length === 1) {
        let byKind = lex.singles.get(words[0]!);
        if (!byKind)
          lex.singles.set(words[0]!, (byKind = Object.create(null) as Partial<Record<LexKind, string>>));
        byKind[kind as LexKind] ??= value.trim();
      }
      if (!['number', 'future', 'futureto', 'vague', 'ordinal'].includes(kind)) {
        for (const word of words) if (!HEAD_STOP.has(word)) lex.heads.add(word);
      }
      // spelled years: "nineteen ninety-six", "the year two thousand"
      if (kind === 'number' && (phrase === 'nineteen' || phrase === 'eighteen')) lex.heads.add(phrase);
    }
    return lex;
  }

  private table(kind: LexKind): PhraseTable {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new PhraseTable()));
    return t;
  }

  match(kind: LexKind, words: readonly string[], i: number): LexHit | null {
    return this.tables.get(kind)?.match(words, i) ?? null;
  }

  is(kind: LexKind, word: string): boolean {
    return this.tables.get(kind)?.has(word) ?? false;
  }

  /** the first words of the phrases of these kinds */
  firstWords(kinds: LexKind[]): string[] {
    const out: string[] = [];
    for (const k of kinds) out.push(...(this.tables.get(k)?.firstWords() ?? []));
    return out;
  }

  /** value of a one-word entry */
  value(kind: LexKind, word: string): string | null {
    // one lookup for all kinds: the grammar asks several kinds about the same word
    return this.singles.get(word)?.[kind] ?? null;
  }
}
