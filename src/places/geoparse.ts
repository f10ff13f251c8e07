// Toponym finding and disambiguation on doc.tokens.
//
// 1. Find: at each capitalised token, the longest run of name tokens (capitalised words, a few lower-case
//    connectors, attached hyphens/dots) whose normalised text is a gazetteer name. "X County/Parish" runs are
//    administrative areas even when X is not in the gazetteer.
// 2. Evidence: a match becomes a place only with evidence. Countries, admin-1 regions and our aliases are
//    evidence enough; a city needs a large population, a supporting word before it (in/at/near/from, "the
//    town of"), a ", State/Country" qualifier, another accepted mention of the same name, or being in the
//    article's focus country. Vetoes: the words in data/places/words.tsv "never" list on their own; a name that
//    is part of a person's or organisation's name (from doc.entities when the actor stage ran, else from
//    capitalised neighbours); a place name inside an ORG name ("Bank of England") is part of the org's
//    name, not a place mention — the organisation is the actor; abbreviations (US, Ky.) only when written so.
// 3. Resolve: country focus from votes (countries, unambiguous cities, admin-1 regions, demonyms and resolved
//    actors), then each mention's candidate by score = prior (kind, population, capital) + focus share +
//    state share + closeness to the other places; one sense per name per article.
import { readFileSync } from 'node:fs';
import countries from '../countries.js';
import type { Doc, Token } from '../text/doc.js';
import type { Place } from '../result.js';
import { dataPath } from '../data.js';
import { gazetteer, stateKey, type Cand, type Gazetteer } from './gazetteer.js';
import { normName } from './normalise.js';

interface Words {
  never: Set<string>;
  roles: Set<string>;
  prefixes: Set<string>;
  locative: Set<string>;
  support: Set<string>;
  connectors: Set<string>;
  suffixes: Set<string>;
  given: Set<string>;
  streets: Set<string>;
  dateline: Set<string>;
  /** length of the longest connector: a longer token cannot be one (a lower-case form is never shorter) */
  connectorMax: number;
}

let words: Words | null = null;
function loadWords(): Words {
  if (words) return words;
  const lists = new Map<string, Set<string>>();
  for (const line of readFileSync(dataPath('places', 'words.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, list] = line.split('\t');
    if (!name || !list) continue;
    const set = lists.get(name) ?? new Set<string>();
    for (const w of list.split('|')) if (w.trim()) set.add(w.trim().toLowerCase());
    lists.set(name, set);
  }
  const get = (n: string): Set<string> => lists.get(n) ?? new Set();
  words = {
    never: get('never'),
    roles: get('roles'),
    prefixes: get('prefixes'),
    locative: get('locative'),
    support: get('support'),
    connectors: get('connectors'),
    suffixes: get('suffixes'),
    given: get('given'),
    streets: get('streets'),
    dateline: get('dateline'),
    connectorMax: 0,
  };
  for (const c of words.connectors) words.connectorMax = Math.max(words.connectorMax, c.length);
  return words;
}

/** A found toponym before resolution. */
export interface Found {
  first: number;
  last: number;
  start: number;
  end: number;
  key: string;
  refs: readonly number[];
  /** evidence that makes a city acceptable */
  support: boolean;
  /** after a locative preposition (in, at, near, outside ...) */
  locative: boolean;
  /** explicit qualifier: ", Ky." / ", Syria" → the admin-1 or country it must lie in */
  qualCountry: string | null;
  qualAdmin: string | null;
  /** an "X County" style area not in the gazetteer */
  area: boolean;
  /** the match is the qualifier of the mention before it */
  isQualifier: boolean;
  /** a town the gazetteer does not hold, known only by its ", State" qualifier */
  unknown: boolean;
  chosen: Cand | null;
  score: number;
}

/** a capital first letter: A–Z or a Latin-1 capital (À–Þ but not ×) */
const isCapCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isWordy = (t: Token): boolean => {
  const c = t.norm.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || /[a-z]/.test(t.norm);
};

/** a sentence written in title case (headlines): neighbour-capital vetoes do not apply */
function titleCase(
  tokens: Token[],
  cap: Uint8Array,
  wordy: Uint8Array,
  first: number,
  last: number,
): boolean {
  let words = 0;
  let caps = 0;
  for (let k = first; k < last; k++) {
    // the length from the offsets: reading the token's own string costs a memory fetch per token
    if (!wordy[k] || tokens[k]!.end - tokens[k]!.start < 4) continue;
    words++;
    if (cap[k]) caps++;
  }
  if (words < 3 || caps / words <= 0.7) return false;
  // a headline capitalises its verbs and common nouns, not only its names
  for (let k = first + 1; k < last; k++) {
    if (cap[k] && /^(VERB|NOUN|ADJ|ADV|AUX)$/.test(tokens[k]!.pos)) return true;
  }
  return false;
}

/** text[start, end) is ASCII letters only (/^[A-Za-z]+$/: normName only lower-cases it) */
function plainAt(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** text[start, end) is a capital and then lower-case ASCII letters (/^[A-Z][a-z]+$/) */
function capWordAt(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return false;
  for (let k = start + 1; k < end; k++) {
    const d = text.charCodeAt(k);
    if (d < 97 || d > 122) return false;
  }
  return true;
}

/**
 * Per-token scratch arrays, reused from one article to the next: typed arrays of an article's size live
 * outside the JS heap and cost more to allocate than to refill. geoparse is synchronous, so one set serves.
 */
let scratchSize = 0;
let capBuf = new Uint8Array(0);
let wordyBuf = new Uint8Array(0);
let entBuf = new Uint8Array(0);
let entEndBuf = new Int32Array(0);
let entStartBuf = new Int32Array(0);
function scratch(n: number): void {
  if (n <= scratchSize) return;
  scratchSize = Math.max(n, 2 * scratchSize, 1024);
  capBuf = new Uint8Array(scratchSize);
  wordyBuf = new Uint8Array(scratchSize);
  entBuf = new Uint8Array(scratchSize);
  entEndBuf = new Int32Array(scratchSize);
  entStartBuf = new Int32Array(scratchSize);
}

const MAX_TOKENS = 9;
/** words that go on a name in lower case and may end it ("Homs province", "Aleppo city") */
const AREA_WORD = /^(state|province|city|region|governorate|oblast)$/;
/** first words that stay with the next one in a county's own name ("New Kent County", "Black Hawk County") */
const AREA_TWO_WORD_START =
  /^(new|san|santa|st|saint|los|las|el|de|la|le|fort|palm|prince|black|red|green|big|little|glen|east|west|north|south|upper|lower|grand|lake|mount|mc)$/;
/** no gazetteer refs */
const NO_REFS: readonly number[] = [];
/** weight of the soft state evidence (coShare) */
const CO_W = 1.5;
/** coherence passes: the second sees the first's choices */
const PASSES = 2;
/** a foreign namesake gives way to a town this close to the article's other places (km) */
const FOREIGN_KM = 200;
/** a town within this distance of a county's centre is taken to lie in it (km) */
const PAIR_KM = 45;
/** towns of different names this close together are taken to be the story's cluster (km) */
const CLUSTER_KM = 60;
/** weight of each other name in a town's cluster */
const CLUSTER_W = 2;
/** weight of a county–town pairing */
const PAIR_W = 3;
/** weight of the state votes (region mentions, "City, ST" qualifiers) */
const ST_W = 4;

export interface ParseResult {
  found: Found[];
  focus: string | null;
}

/** A place the gazetteer lacks, under its own name, at the point of a known one: a town at the state or country
 *  its qualifier names ("Holliday, Mo."), a county at the town or state it goes with. */
function standIn(at: Cand, m: Found, text: string, feature: string, admin = at.admin): Cand {
  // every field written out in the gazetteer's order: one object shape for all candidates
  return {
    ref: 0,
    kind: 'alias',
    name: text.slice(m.start, m.end),
    geonameid: null,
    country: at.country,
    lat: at.lat,
    lon: at.lon,
    feature,
    population: 0,
    admin,
    state: stateKey(at.country, admin),
  };
}

function vote(m: Map<string, number>, k: string | null, v: number): void {
  if (k) m.set(k, (m.get(k) ?? 0) + v);
}

/** a name of a large place: a country, region or alias, or a city of 100,000 or more */
function bigPlace(g: Gazetteer, key: string): boolean {
  for (const r of g.lookup(key)) {
    const c = g.cand(r);
    if (c.kind !== 'city' || c.population >= 100_000) return true;
  }
  return false;
}

/**
 * One article's tokens and what the finding steps read of them (capitals, the entity layer, surnames),
 * computed once. The steps are methods rather than closures inside geoparse: small functions that V8
 * optimises early, where one long function would run unoptimised through much of a single pass.
 */
class Scan {
  readonly tokens: Token[];
  readonly text: string;
  readonly g: Gazetteer;
  readonly w: Words;
  /** 1 where the token starts with a capital */
  readonly cap: Uint8Array;
  /** 1 where the token is a word */
  readonly wordy: Uint8Array;
  /** entity layer from the actor stage, when present: 1 = person, 3 = organisation, 2 = GPE/LOC token */
  readonly ent: Uint8Array;
  /** the token range [entStart, entEnd) of the entity holding each token, -1 outside entities */
  readonly entStart: Int32Array;
  readonly entEnd: Int32Array;
  /** surnames (lower case) */
  readonly personParts = new Set<string>();
  /** country votes; the demonyms found by find() are the first */
  readonly votes = new Map<string, number>();
  /** longestMatch()'s answer: the match's last token (-1: none), its refs and key */
  bestJ = -1;
  bestRefs: readonly number[] = NO_REFS;
  bestKey = '';

  constructor(readonly doc: Doc) {
    this.g = gazetteer();
    this.w = loadWords();
    const tokens = (this.tokens = doc.tokens);
    const text = (this.text = doc.text);
    // isCap / isWordy of each token, computed once: the scans below ask them many times per token
    scratch(tokens.length);
    // views of exactly the article's length, so that reads past its end stay undefined as with fresh arrays
    const cap = (this.cap = capBuf.subarray(0, tokens.length));
    const wordy = (this.wordy = wordyBuf.subarray(0, tokens.length));
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      // the first character read from the article's text (a token's text is that slice of it) is cheaper to
      // reach than through the token's own string; an ASCII letter is wordy, anything else asks isWordy
      const c = text.charCodeAt(t.start);
      cap[k] = isCapCode(c) ? 1 : 0;
      // (a one-character ASCII token that is not a letter is not wordy: isWordy's test is for longer tokens)
      wordy[k] =
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || ((c >= 128 || t.end - t.start > 1) && isWordy(t))
          ? 1
          : 0;
    }
    const ent = (this.ent = entBuf.subarray(0, tokens.length).fill(0));
    const entEnd = (this.entEnd = entEndBuf.subarray(0, tokens.length).fill(-1));
    const entStart = (this.entStart = entStartBuf.subarray(0, tokens.length).fill(-1));
    for (const e of doc.entities) {
      const kind =
        e.type === 'PERSON' ? 1 : e.type === 'ORG' ? 3 : e.type === 'GPE' || e.type === 'LOC' ? 2 : 0;
      if (!kind) continue;
      const a = doc.tokenAt(e.start);
      let b = a;
      while (b < tokens.length && tokens[b]!.start < e.end) b++;
      for (let k = a; k < b; k++) {
        ent[k] = kind;
        entStart[k] = a;
        entEnd[k] = b;
      }
    }
    this.surnames();
  }

  /**
   * Surnames: the last word of a capitalised run of two or three words that is not a place ("John Taylor"),
   * so that a later lone "Taylor" is not taken for a town.
   */
  private surnames(): void {
    const { doc, tokens, text, g, w, cap, wordy, personParts } = this;
    for (const s of doc.sentences) {
      for (let k = s.first; k < s.last; k++) {
        if (cap[k] !== 1 || (k > s.first && cap[k - 1] === 1)) continue;
        let e = k;
        while (e + 1 < s.last && cap[e + 1] === 1 && wordy[e + 1] === 1) e++;
        if (e === k) continue;
        // the last two words of the run: "Greg Taylor" in "County Sheriff Greg Taylor"
        const a = Math.max(k, e - 1);
        const given = tokens[a]!;
        const last = tokens[e]!;
        if (
          given.pos !== 'PROPN' ||
          !capWordAt(text, given.start, given.end) ||
          !capWordAt(text, last.start, last.end)
        )
          continue;
        if (w.prefixes.has(given.norm) || w.roles.has(given.norm) || w.suffixes.has(given.norm)) continue;
        if (w.roles.has(last.norm) || w.suffixes.has(last.norm)) continue;
        const whole = normName(text.slice(given.start, last.end));
        if (g.lookup(whole).length || g.lookup(given.norm).length || bigPlace(g, last.norm)) continue;
        // "Meadow Grove, Neb." is a town, not a person
        if (
          e + 2 < s.last &&
          tokens[e + 1]!.text === ',' &&
          g
            .lookup(normName(tokens[e + 2]!.text))
            .some((r) => g.cand(r).kind === 'admin1' || g.cand(r).kind === 'country')
        )
          continue;
        personParts.add(last.norm);
      }
    }
    if (doc.entities.length) this.entitySurnames();
  }

  /** the words after the first of each person the entity layer names */
  private entitySurnames(): void {
    const { doc, personParts } = this;
    for (const e of doc.entities)
      if (e.type === 'PERSON')
        for (const part of e.text.split(/\s+/).slice(1)) personParts.add(part.toLowerCase());
  }

  /** Steps 1 and 2: the accepted toponyms in text order (demonyms vote into this.votes on the way). */
  find(): Found[] {
    const { doc, tokens, cap, wordy } = this;
    const found: Found[] = [];
    for (const s of doc.sentences) {
      const tc = titleCase(tokens, cap, wordy, s.first, s.last);
      const listed = this.countyList(s.first, s.last);
      let i = s.first;
      while (i < s.last) {
        if (!cap[i]) {
          i++;
          continue;
        }
        // "Barrow, Jackson and Madison counties": each name is a county
        const item = listed.get(i);
        if (item) {
          found.push(item);
          i = item.last + 1;
          continue;
        }
        // demonyms (one or two words) vote for the focus
        const demonymWords = this.demonymAt(i, s.last);
        if (demonymWords > 0) {
          i += demonymWords;
          continue;
        }
        // "McLean County", "St. Tammany Parish": a county or parish area (or the step to its own name)
        const areaNext = this.countyArea(i, s.last, found);
        if (areaNext >= 0) {
          i = areaNext;
          continue;
        }
        // longest gazetteer match (this.bestJ, -1 when none)
        this.longestMatch(i, s.last);
        const bestJ = this.bestJ;
        // "Harwinton, Conn." — a town the gazetteer does not hold (or holds only a shorter name of),
        // placed by its qualifier
        const town = this.unknownTown(i, s.first, s.last);
        if (town && town.last > bestJ) {
          found.push(town);
          i = town.last + 1;
          continue;
        }
        if (bestJ < 0) {
          i++;
          continue;
        }
        const m = this.mk(i, bestJ, this.bestKey, this.bestRefs, false);
        const ok = this.accept(m, tc);
        if (ok) found.push(m);
        i = ok ? bestJ + 1 : i + 1;
      }
    }
    return found;
  }

  /** a demonym of two words or one at token i votes for its country; returns how many words it took (0: none) */
  demonymAt(i: number, last: number): number {
    const { tokens, text, g, cap } = this;
    const t = tokens[i]!;
    if (i + 1 < last && cap[i + 1] === 1 && this.mayStartDemonym(i)) {
      const d2 = g.demonym(normName(text.slice(t.start, tokens[i + 1]!.end)));
      if (d2) {
        vote(this.votes, d2, 0.5);
        return 2;
      }
    }
    const d1 = g.demonym(t.norm);
    if (d1) {
      vote(this.votes, d1, 0.5);
      return 1;
    }
    return 0;
  }

  /**
   * whether the two-word key from token i can be a demonym's. A plain word, a space and a word starting with
   * an ASCII capital give a key whose first word is the plain word's lower-case form, so a word no two-word
   * demonym starts with rules it out without building the key; any other pair is asked in full.
   */
  mayStartDemonym(i: number): boolean {
    const { tokens, text, g } = this;
    const t = tokens[i]!;
    const after = text.charCodeAt(t.end);
    const next = text.charCodeAt(tokens[i + 1]!.start);
    const spaced = after === 32 || after === 10 || after === 9 || after === 13;
    if (!spaced || next < 65 || next > 90 || !plainAt(text, t.start, t.end)) return true;
    return g.demonymStarts(t.norm);
  }

  /** the longest gazetteer name starting at token i: sets bestJ (its last token, -1 when none), bestRefs and bestKey */
  longestMatch(i: number, last: number): void {
    const { tokens, text, g, w, cap } = this;
    const t = tokens[i]!;
    let bestJ = -1;
    let bestRefs: readonly number[] = NO_REFS;
    let bestKey = '';
    for (let j = i; j < last && j - i < MAX_TOKENS; j++) {
      const u = tokens[j]!;
      // a lower-case word that goes on and ends a name (asked once per token here, not twice)
      const areaWord = cap[j] !== 1 && AREA_WORD.test(u.norm);
      if (j > i) {
        const attached = u.start === tokens[j - 1]!.end;
        const ok =
          cap[j] === 1 ||
          (attached && /^[-'.’]$/.test(u.text)) ||
          // (most words are ruled out by their length, read from the offsets)
          (u.end - u.start <= w.connectorMax && w.connectors.has(u.norm) && j + 1 < last) ||
          areaWord ||
          (attached && /^[a-z]/.test(u.text) && tokens[j - 1]!.text === '-');
        if (!ok) break;
      }
      // a name ends on a capitalised word, or on the dot of a short abbreviation (Ky., D.C.)
      if (cap[j] !== 1 && !(u.text === '.' && j > i && tokens[j - 1]!.text.length <= 4) && !areaWord)
        continue;
      // one plain word: its key is the token's lower-case form, a string whose hash V8 already holds
      const key = j === i && plainAt(text, t.start, t.end) ? t.norm : normName(text.slice(t.start, u.end));
      if (!key || (key === bestKey && u.text === '.')) continue; // "Homs." is "Homs" at a full stop
      const refs = g.lookup(key);
      if (refs.length) {
        bestJ = j;
        bestRefs = refs;
        bestKey = key;
      }
    }
    this.bestJ = bestJ;
    this.bestRefs = bestRefs;
    this.bestKey = bestKey;
  }

  /**
   * A county or parish area starting at token i ("McLean County"): pushes it to found and returns the token
   * after it, or returns the start of the area's own name when words before it belong to something else
   * ("The McLean County" goes on at McLean); -1 when there is no area here.
   */
  countyArea(i: number, last: number, found: Found[]): number {
    const { tokens, text, g, w, cap } = this;
    const t = tokens[i]!;
    // the capitalised run from i
    let runEnd = i;
    while (runEnd + 1 < last && cap[runEnd + 1] === 1 && !w.suffixes.has(tokens[runEnd + 1]!.norm)) runEnd++;
    const suffix = runEnd + 1 < last ? tokens[runEnd + 1]! : null;
    if (!suffix || !w.suffixes.has(suffix.norm)) return -1;
    // the area's own name is the one or two words before the suffix ("The McLean County" → McLean County;
    // "Black Hawk County", "New Kent County" keep two)
    if (runEnd > i) {
      const two = normName(text.slice(tokens[runEnd - 1]!.start, tokens[runEnd]!.end));
      const keepTwo = AREA_TWO_WORD_START.test(tokens[runEnd - 1]!.norm) || g.lookup(two).length > 0;
      const start = keepTwo ? runEnd - 1 : runEnd;
      if (start > i) return start;
    }
    if (cap[runEnd + 1] !== 1 || runEnd - i >= 3 || w.never.has(t.norm)) return -1;
    const key = normName(text.slice(t.start, suffix.end));
    const refs = g.lookup(key);
    if (!refs.length && !/^(county|parish|borough|township)$/.test(suffix.norm)) return -1;
    const m = this.mk(i, runEnd + 1, key, refs, !refs.length);
    // "Lexington County, S.C.": the qualifier picks the state
    if (refs.length && runEnd + 3 < last && tokens[runEnd + 2]!.text === ',') {
      const q = this.qualifierAt(runEnd + 3, last);
      if (q) [m.qualCountry, m.qualAdmin] = [q.country, q.admin];
    }
    m.support = true;
    found.push(m);
    return runEnd + 2;
  }

  /**
   * The names of a list before "counties" / "parishes" ("in Barrow, Jackson and Madison counties"): each is
   * a county when the county table knows it (as "Barrow County"); keyed by first token.
   */
  countyList(first: number, last: number): Map<number, Found> {
    const { tokens, text, g, cap, wordy } = this;
    const out = new Map<number, Found>();
    for (let k = first + 1; k < last; k++) {
      // both words have eight letters: the offsets rule out most tokens before their string is read
      if (tokens[k]!.end - tokens[k]!.start !== 8) continue;
      const kw = tokens[k]!.norm;
      if ((kw !== 'counties' && kw !== 'parishes') || cap[k] === 1) continue;
      const word = kw === 'counties' ? 'county' : 'parish';
      const items: Found[] = [];
      let j = k - 1;
      for (let n = 0; n < 8 && j >= first; n++) {
        // one item: up to three capitalised words ending at j
        let a = j;
        while (a - 1 >= first && j - a < 2 && cap[a - 1] === 1 && wordy[a - 1] === 1) a--;
        if (cap[j] !== 1 || wordy[j] !== 1) break;
        const name = text.slice(tokens[a]!.start, tokens[j]!.end);
        const key = normName(`${name} ${word}`);
        const refs = g.lookup(key).filter((r) => g.cand(r).kind === 'admin2');
        if (!refs.length) break;
        const m = this.mk(a, j, key, refs, false);
        m.support = true;
        items.push(m);
        // the separator before the item: ",", "and", ", and", "&"
        let p = a - 1;
        if (p >= first && (tokens[p]!.norm === 'and' || tokens[p]!.text === '&' || tokens[p]!.norm === 'or'))
          p--;
        else if (p >= first && tokens[p]!.text === ',') {
          p--;
        } else break;
        if (p >= first && tokens[p]!.text === ',') p--;
        j = p;
      }
      // one name before "counties" is the area around a town ("the metro Athens counties"), not a county
      if (items.length >= 2) for (const m of items) out.set(m.first, m);
    }
    return out;
  }

  mk(first: number, last: number, key: string, refs: readonly number[], area: boolean): Found {
    const { tokens } = this;
    return {
      first,
      last,
      start: tokens[first]!.start,
      end: tokens[last]!.end,
      key,
      refs,
      support: false,
      locative: false,
      qualCountry: null,
      qualAdmin: null,
      area,
      isQualifier: false,
      unknown: false,
      chosen: null,
      score: 0,
    };
  }

  /** the entity layer's veto: a person's name is never a place; a city inside an organisation's only at its start */
  entityVeto(m: Found): boolean {
    const { g, ent, entStart, entEnd } = this;
    for (let k = m.first; k <= m.last; k++) {
      if (ent[k] !== 1 && ent[k] !== 3) continue;
      const longer = entStart[k]! < m.first || entEnd[k]! > m.last + 1;
      const cityOnly = candsOf(g, m.refs).every((c) => c.kind === 'city');
      const covers = entStart[k]! <= m.first && entEnd[k]! >= m.last + 1;
      // a person's name is never a place; a city inside an organisation's name counts only at its start
      // ("Gainesville Police Department" names where; "Bank of England" names whom — but a country or
      // region inside it still counts)
      if (ent[k] === 1 && covers && (longer || cityOnly)) return true;
      if (ent[k] === 3 && longer && cityOnly && entStart[k]! < m.first) return true;
    }
    return false;
  }

  /** part of a longer proper name, after a title, or a given name before a surname: not a place */
  neighbourVeto(m: Found, prevTok: Token | null, nextTok: Token | null, sentStart: boolean): boolean {
    const { tokens, g, w, cap, wordy, personParts } = this;
    if (
      prevTok &&
      !sentStart &&
      cap[m.first - 1] === 1 &&
      prevTok.start !== tokens[m.first]!.start &&
      !w.prefixes.has(prevTok.norm) &&
      !g.lookup(prevTok.norm).length &&
      wordy[m.first - 1] === 1
    )
      return true;
    if (
      prevTok &&
      /^(mr|mrs|ms|dr|st|sen|rep|gov|gen|lt|col|capt|sgt|president|sir|lord|lady)\.?$/i.test(prevTok.text)
    )
      return true;
    // a place name before other capitalised words names an organisation's or facility's seat
    // ("Gainesville Police", "Ohio Department of Development") and counts; before a surname it is a
    // given name ("Jordan Henderson", "Paris Hilton")
    return (
      nextTok !== null &&
      cap[m.last + 1] === 1 &&
      wordy[m.last + 1] === 1 &&
      (w.given.has(m.key) || personParts.has(nextTok.norm)) &&
      !w.roles.has(nextTok.norm) &&
      !w.suffixes.has(nextTok.norm)
    );
  }

  /** support words before the name: in/at/near/from ..., "the town of", "downtown" */
  supportBefore(m: Found, sentFirst: number): void {
    const { tokens, w } = this;
    for (let k = m.first - 1, n = 0; k >= sentFirst && n < 3; k--, n++) {
      const p = tokens[k]!;
      if (w.locative.has(p.norm) && n <= 1) m.locative = true;
      if (w.support.has(p.norm)) {
        m.support = true;
        break;
      }
      if (
        !/^(the|central|northern|southern|eastern|western|city|town|of|downtown|besieged|rebel|restive|nearby)$/.test(
          p.norm,
        )
      )
        break;
    }
  }

  /** evidence and vetoes; fills support/locative/qualifier; false = not a place */
  accept(m: Found, tc: boolean): boolean {
    const { doc, tokens, text, g, w, cap, ent, personParts } = this;
    const first = tokens[m.first]!;
    const sent = doc.sentences[first.sent]!;
    const single = m.first === m.last;
    // abbreviations only when written as such
    const written = text.slice(m.start, m.end);
    const abbrevOk = /^[A-Z.\s]+$/.test(written) || written.includes('.');
    if (!abbrevOk && g.hasAbbrev(m.key)) m.refs = m.refs.filter((r) => !g.isAbbrev(r, m.key));
    if (!m.refs.length) return false;
    // abbreviations with one dot (Ky., Mo., La.) only as a qualifier after a comma
    const prevTok = m.first > sent.first ? tokens[m.first - 1]! : null;
    const afterComma = prevTok?.text === ',';
    if (/^[A-Z][a-z]*\.$/.test(written) && !afterComma) return false;
    if (/^[A-Z]{2}$/.test(written) && written !== 'US' && written !== 'UK' && !afterComma) return false;
    if (this.entityVeto(m)) return false;
    const kinds = candsOf(g, m.refs).map((c) => c.kind);
    const strongKind =
      kinds.some((k) => k !== 'city') || m.refs.some((r) => r >= 0 && isAliasRef(g, r, m.key));
    // the never list applies to single words
    if (w.never.has(m.key) && kinds.every((k) => k === 'city' || k === 'alias')) return false;
    if (single && personParts.has(first.norm) && !strongKind) return false;
    const nextTok = m.last + 1 < sent.last ? tokens[m.last + 1]! : null;
    // qualifier ", X" after the match
    if (nextTok?.text === ',' && m.last + 2 < sent.last) {
      const q = this.qualifierAt(m.last + 2, sent.last);
      if (q) {
        m.qualCountry = q.country;
        m.qualAdmin = q.admin;
      }
    }
    const qualified = m.qualCountry !== null || m.qualAdmin !== null;
    // neighbours: part of a longer proper name?
    const sentStart = m.first === sent.first || (prevTok !== null && /^["“‘'(:\-—–]$/.test(prevTok.text));
    if (!tc && !qualified && ent[m.first] !== 2 && this.neighbourVeto(m, prevTok, nextTok, sentStart))
      return false;
    // possessive person names: "Jordan's coach" is fine; nothing to do
    // sentence-initial common words: wink tags them as non-proper nouns
    if (sentStart && single && !qualified && !strongKind && !/^(PROPN|NOUN|X)$/.test(first.pos)) return false;
    // a street named after a place is not that place ("Hungerford St.", "Madison Avenue")
    if (nextTok && cap[m.last + 1] === 1 && w.streets.has(nextTok.norm)) return false;
    this.supportBefore(m, sent.first);
    if (afterComma) m.support = m.support || m.refs.some((r) => g.cand(r).kind !== 'city');
    if (m.qualCountry || m.qualAdmin) m.support = true;
    if (nextTok && /^-?based$/.test(nextTok.norm)) m.support = true;
    if (ent[m.first] === 2) m.support = true;
    return true;
  }

  /**
   * One or two capitalised words, not part of a longer name, followed by ", <state or country>" that is itself
   * followed by punctuation, a lower-case word or the end (so "Bill Graves, Ohio Department ..." does not count).
   */
  unknownTown(i: number, first: number, last: number): Found | null {
    const { tokens, text, g, w, cap, wordy, personParts } = this;
    let j = i;
    if (j + 1 < last && cap[j + 1] === 1 && wordy[j + 1] === 1) j++;
    if (j + 2 >= last || tokens[j + 1]!.text !== ',') return null;
    if (i > first && cap[i - 1] === 1 && wordy[i - 1] === 1) return null;
    for (let k = i; k <= j; k++) {
      const t = tokens[k]!;
      if (!/^[A-Z][A-Za-z'’-]*$/.test(t.text) || w.never.has(t.norm) || personParts.has(t.norm)) return null;
      if (w.roles.has(t.norm) || g.demonym(t.norm)) return null;
    }
    const q = this.qualifierAt(j + 2, last);
    if (!q) return null;
    const after = q.last + 1 < last ? tokens[q.last + 1]! : null;
    if (after && cap[q.last + 1] === 1 && wordy[q.last + 1] === 1) return null;
    const m = this.mk(i, j, normName(text.slice(tokens[i]!.start, tokens[j]!.end)), [], false);
    m.qualCountry = q.country;
    m.qualAdmin = q.admin;
    m.support = true;
    m.unknown = true;
    return m;
  }

  /** a country or admin-1 name starting at token k: the qualifier of "City, Qualifier" */
  qualifierAt(k: number, end: number): { country: string | null; admin: string | null; last: number } | null {
    const { tokens, text, g, cap, wordy } = this;
    const a = tokens[k]!;
    if (cap[k] !== 1) return null;
    for (let j = Math.min(end - 1, k + 3); j >= k; j--) {
      if (wordy[j] !== 1 && tokens[j]!.text !== '.') continue;
      const written = text.slice(a.start, tokens[j]!.end);
      const key = normName(written);
      for (const r of g.lookup(key)) {
        const c = g.cand(r);
        if (c.kind === 'country') return { country: c.country, admin: null, last: j };
        if (c.kind === 'admin1') return { country: c.country, admin: c.admin ?? c.name, last: j };
      }
      // postal codes (TX, KY) after a comma
      if (/^[A-Z]{2}$/.test(written) && g.admin1('US', written))
        return { country: 'US', admin: written, last: j };
    }
    return null;
  }
}

/** Find and resolve the toponyms of a Doc. */
export function geoparse(doc: Doc): ParseResult {
  const scan = new Scan(doc);
  const found = scan.find();
  return resolve(scan, found);
}

/** Step 3: datelines, votes, the country focus and each mention's candidate. */
function resolve(scan: Scan, found: Found[]): ParseResult {
  const { doc, text, g } = scan;
  const votes = scan.votes;
  const stateVotes = new Map<string, number>();
  /** states voted for by unambiguous city names (used for ranking, not as evidence) */
  const cityStateVotes = new Map<string, number>();

  datelines(scan, found);

  countVotes(g, found, votes, stateVotes, cityStateVotes);
  /** country votes from the text's own places and demonyms, before the actors' */
  const placeVotes = new Map(votes);
  for (const a of doc.actors) {
    if (!a.country || a.type === 'country') continue;
    const iso2 = countries.alpha3ToAlpha2(a.country);
    if (iso2) vote(votes, iso2, 0.3 * Math.min(3, a.mentions.length));
  }
  let total = 0;
  for (const v of votes.values()) total += v;
  let focus: string | null = null;
  let best = 0;
  for (const [k, v] of votes) if (v > best) [focus, best] = [k, v];
  if (best < 1 || best / total < 0.3) focus = null;
  let stateTotal = 0;
  for (const v of stateVotes.values()) stateTotal += v;

  // ---------- resolution ----------------------------------------------------------------------
  const share = (k: string | null): number => (k && total ? (votes.get(k) ?? 0) / total : 0);
  const stateShare = (c: Cand): number =>
    stateTotal && c.country ? (stateVotes.get(c.state!) ?? 0) / stateTotal : 0;
  let cityStateTotal = 0;
  for (const v of cityStateVotes.values()) cityStateTotal += v;
  const cityStateShare = (c: Cand): number =>
    cityStateTotal && c.country ? (cityStateVotes.get(c.state!) ?? 0) / cityStateTotal : 0;
  // soft state evidence ("spatial minimality" by region): each distinct name spreads one vote over the
  // first-level regions its candidates lie in, so a name found in one state only counts fully and a name
  // found in twenty states (Springfield, Franklin) hardly at all. A candidate gains from the other names
  // that have a candidate in its state.
  const coState = new Map<string, number>();
  const keyStates = new Map<string, Set<string>>();
  for (const m of found) {
    if (m.area || m.unknown || keyStates.has(m.key) || keyStates.size >= 30) continue;
    const states = new Set<string>();
    const cands = topCands(g, m.refs, 40);
    for (const c of cands)
      if ((c.kind === 'city' || c.kind === 'admin1' || c.kind === 'admin2') && c.country && c.admin)
        states.add(c.state!);
    if (m.qualAdmin && m.qualCountry) {
      states.clear();
      states.add(`${m.qualCountry}.${m.qualAdmin}`);
    }
    keyStates.set(m.key, states);
    for (const st of states) coState.set(st, (coState.get(st) ?? 0) + 1 / states.size);
  }
  const coShare = (m: Found, c: Cand): number => {
    if (!c.country || !c.admin || (c.kind !== 'city' && c.kind !== 'admin1' && c.kind !== 'admin2')) return 0;
    const st = c.state!;
    const own = keyStates.get(m.key);
    const v = (coState.get(st) ?? 0) - (own?.has(st) ? 1 / own.size : 0);
    return Math.min(v, 2);
  };
  const prior = (c: Cand): number => {
    // a country, region or named area beats a same-named town unless the town's country or state is
    // what the article is about (France the country, not a village called France)
    if (c.kind === 'country') return 10;
    if (c.kind === 'admin1') return 9.3;
    // same-named counties rank by size (the population of their towns) when nothing else tells them apart
    if (c.kind === 'admin2') return 7 + 0.5 * Math.log10(c.population + 10);
    if (c.kind === 'alias') return c.feature.startsWith('P.') ? 5.5 : 9.5;
    let p = Math.log10(c.population + 10);
    if (c.feature === 'P.PPLC') p += 0.7;
    else if (c.feature === 'P.PPLA') p += 0.3;
    return p;
  };
  const score = (m: Found, c: Cand): number => {
    // the focus lifts a village less than a town (Brisbane, Queensland over a hamlet called Brisbane)
    const lift = c.kind === 'city' && c.population < 10_000 ? 2 : 3;
    let s =
      prior(c) +
      lift * share(c.country) +
      ST_W * stateShare(c) +
      1.5 * cityStateShare(c) +
      CO_W * coShare(m, c);
    if (m.qualCountry) s += c.country === m.qualCountry ? 10 : -10;
    if (m.qualAdmin && c.country === m.qualCountry)
      s += c.admin === m.qualAdmin || c.name === m.qualAdmin ? 10 : -5;
    if (focus && c.country === focus) s += 0.5;
    return s + PAIR_W * (pair.get(c.ref) ?? 0) + CLUSTER_W * (townCluster.get(c.ref) ?? 0);
  };

  const pair = countyPairs(g, found);
  const townCluster = townClusters(g, found, focus);
  const accepted = firstChoice(g, text, found, score);

  // the regions the first pass chose vote too: "Indiana" is also a town, so it did not vote above
  for (const m of accepted) {
    const c = m.chosen;
    if (!c || m.unknown || m.area || c.kind !== 'admin1' || m.refs.length < 2) continue;
    vote(stateVotes, `${c.country}.${c.admin ?? c.name}`, 1);
    vote(votes, c.country, 0.5);
    vote(placeVotes, c.country, 0.5);
  }
  stateTotal = 0;
  for (const v of stateVotes.values()) stateTotal += v;
  total = 0;
  for (const v of votes.values()) total += v;

  // coherence: closeness to the other (non-country) places of the article
  // one anchor per distinct name, at most 30
  const anchorKeys = new Set<string>();
  const anchors = accepted.filter((m) => {
    if (!m.chosen || m.chosen.kind === 'country' || m.chosen.feature === 'L.CONT' || anchorKeys.has(m.key))
      return false;
    anchorKeys.add(m.key);
    return anchorKeys.size <= 30;
  });
  coherence(g, accepted, anchors, score);

  foreignNamesakes(g, text, accepted, anchors, placeVotes, stateShare);

  const out = withEvidence(accepted, focus, stateShare);
  placeAreas(scan, out, stateVotes, focus, stateShare);
  return { found: out, focus };
}

/** Each mention's best-scoring candidate; towns known only by a qualifier stand in at their region. */
function firstChoice(
  g: Gazetteer,
  text: string,
  found: Found[],
  score: (m: Found, c: Cand) => number,
): Found[] {
  const accepted: Found[] = [];
  for (const m of found) {
    if (m.area) {
      accepted.push(m);
      continue;
    }
    if (m.unknown) {
      const region = m.qualAdmin
        ? g.admin1(m.qualCountry ?? '', m.qualAdmin)
        : g.country(m.qualCountry ?? '');
      if (!region) continue;
      m.chosen = standIn(region, m, text, 'P.PPL', m.qualAdmin);
      m.score = 100;
      accepted.push(m);
      continue;
    }
    let bestC: Cand | null = null;
    let bestS = -Infinity;
    const cands = topCands(g, m.refs, 40);
    for (const c of cands) {
      const s = score(m, c);
      if (s > bestS) [bestC, bestS] = [c, s];
    }
    // "Holliday, Mo." where the gazetteer has no Holliday in Missouri: a town somewhere in that state
    if (bestC && bestC.kind === 'city' && m.qualCountry) {
      const region =
        m.qualAdmin && (bestC.country !== m.qualCountry || bestC.admin !== m.qualAdmin)
          ? g.admin1(m.qualCountry, m.qualAdmin)
          : bestC.country !== m.qualCountry
            ? g.country(m.qualCountry)
            : null;
      if (region) {
        bestC = standIn(region, m, text, 'P.PPL', m.qualAdmin);
        bestS = 100;
      }
    }
    m.chosen = bestC;
    m.score = bestS;
    accepted.push(m);
  }
  return accepted;
}

/** Votes of the found names: countries and states that unambiguous names, regions and qualifiers speak for. */
function countVotes(
  g: Gazetteer,
  found: Found[],
  votes: Map<string, number>,
  stateVotes: Map<string, number>,
  cityStateVotes: Map<string, number>,
): void {
  for (const m of found) {
    if (m.area) {
      // parishes are Louisiana's counties: "X Parish" speaks for Louisiana
      if (m.key.endsWith(' parish')) {
        vote(stateVotes, 'US.LA', 1);
        vote(votes, 'US', 0.5);
      }
      continue;
    }
    const cands = candsOf(g, m.refs);
    const cs = new Set(cands.map((c) => c.country));
    const onlyCountry = cs.size === 1 ? [...cs][0]! : null;
    const strong = cands.find((c) => c.kind !== 'city');
    // only unambiguous names vote (Georgia, Jordan, Lebanon are towns too)
    if (strong && cands.length === 1) {
      vote(votes, strong.country, 1);
      if (strong.kind === 'admin1' || strong.kind === 'admin2')
        vote(stateVotes, `${strong.country}.${strong.admin ?? strong.name}`, 1);
    } else if (onlyCountry) {
      vote(votes, onlyCountry, 0.7);
      // a city name found in one state only votes for that state
      const states = new Set(cands.map((c) => c.admin));
      if (states.size === 1 && cands[0]!.admin && cands[0]!.kind === 'city')
        vote(cityStateVotes, `${onlyCountry}.${cands[0]!.admin}`, 0.7);
    }

    if (m.qualCountry) vote(votes, m.qualCountry, 1);
    if (m.qualAdmin) vote(stateVotes, `${m.qualCountry}.${m.qualAdmin}`, 1);
  }
}

/** Names with a namesake that fits the article better: a country's town, a foreign city's local namesake. */
function foreignNamesakes(
  g: Gazetteer,
  text: string,
  accepted: Found[],
  anchors: Found[],
  placeVotes: Map<string, number>,
  stateShare: (c: Cand) => number,
): void {
  // a country's name that is also a town (Lebanon, Palestine, Jordan): the town when it lies near the
  // article's other local places (within 100 km of one, or in a state the article names) and nothing
  // else in the text speaks for the country (no demonym, no other place in it). Likewise a city abroad
  // (Paris, France; London, England) gives way to a namesake within FOREIGN_KM of the article's other
  // places when nothing else in the text is in the city's country.
  const localPts = anchors.filter(
    (o) => o.chosen && o.chosen.kind !== 'admin1' && o.chosen.feature !== 'L.RGN',
  );
  const countryTown = new Map<string, Cand | null>();
  for (const m of accepted) {
    const c = m.chosen;
    if (!c || m.qualCountry || m.area || m.unknown || m.refs.length < 2) continue;
    if (c.kind !== 'country' && c.kind !== 'city') continue;
    // "US", "UK" written as abbreviations are the countries, not a village called Us
    if (/^[A-Z.]{2,5}$/.test(text.slice(m.start, m.end))) continue;
    const isCountry = c.kind === 'country';
    let town = countryTown.get(m.key);
    if (town === undefined) {
      town = null;
      if ((placeVotes.get(c.country ?? '') ?? 0) < 0.5) {
        let bestD = Infinity;
        for (const r of m.refs) {
          const t = g.cand(r);
          if (t.kind !== 'city' || t === c || t.country === c.country) continue;
          let d = isCountry && stateShare(t) > 0 ? 0 : Infinity;
          for (const o of localPts)
            if (o.key !== m.key && o.chosen) d = Math.min(d, km(t.lat, t.lon, o.chosen.lat, o.chosen.lon));
          if (d < (isCountry ? 100 : FOREIGN_KM) && d < bestD) [town, bestD] = [t, d];
        }
      }
      countryTown.set(m.key, town);
    }
    if (town) m.chosen = town;
  }

  // the text names the country outright: its capital beats a small namesake elsewhere (Paris is the French
  // capital in a Kentucky story that names France, not the Kentucky town)
  const namedCountries = new Set(
    accepted.filter((m) => m.chosen?.kind === 'country' && !m.isQualifier).map((m) => m.chosen!.country),
  );
  const named = (k: string | null): boolean => (placeVotes.get(k ?? '') ?? 0) >= 1 || namedCountries.has(k);
  const capitalNamed = new Map<string, Cand | null>();
  for (const m of accepted) {
    const c = m.chosen;
    if (!c || c.kind !== 'city' || c.population >= 50_000 || m.qualCountry || m.area || m.unknown) continue;
    if (m.refs.length < 2) continue;
    let cap = capitalNamed.get(m.key);
    if (cap === undefined) {
      cap = null;
      for (const r of m.refs) {
        const t = g.cand(r);
        if (t.kind === 'city' && t.feature === 'P.PPLC' && t.country !== c.country && named(t.country))
          cap = t;
      }
      capitalNamed.set(m.key, cap);
    }
    if (cap) m.chosen = cap;
  }
}

/** The mentions kept: cities with evidence, now that the article's places are known; one sense per name. */
function withEvidence(accepted: Found[], focus: string | null, stateShare: (c: Cand) => number): Found[] {
  const keysSeen = new Map<string, Found>();
  for (const m of accepted) {
    const prev = keysSeen.get(m.key);
    if (!prev || m.score > prev.score || m.qualAdmin || m.qualCountry) {
      if (!prev || !(prev.qualAdmin || prev.qualCountry) || m.qualAdmin || m.qualCountry)
        keysSeen.set(m.key, m);
    }
  }
  const supportedKeys = new Set(accepted.filter((m) => m.support).map((m) => m.key));
  const out: Found[] = [];
  for (const m of accepted) {
    const c = m.chosen;
    if (!m.area && !c) continue;
    if (c && c.kind === 'city') {
      const ok =
        m.support ||
        supportedKeys.has(m.key) ||
        c.population >= 100_000 ||
        c.feature === 'P.PPLC' ||
        (focus !== null && c.country === focus && c.population >= 5000) ||
        stateShare(c) > 0;
      if (!ok) continue;
    }
    // one sense per name per article
    const lead = keysSeen.get(m.key);
    if (lead && lead !== m && lead.chosen) m.chosen = lead.chosen;
    out.push(m);
  }
  return out;
}

/**
 * Datelines: "WASHINGTON —", "CHICAGO (AP)": a sentence that opens with a city in capitals is a dateline, and the
 * US cities that stand alone in datelines (AP style) are the big ones, whatever state the story names.
 */
function datelines(scan: Scan, found: Found[]): void {
  const { doc, tokens, text, g, w } = scan;
  for (const m of found) {
    if (m.area || m.unknown || m.qualCountry || !w.dateline.has(m.key)) continue;
    const first = tokens[m.first]!;
    if (m.first !== doc.sentences[first.sent]!.first) continue;
    const written = text.slice(m.start, m.end);
    if (written !== written.toUpperCase()) continue;
    let big: Cand | null = null;
    // "NEW YORK" is New York City, which the gazetteer holds under that name
    for (const r of [...m.refs, ...g.lookup(`${m.key} city`)]) {
      const c = g.cand(r);
      if (c.kind === 'city' && c.country === 'US' && (!big || c.population > big.population)) big = c;
    }
    if (big) {
      m.refs = [big.ref];
      m.qualCountry = 'US';
    }
  }
}

/**
 * Coherence: each mention's candidate by its score plus its closeness to the other (non-country) places of the
 * article (the anchors); the second pass sees the first's choices.
 */
function coherence(
  g: Gazetteer,
  accepted: Found[],
  anchors: Found[],
  score: (m: Found, c: Cand) => number,
): void {
  const coherenceDone = new Map<string, Cand>();
  for (let pass = 0; pass < PASSES && anchors.length > 0; pass++) {
    coherenceDone.clear();
    for (const m of accepted) {
      if (!m.chosen || m.area || m.refs.length < 2 || m.qualAdmin) continue;
      const done = !m.qualCountry ? coherenceDone.get(m.key) : undefined;
      if (done) {
        m.chosen = done;
        continue;
      }
      let bestC = m.chosen;
      let bestS = -Infinity;
      const cands = topCands(g, m.refs, 40);
      for (const c of cands) {
        // closeness: each other place name within 100 km adds 1.5 (within 300 km 0.6), at most 4.5
        let near = 0;
        const seen = new Set<string>();
        for (const o of anchors) {
          if (o === m || o.key === m.key || !o.chosen || seen.has(o.key)) continue;
          const d = km(c.lat, c.lon, o.chosen.lat, o.chosen.lon);
          if (d < 100) near += 1.5;
          else if (d < 300) near += 0.6;
          else continue;
          seen.add(o.key);
        }
        near = Math.min(near, 4.5);
        const s = score(m, c) + near;
        if (s > bestS) [bestC, bestS] = [c, s];
      }
      m.chosen = bestC;
      m.score = bestS;
      if (!m.qualCountry) coherenceDone.set(m.key, bestC);
    }
  }
}

/**
 * Areas (X County) not in the gazetteer: place them at the article's local centre. Our data has no
 * counties, so the point is a resolved town of the article: the one with the most other named places
 * within 250 km (where the story is), then the one named most often (a local paper's home town), then
 * the nearest in the text. "X County, State" keeps to towns of that state, else the state's point.
 */
function placeAreas(
  scan: Scan,
  out: Found[],
  stateVotes: Map<string, number>,
  focus: string | null,
  stateShare: (c: Cand) => number,
): void {
  const { doc, tokens, text, g } = scan;
  const counts = new Map<string, number>();
  const localByKey = new Map<string, Cand>();
  for (const o of out) {
    if (o.area || !o.chosen || o.chosen.kind === 'country' || o.chosen.kind === 'admin1') continue;
    if (o.chosen.feature === 'L.CONT' || o.chosen.feature === 'L.RGN') continue;
    counts.set(o.key, (counts.get(o.key) ?? 0) + 1);
    if (!localByKey.has(o.key) && localByKey.size < 30) localByKey.set(o.key, o.chosen);
  }
  let topState: string | null = null;
  let topStateV = 0;
  for (const [k, v] of stateVotes) if (v > topStateV) [topState, topStateV] = [k, v];
  const cluster = new Map<string, number>();
  for (const [k, c] of localByKey) {
    let n = 0;
    for (const [k2, c2] of localByKey) if (k2 !== k && km(c.lat, c.lon, c2.lat, c2.lon) < 250) n++;
    cluster.set(k, n);
  }
  for (const m of out) {
    if (!m.area) continue;
    const sent = doc.sentences[tokens[m.first]!.sent]!;
    const q =
      (m.last + 2 < sent.last && tokens[m.last + 1]!.text === ','
        ? scan.qualifierAt(m.last + 2, sent.last)
        : null) ?? (m.key.endsWith(' parish') ? { country: 'US', admin: 'LA', last: m.last } : null);
    let anchor: Cand | null = null;
    let bestRank = -Infinity;
    for (const o of out) {
      if (o.area || !o.chosen || !localByKey.has(o.key)) continue;
      if (q && (o.chosen.country !== q.country || (q.admin && o.chosen.admin !== q.admin))) continue;
      const rank =
        10 * (cluster.get(o.key) ?? 0) +
        4 * stateShare(o.chosen) +
        3 * Math.min(counts.get(o.key) ?? 0, 5) -
        Math.abs(o.first - m.first) / 1000;
      if (rank > bestRank) [anchor, bestRank] = [o.chosen, rank];
    }
    if (!anchor && q) anchor = q.admin ? g.admin1(q.country ?? '', q.admin) : g.country(q.country ?? '');
    // no local town: the state the article names most, else the focus country
    if (!anchor && topState) anchor = g.admin1(topState.slice(0, 2), topState.slice(3));
    anchor ??= focus ? g.country(focus) : null;
    // a town of the area's name in the anchor's state (Lexington in Lexington County, S.C.)
    if (anchor && anchor.admin && anchor.country) {
      const base = normName(text.slice(m.start, tokens[m.last - 1]!.end));
      let bestTown: Cand | null = null;
      for (const r of g.lookup(base)) {
        const c = g.cand(r);
        if (c.kind !== 'city' || c.country !== anchor.country || c.admin !== anchor.admin) continue;
        if (!bestTown || c.population > bestTown.population) bestTown = c;
      }
      if (bestTown && km(bestTown.lat, bestTown.lon, anchor.lat, anchor.lon) < 250) anchor = bestTown;
    }
    if (anchor) {
      m.chosen = standIn(anchor, m, text, 'A.ADM2');
    }
  }
}

/**
 * A county and a town named in the same article lie together: "Huntsville" and "Walker County" are the
 * Huntsville inside Walker County, Texas. For each pair of a county name and a town name, the candidates of
 * each that lie within PAIR_KM of a candidate of the other share one point (a town name found near many
 * counties, like Franklin, gives each little). Returns ref → points, at most 2 per candidate.
 */
function countyPairs(g: Gazetteer, found: Found[]): Map<number, number> {
  const out = new Map<number, number>();
  const counties = new Map<string, Cand[]>();
  const towns = new Map<string, Cand[]>();
  for (const m of found) {
    if (m.area || m.unknown || m.refs.length === 0) continue;
    if (counties.has(m.key) || towns.has(m.key)) continue;
    const cands = topCands(g, m.refs, 40);
    const cs = cands.filter((c) => c.kind === 'admin2');
    if (cs.length) {
      if (counties.size < 10) counties.set(m.key, cs);
      continue;
    }
    const ts = cands.filter((c) => c.kind === 'city' && c.country === 'US');
    if (ts.length && towns.size < 30) towns.set(m.key, ts);
  }
  if (!counties.size || !towns.size) return out;
  const add = (list: Cand[]): void => {
    for (const c of list) out.set(c.ref, Math.min(2, (out.get(c.ref) ?? 0) + 1 / list.length));
  };
  for (const [ck, cs] of counties) {
    for (const [tk, ts] of towns) {
      // a town named like the county (DeKalb in DeKalb County) is found beside every county of the name
      if (ck.startsWith(tk + ' ')) continue;
      const pc = new Set<Cand>();
      const pt = new Set<Cand>();
      for (const c of cs)
        for (const t of ts)
          if (c.admin === t.admin && km(c.lat, c.lon, t.lat, t.lon) < PAIR_KM) {
            pc.add(c);
            pt.add(t);
          }
      add([...pc]);
      add([...pt]);
    }
  }
  return out;
}

/**
 * Towns named together lie together: "New London", "Mount Pleasant" and "Winfield" are the three that lie
 * within a few miles of each other in Iowa, not the largest of each name. For each town candidate, the number
 * of the article's other town names (at most 2 counted) that have a candidate within CLUSTER_KM of it. Every
 * candidate of every name is looked at, not the first choices, so a wrong first choice does not pull the rest.
 * Only candidates in the article's focus country gain (without a focus, nothing), and only for names whose
 * largest place is in that country.
 */
function townClusters(g: Gazetteer, found: Found[], focus: string | null): Map<number, number> {
  const out = new Map<number, number>();
  const names: Cand[][] = [];
  /** per name: it is also a country, region or our own alias */
  const strong: boolean[] = [];
  const seen = new Set<string>();
  for (const m of found) {
    if (m.area || m.unknown || m.refs.length === 0 || seen.has(m.key) || names.length >= 20) continue;
    seen.add(m.key);
    const all = topCands(g, m.refs, 20);
    const cands = all.filter((c) => c.kind === 'city' || c.kind === 'admin2');
    if (cands.length) {
      names.push(cands);
      strong.push(all.some((c) => c.kind !== 'city' && c.kind !== 'admin2'));
    }
  }
  if (names.length < 2) return out;
  const dLat = CLUSTER_KM / 111;
  for (let a = 0; a < names.length; a++) {
    // only a name best known in the focus country is sorted out this way: Manchester, Derby and Rome keep
    // their English and Italian senses in a story that happens to lean American
    // (nor a name that is also a region or country — Wales — or whose largest place is a capital — Washington)
    if (a < strong.length && strong[a]) continue;
    let top: Cand | null = null;
    for (const c of names[a]!) if (c.kind === 'city' && (!top || c.population > top.population)) top = c;
    if (!top || top.country !== focus || top.feature === 'P.PPLC' || top.feature === 'P.PPLA') continue;
    for (const c of names[a]!) {
      if (c.kind !== 'city' || c.country !== focus) continue;
      let n = 0;
      for (let b = 0; b < names.length && n < 2; b++) {
        if (b === a) continue;
        for (const o of names[b]!) {
          if (Math.abs(o.lat - c.lat) > dLat || o.ref === c.ref) continue;
          if (km(c.lat, c.lon, o.lat, o.lon) < CLUSTER_KM) {
            n++;
            break;
          }
        }
      }
      if (n) out.set(c.ref, n);
    }
  }
  return out;
}

function isAliasRef(g: Gazetteer, ref: number, key: string): boolean {
  // a city reached through one of our aliases under a spelling that is not its own name
  return normName(g.cand(ref).name) !== key;
}

/**
 * The candidates of a list of refs, cached by the list: the gazetteer hands out one cached list per name, and
 * the steps above each ask for the candidates of every mention again. The lists are only read, never changed.
 */
const candLists = new WeakMap<readonly number[], readonly Cand[]>();
function candsOf(g: Gazetteer, refs: readonly number[]): readonly Cand[] {
  let cands = candLists.get(refs);
  if (!cands) {
    cands = refs.map((r) => g.cand(r));
    candLists.set(refs, cands);
  }
  return cands;
}

/** the candidates of refs; of a list longer than n, the n largest */
function topCands(g: Gazetteer, refs: readonly number[], n: number): readonly Cand[] {
  return refs.length > n ? topByPop(g, refs, n) : candsOf(g, refs);
}

function topByPop(g: Gazetteer, refs: readonly number[], n: number): Cand[] {
  return refs
    .map((r) => g.cand(r))
    .sort((a, b) => (b.kind !== 'city' ? 1 : 0) - (a.kind !== 'city' ? 1 : 0) || b.population - a.population)
    .slice(0, n);
}

/** great-circle distance in km */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dlat = (lat2 - lat1) * r;
  const dlon = (lon2 - lon1) * r;
  const a = Math.sin(dlat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dlon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Place records for doc.places, in text order. */
export function toPlaces(doc: Doc, found: Found[]): Place[] {
  return found
    .filter((m) => m.chosen)
    .map((m) => {
      const c = m.chosen!;
      return {
        start: m.start,
        end: m.end,
        text: doc.text.slice(m.start, m.end),
        name: c.name,
        geonameid: c.geonameid,
        country: c.country,
        lat: c.lat,
        lon: c.lon,
        feature: c.feature,
      };
    });
}
