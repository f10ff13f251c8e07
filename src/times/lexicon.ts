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

  has(word: string): boolean {
    return this.byFirst.has(word);
  }
}

export class Lexicon {
  private readonly tables = new Map<LexKind, PhraseTable>();
  /** every first word of every phrase: a token in this set makes a sentence worth parsing */
  readonly triggers = new Set<string>();

  static load(path = dataPath('times', 'lexicon.tsv')): Lexicon {
    const lex = new Lexicon();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [kind, phrase, value] = line.split('\t');
      if (!kind || !phrase || value === undefined) continue;
      const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
      lex.table(kind as LexKind).add(words, value.trim());
      if (!['number', 'future', 'futureto', 'vague'].includes(kind)) lex.triggers.add(words[0]!);
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

  /** value of a one-word entry */
  value(kind: LexKind, word: string): string | null {
    const h = this.tables.get(kind)?.match([word], 0);
    return h && h.len === 1 ? h.value : null;
  }
}
