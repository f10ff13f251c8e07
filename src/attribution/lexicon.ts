// Knowledge of the attribution stage, loaded once from data/attribution/*.tsv into Maps.
// Multi-word entries are kept in a PhraseTable keyed by their first word, longest first,
// and matched against token norms; nothing here scans a list per token.
import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';
import type { Certainty } from '../result.js';
import type { Token } from '../text/doc.js';

/** Rows of a TSV knowledge file: comments (#) and blank lines dropped, cells trimmed. */
export function readRows(file: string): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    rows.push(line.split('\t').map((c) => c.trim()));
  }
  return rows;
}

/** Phrases of one or more lower-case words, matched on token norms. */
export class PhraseTable<V> {
  private readonly byFirst = new Map<string, { words: string[]; value: V }[]>();

  add(phrase: string, value: V): void {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return;
    const list = this.byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
  }

  /** The first words of the phrases (for a per-token gate). */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** The longest phrase starting at token i (not past `end`): its value and length in tokens. */
  at(tokens: Token[], i: number, end = tokens.length): { value: V; length: number } | null {
    const list = this.byFirst.get(tokens[i]?.norm ?? '');
    if (!list) return null;
    for (const e of list) {
      if (i + e.words.length > end) continue;
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) ok = tokens[i + k]!.norm === e.words[k];
      if (ok) return { value: e.value, length: e.words.length };
    }
    return null;
  }

  /** The longest phrase that ends at token i - 1 (not before `start`). */
  endingBefore(tokens: Token[], i: number, start = 0): { value: V; length: number } | null {
    let best: { value: V; length: number } | null = null;
    for (let len = 1; len <= 4 && i - len >= start; len++) {
      const m = this.at(tokens, i - len, i);
      if (m && m.length === len) best = m;
    }
    return best;
  }
}

export type Frame = 'say' | 'tell' | 'quote';

export interface SpeechVerb {
  frame: Frame;
  certainty: Certainty;
  /** takes reported speech without "that" */
  bare: boolean;
}

export interface SourceCue {
  role: 'source' | 'via' | 'hedge';
  certainty: Certainty;
}

export interface NumberWord {
  kind: 'unit' | 'scale' | 'vague';
  value: number;
  max: number | null;
}

export type Bound = 'exact' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx' | 'range';

export interface Lexicon {
  speechVerbs: Map<string, SpeechVerb>;
  sourceCues: PhraseTable<SourceCue>;
  displayNouns: Set<string>;
  displayVerbs: Set<string>;
  numbers: PhraseTable<NumberWord>;
  bounds: PhraseTable<Bound>;
  currencies: Map<string, string>;
  /** counted nouns (as written) → canonical unit */
  unitNouns: PhraseTable<string>;
  /** canonical units that are figures without an outcome word */
  standalone: Set<string>;
  /** outcome words → outcome ("killed") */
  outcomes: PhraseTable<string>;
  /** nouns that are counts of an outcome → full unit ("deaths" → "people killed") */
  tolls: PhraseTable<string>;
  nonClaimBefore: PhraseTable<true>;
  yearBefore: PhraseTable<true>;
  nonClaimAfter: PhraseTable<true>;
  /** token norm → FLAG_* bits: which tables have a phrase starting with that word */
  gate: Map<string, number>;
}

export const FLAG_NUMBER = 1;
export const FLAG_CUE = 2;
export const FLAG_CURRENCY = 4;
/** a form of a speech verb whose POS tag is often wrong (SAID_FORMS) */
export const FLAG_SAID = 8;
/** the word starts with a digit (its norm is its text lower-cased, so the same test on either) */
export const FLAG_DIGIT = 16;
/** a speech verb: a VERB (or a SAID_FORMS word) whose lemma is in speechVerbs */
export const FLAG_SPEECH = 32;

/** forms whose POS tag is often wrong ("Said Mr X: ..."), with their lemma */
export const SAID_FORMS = new Map([
  ['said', 'say'],
  ['says', 'say'],
  ['told', 'tell'],
  ['tells', 'tell'],
  ['added', 'add'],
  ['adds', 'add'],
]);

/** Per token of a doc: the FLAG_* bits of its word (one Map lookup per token, shared by the stage). */
export function tokenFlags(tokens: Token[]): Uint8Array {
  const { gate, speechVerbs } = lexicon();
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const n = tok.norm;
    const c = n.charCodeAt(0);
    let f = (gate.get(n) ?? 0) | (c >= 48 && c <= 57 ? FLAG_DIGIT : 0);
    // FLAG_SAID is set exactly for the words of SAID_FORMS
    if (
      (tok.pos === 'VERB' || f & FLAG_SAID) &&
      (speechVerbs.has(tok.lemma) || (f & FLAG_SAID && speechVerbs.has(SAID_FORMS.get(n)!)))
    )
      f |= FLAG_SPEECH;
    out[i] = f;
  }
  return out;
}

const CERTAINTIES = new Set(['reported', 'believed', 'alleged', 'confirmed']);
const asCertainty = (s: string | undefined): Certainty =>
  (CERTAINTIES.has(s ?? '') ? s : 'reported') as Certainty;

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const file = (name: string): string[][] => readRows(dataPath('attribution', name));

  const speechVerbs = new Map<string, SpeechVerb>();
  for (const [lemma, frame, certainty, clause] of file('speech-verbs.tsv')) {
    if (!lemma) continue;
    const f = (frame === 'tell' || frame === 'quote' ? frame : 'say') as Frame;
    speechVerbs.set(lemma.toLowerCase(), {
      frame: f,
      certainty: asCertainty(certainty),
      bare: clause === 'bare',
    });
  }

  const sourceCues = new PhraseTable<SourceCue>();
  for (const [words, role, certainty] of file('source-cues.tsv')) {
    if (!words) continue;
    const r = (role === 'source' || role === 'via' ? role : 'hedge') as SourceCue['role'];
    sourceCues.add(words, { role: r, certainty: asCertainty(certainty) });
  }

  const displayNouns = new Set(file('display-nouns.tsv').map((r) => r[0]!.toLowerCase()));
  const displayVerbs = new Set(file('display-verbs.tsv').map((r) => r[0]!.toLowerCase()));

  const numbers = new PhraseTable<NumberWord>();
  for (const [word, kind, value, max] of file('numbers.tsv')) {
    if (!word || !value) continue;
    const k = (kind === 'scale' || kind === 'vague' ? kind : 'unit') as NumberWord['kind'];
    numbers.add(word, { kind: k, value: Number(value), max: max ? Number(max) : null });
  }

  const bounds = new PhraseTable<Bound>();
  for (const [words, bound] of file('bounds.tsv')) if (words && bound) bounds.add(words, bound as Bound);

  const currencies = new Map<string, string>();
  for (const [sign, code] of file('currencies.tsv'))
    if (sign && code) currencies.set(sign.toLowerCase(), code);

  const unitNouns = new PhraseTable<string>();
  const standalone = new Set<string>();
  const outcomes = new PhraseTable<string>();
  const tolls = new PhraseTable<string>();
  for (const [word, kind, unit] of file('figure-units.tsv')) {
    if (!word || !unit) continue;
    if (kind === 'noun') unitNouns.add(word, unit);
    else if (kind === 'standalone') standalone.add(unit);
    else if (kind === 'outcome') outcomes.add(word, unit);
    else if (kind === 'toll') tolls.add(word, unit);
  }

  const nonClaimBefore = new PhraseTable<true>();
  const yearBefore = new PhraseTable<true>();
  const nonClaimAfter = new PhraseTable<true>();
  for (const [pos, words] of file('non-claims.tsv')) {
    if (!words) continue;
    if (pos === 'before') nonClaimBefore.add(words, true);
    else if (pos === 'year-before') yearBefore.add(words, true);
    else if (pos === 'after') nonClaimAfter.add(words, true);
  }

  const gate = new Map<string, number>();
  const flag = (words: Iterable<string>, bit: number): void => {
    for (const w of words) gate.set(w, (gate.get(w) ?? 0) | bit);
  };
  flag(numbers.firstWords(), FLAG_NUMBER);
  flag(sourceCues.firstWords(), FLAG_CUE);
  flag(currencies.keys(), FLAG_CURRENCY);
  flag(SAID_FORMS.keys(), FLAG_SAID);

  cached = {
    gate,
    speechVerbs,
    sourceCues,
    displayNouns,
    displayVerbs,
    numbers,
    bounds,
    currencies,
    unitNouns,
    standalone,
    outcomes,
    tolls,
    nonClaimBefore,
    yearBefore,
    nonClaimAfter,
  };
  return cached;
}
