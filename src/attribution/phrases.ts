// Noun phrases next to a speech verb: the speaker on its left, the addressee or an inverted speaker
// ("said Mr Smith") on its right. The actor layer is used when it covers the phrase; otherwise the
// phrase is grabbed from POS tags. Phrases never cross punctuation (except a hyphen inside a name).
import type { ActorMention, Doc, Token } from '../text/doc.js';

export interface NP {
  /** token range [first, last) */
  first: number;
  last: number;
  mention: ActorMention | null;
}

const NOMINAL = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
const DET_ADJ_PROPN = new Set(['DET', 'ADJ', 'PROPN']);
const SKIP_LEFT = new Set(['ADV', 'AUX', 'PART']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
/** words tagged as nouns that are never part of a speaker's name */
const NOT_IN_NP = new Set(['today', 'yesterday', 'tonight', 'tomorrow', 'now', 'earlier', 'later', 'then']);

/** Per doc: token index → the actor mention covering it (index into doc.mentions), or -1. */
export function mentionIndex(doc: Doc): Int32Array {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  const ms = doc.mentions;
  for (let i = 0; i < ms.length; i++) {
    const first = Math.max(0, ms[i]!.first);
    const last = Math.min(doc.tokens.length, ms[i]!.last);
    for (let k = first; k < last; k++) if (at[k] === -1) at[k] = i;
  }
  return at;
}

const glued = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.end === b.start;

export function isPronoun(doc: Doc, np: NP): boolean {
  return np.last - np.first === 1 && PRONOUNS.has(doc.tokens[np.first]!.norm);
}

/** The noun phrase that ends just before token `k` (skipping adverbs, auxiliaries and one comma), not before `lo`. */
export function npLeft(doc: Doc, mentions: Int32Array, k: number, lo: number): NP | null {
  const t = doc.tokens;
  let j = k - 1;
  while (j >= lo && SKIP_LEFT.has(t[j]!.pos) && !isPossessive(t[j]!)) j--;
  let comma = false;
  if (j >= lo && t[j]!.text === ',' && j - 1 >= lo && !isQuoteMark(t[j - 1]!.text)) {
    j--;
    comma = true;
  }
  if (j < lo) return null;
  let np: NP;
  const g = grabLeft(t, j, lo);
  const mi = mentions[j]!;
  if (g && (mi < 0 || g.first < doc.mentions[mi]!.first)) {
    np = { ...g, mention: headMention(doc, mentions, g) };
  } else if (mi >= 0) {
    const m = doc.mentions[mi]!;
    // "the UN": the determiner belongs to the phrase even when the mention starts after it
    let first = Math.max(lo, m.first);
    while (first - 1 >= lo && DET_ADJ_PROPN.has(t[first - 1]!.pos)) first--;
    np = { first, last: j + 1, mention: m };
  } else return null;
  // appositive: "Ian Hart, chief economist at Acme(,) said" → prefer the person named before the comma
  if (
    !isPerson(doc, np) &&
    !isPronounTok(t[np.first]!) &&
    np.first - 1 > lo &&
    t[np.first - 1]!.text === ',' &&
    (comma || t[np.first]!.pos === 'DET' || !hasPos(t, np, 'PROPN'))
  ) {
    const j2 = np.first - 2;
    const m2 = mentions[j2] ?? -1;
    let name: NP | null = null;
    if (m2 >= 0) {
      const m = doc.mentions[m2]!;
      name = { first: Math.max(lo, m.first), last: j2 + 1, mention: m };
    } else {
      const n = grabLeft(t, j2, lo);
      if (n) name = { ...n, mention: null };
    }
    if (name && looksLikePerson(doc, name)) return name;
  }
  return np;
}

function isPerson(doc: Doc, np: NP): boolean {
  if (!np.mention) return false;
  const id = np.mention.actor;
  return doc.actors.find((a) => a.id === id)?.type === 'person';
}

const POSSESSIVE_DET = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'dame', 'professor', 'prof']);

/** A person actor, or (without one) a proper name of two words or with a title. */
function looksLikePerson(doc: Doc, np: NP): boolean {
  if (np.mention) return isPerson(doc, np);
  const t = doc.tokens;
  for (let k = np.first; k < np.last; k++) if (t[k]!.pos !== 'PROPN') return false;
  return np.last - np.first >= 2 || TITLES.has(t[np.first]!.norm);
}

/** The noun phrase that starts at token `k` (not past `hi`). */
export function npRight(doc: Doc, mentions: Int32Array, k: number, hi: number): NP | null {
  const t = doc.tokens;
  if (k >= hi) return null;
  const first = t[k]!;
  if (isPronounTok(first)) return { first: k, last: k + 1, mention: null };
  let j = k;
  if (first.pos === 'DET') j++;
  const start = j;
  while (j < hi && j - k < 10) {
    const x = t[j]!;
    if (NOT_IN_NP.has(x.norm)) break;
    if (NOMINAL.has(x.pos) || isPossessive(x)) j++;
    else if (x.text === '-' && glued(t[j - 1], x) && glued(x, t[j + 1])) j += 2;
    else if (
      x.norm === 'and' &&
      j + 1 < hi &&
      /^(NOUN|ADJ)$/.test(t[j + 1]!.pos) &&
      !hasPos(t, { first: k, last: j }, 'PROPN')
    )
      j++;
    else if (
      (x.norm === 'of' || x.norm === 'for') &&
      j > start &&
      j + 1 < hi &&
      /^(PROPN|NOUN|DET|ADJ)$/.test(t[j + 1]!.pos)
    )
      j++;
    else break;
  }
  if (j === start) {
    const mi = mentions[k]!;
    if (mi < 0) return null;
    const m = doc.mentions[mi]!;
    return { first: k, last: Math.min(hi, Math.max(k + 1, m.last)), mention: m };
  }
  j = Math.min(j, hi);
  const np = { first: k, last: j, mention: null };
  return { ...np, mention: headMention(doc, mentions, np) };
}

function grabLeft(t: Token[], j: number, lo: number): { first: number; last: number } | null {
  while (j >= lo && NOT_IN_NP.has(t[j]!.norm)) j--;
  const last = j + 1;
  let first = last;
  // "of/at/for/with" joins two phrases when a noun stands before it ("a spokesman for the campaign")
  const joins = (k: number): boolean =>
    k >= lo &&
    HEAD_STOP.has(t[k]!.norm) &&
    k - 1 >= lo &&
    (t[k - 1]!.pos === 'PROPN' || t[k - 1]!.pos === 'NOUN');
  while (j >= lo) {
    const x = t[j]!;
    if (NOT_IN_NP.has(x.norm)) break;
    if (NOMINAL.has(x.pos) || isPossessive(x)) first = j;
    else if (x.text === '-' && glued(t[j - 1], x) && glued(x, t[j + 1])) first = j;
    else if (first < last && t[j - 1]?.text === '-' && glued(t[j - 1], x))
      first = j; // "Paris-based"
    else if (first < last && joins(j)) first = j;
    else if (x.pos === 'DET' || (first < last && POSSESSIVE_DET.has(x.norm))) {
      if (first < last) first = j;
      if (!joins(j - 1)) break;
    } else if (isPronounTok(x)) {
      if (first === last) first = j;
      break;
    } else break;
    if (last - first > 10) break;
    j--;
  }
  if (first >= last) return null;
  // a phrase cannot start with "of" or a possessive
  while (first < last && (HEAD_STOP.has(t[first]!.norm) || isPossessive(t[first]!))) first++;
  return first < last ? { first, last } : null;
}

function headMention(
  doc: Doc,
  mentions: Int32Array,
  np: { first: number; last: number },
): ActorMention | null {
  // the head is the last word before "of/at/for/with" ("a spokesman for the campaign" → spokesman)
  let head = np.last - 1;
  for (let k = np.first + 1; k < np.last; k++) {
    if (HEAD_STOP.has(doc.tokens[k]!.norm)) {
      head = k - 1;
      break;
    }
  }
  const h = mentions[head] ?? -1;
  return h >= 0 ? doc.mentions[h]! : null;
}

const HEAD_STOP = new Set(['of', 'at', 'for', 'with', 'on', 'in', 'from']);

function hasPos(t: Token[], np: { first: number; last: number }, pos: string): boolean {
  for (let k = np.first; k < np.last; k++) if (t[k]!.pos === pos) return true;
  return false;
}

function isPronounTok(x: Token): boolean {
  return PRONOUNS.has(x.norm) && x.pos === 'PRON';
}

function isPossessive(x: Token): boolean {
  return x.text === "'s" || x.text === '’s' || x.text === "'" || x.text === '’';
}

export function isQuoteMark(s: string): boolean {
  return (
    s === '"' ||
    s === '“' ||
    s === '”' ||
    s === '„' ||
    s === '«' ||
    s === '»' ||
    s === "'" ||
    s === '‘' ||
    s === '’'
  );
}

/** The name to show for a phrase: the actor's name when resolved, else the words (a trailing proper name wins). */
export function npName(doc: Doc, np: NP, surface = false): string {
  if (np.mention && !surface) {
    const a = doc.actors.find((x) => x.id === np.mention!.actor);
    if (a) return a.name;
    return np.mention.text;
  }
  const t = doc.tokens;
  let first = np.first;
  // "Russian news agency RIA" → "RIA"; "the UN" → "UN"
  let k = np.last - 1;
  while (k >= first && t[k]!.pos === 'PROPN') k--;
  const propStart = k + 1;
  if (propStart < np.last && propStart > first && t[propStart - 1]!.pos === 'NOUN') first = propStart;
  else if (t[first]!.pos === 'DET' && propStart === first + 1 && propStart < np.last) first++; // "the UN", not "the Georgian president"
  return doc.text.slice(t[first]!.start, t[np.last - 1]!.end);
}

export function npText(doc: Doc, np: NP): string {
  return doc.text.slice(doc.tokens[np.first]!.start, doc.tokens[np.last - 1]!.end);
}

/** The source after "according to": the words up to a comma or the end of the clause (at most 8). */
export function npUntilComma(doc: Doc, mentions: Int32Array, k: number, hi: number): NP | null {
  const t = doc.tokens;
  let j = k;
  while (j < hi && j - k < 8) {
    const x = t[j]!;
    if (x.pos === 'PUNCT' && x.text !== '-' && !isPossessive(x)) break;
    if (x.norm === 'that' || x.norm === 'which' || x.norm === 'who') break;
    // "according to Mr Peston the prime minister said": a verb or a new phrase ends the source
    if ((x.pos === 'VERB' || x.pos === 'AUX') && j > k) break;
    if (x.pos === 'DET' && j > k && t[j - 1]!.pos === 'PROPN') break;
    j++;
  }
  if (j === k) return null;
  const np = { first: k, last: j, mention: null };
  return { ...np, mention: headMention(doc, mentions, np) };
}
