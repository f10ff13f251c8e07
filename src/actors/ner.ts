// Named entities on wink tokens: gazetteer matches (the actor knowledge base) and capitalised runs
// classified by cues (titles, organisation/place words, given names, context), with document-level
// consistency (a surname seen in a full person name is a person everywhere in the article).
import type { EntityType } from '../result.js';
import type { Doc, Token } from '../text/doc.js';
import { normWord, type KnowledgeBase, type NameHit } from './kb.js';

/** An entity found by the finder, with what the knowledge base knows about it. */
export interface Found {
  /** token range [first, last) */
  first: number;
  last: number;
  type: EntityType;
  /** the knowledge-base hit, when the name is known */
  hit: NameHit | null;
  /** first token of a title phrase right before the name ("Syrian President"), or -1 */
  titleFirst: number;
  /** followed by a possessive 's */
  possessive: boolean;
  /** typed by a strong cue (title, place preposition, organisation word), for document consistency */
  strong: boolean;
}

const MONTH_PREP = new Set([
  'in',
  'on',
  'since',
  'until',
  'by',
  'last',
  'next',
  'early',
  'late',
  'mid',
  'from',
  'through',
  'of',
  'before',
  'after',
  'during',
]);
/** the type of a lone capitalised word nothing else explains */
const DEFAULT_SINGLE: EntityType = 'ORG';
const LETTER_UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const ALPHA = /\p{L}/u;
const POSSESSIVE = new Set(["'s", "'", '’s', '’']);
const OPEN = new Set(['"', '“', '‘', "'", '(', '[', ':', '-', '–', '—', '|']);
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'abu',
  'abd',
  'bint',
  'ben',
  'ould',
  'van',
  'von',
  'de',
  'di',
  'da',
  'du',
  'la',
  'le',
  'mc',
  'mac',
  'st',
  'o',
  'd',
  'ad',
  'as',
  'ash',
  'an',
  'ar',
  'at',
  'az',
  'adh',
  'ath',
  'ul',
  'ur',
]);
// words that may sit inside a name only when the name ends in an organisation word
const WEAK_CONNECTORS = new Set(['and', '&', 'for', 'on', 'the', 'of']);

const CAP = 1;
const CAPS = 2;
const IS_ALPHA = 4;
/** sentence in upper case (headline), so case says nothing */
const SHOUT = 8;
/** first word of a sentence, a quote, or after a colon/dash */
const START = 16;

/** What the finder knows of each token of one article, in arrays indexed by token (built once per article,
 *  no object per token). A token index past the end reads as no flags. */
class TokenFacts {
  /** normalised key of each token */
  readonly keys: string[];
  /** CAP | CAPS | IS_ALPHA | SHOUT | START per token */
  readonly flags: Uint8Array;

  constructor(n: number) {
    this.keys = new Array<string>(n);
    this.flags = new Uint8Array(n);
  }

  /** starts with an upper-case letter */
  cap(k: number): boolean {
    return ((this.flags[k] ?? 0) & CAP) !== 0;
  }
  /** two letters or more, all upper case */
  caps(k: number): boolean {
    return ((this.flags[k] ?? 0) & CAPS) !== 0;
  }
  alpha(k: number): boolean {
    return ((this.flags[k] ?? 0) & IS_ALPHA) !== 0;
  }
  shout(k: number): boolean {
    return ((this.flags[k] ?? 0) & SHOUT) !== 0;
  }
  start(k: number): boolean {
    return ((this.flags[k] ?? 0) & START) !== 0;
  }
}

export class EntityFinder {
  private readonly kb: KnowledgeBase;
  private readonly titles: Set<string>;
  private readonly orgWords: Set<string>;
  private readonly orgHeads: Set<string>;
  private readonly locWords: Set<string>;
  private readonly gpeWords: Set<string>;
  private readonly facWords: Set<string>;
  private readonly notName: Set<string>;
  private readonly locPrep: Set<string>;
  private readonly connectors: Set<string>;
  private readonly miscWords: Set<string>;
  private readonly places: Set<string>;
  private readonly titleMax: number;
  private readonly titleFirst = new Set<string>();
  /** the keys that open a longer name ("united", "united nations" for "united nations security council") */
  private readonly namePrefixes: Set<string>;
  /** normalised token keys of the last document (the resolver reuses them) */
  lastKeys: string[] = [];
  /** keys of sentence-opening words written in lower case elsewhere in the current document (outside upper-case lines) */
  private lowerKeys: Set<string> | null = null;
  /** per token of the current document: its longest knowledge-base match, null for none (see matchAt) */
  private matchMemo: ({ len: number; hit: NameHit } | null | undefined)[] = [];

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.titles = kb.cue('title');
    this.orgWords = kb.cue('org');
    this.orgHeads = kb.cue('orghead');
    this.locWords = kb.cue('loc');
    this.gpeWords = kb.cue('gpe');
    this.facWords = kb.cue('fac');
    this.notName = kb.cue('notname');
    this.locPrep = kb.cue('locprep');
    this.connectors = kb.cue('connector');
    this.miscWords = kb.cue('misc');
    this.places = kb.cue('place');
    let m = 1;
    for (const t of this.titles) {
      const w = t.split(' ');
      m = Math.max(m, w.length);
      this.titleFirst.add(w[0]!);
    }
    this.titleMax = m;
    this.namePrefixes = keyPrefixes(kb.names.keys());
  }

  find(doc: Doc): Found[] {
    const toks = doc.tokens;
    const info = this.tokenInfo(doc);
    const out: Found[] = [];
    this.lastKeys = info.keys;
    this.lowerKeys = null;
    this.matchMemo = new Array<{ len: number; hit: NameHit } | null | undefined>(toks.length);

    // 1. capitalised runs (and, in upper-case sentences, gazetteer matches only)
    let i = 0;
    while (i < toks.length) {
      if (info.shout(i)) {
        const m = this.matchAt(toks, info, i, true);
        if (m) {
          out.push(this.fromHit(toks, info, i, m.len, m.hit));
          i += m.len;
          continue;
        }
        const c = this.cityAt(toks, info, i);
        if (c) {
          out.push(this.make(toks, info, i, i + c, this.teamLine(toks, i + c) ? 'ORG' : 'GPE', null, -1));
          i += c;
          continue;
        }
        i++;
        continue;
      }
      if (!this.canStart(toks, info, i)) {
        i++;
        continue;
      }
      const end = this.runEnd(toks, info, i);
      this.segment(doc, info, i, end, out);
      i = end;
    }
    // 2. document consistency: unknown single names typed by a stronger mention elsewhere
    this.propagate(doc, info, out);
    // names are mostly found in text order: sort only when they are not
    for (let n = 1; n < out.length; n++)
      if (out[n - 1]!.first > out[n]!.first) {
        out.sort((a, b) => a.first - b.first);
        break;
      }
    return out;
  }

  private tokenInfo(doc: Doc): TokenFacts {
    const toks = doc.tokens;
    const info = new TokenFacts(toks.length);
    const { keys, flags } = info;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      const tx = t.text;
      let ascii = true;
      let upper = 0;
      let lower = 0;
      for (let q = 0; q < tx.length; q++) {
        const d = tx.charCodeAt(q);
        if (d >= 65 && d <= 90) upper++;
        else if (d >= 97 && d <= 122) lower++;
        else if (d >= 128) {
          ascii = false;
          break;
        }
      }
      let f = 0;
      if (ascii) {
        const c = tx.charCodeAt(0);
        if (upper + lower > 0) f |= IS_ALPHA;
        if (c >= 65 && c <= 90) f |= CAP;
        if (lower === 0 && upper >= 2) f |= CAPS;
        keys[k] = t.norm;
      } else {
        if (ALPHA.test(tx)) {
          f |= IS_ALPHA;
          if (LETTER_UPPER.test(tx)) f |= CAP;
          if (!HAS_LOWER.test(tx) && tx.replace(/[^\p{L}]/gu, '').length >= 2) f |= CAPS;
        }
        keys[k] = normWord(tx);
      }
      flags[k] = f;
    }
    for (const s of doc.sentences) {
      let alpha = 0;
      let upper = 0;
      for (let k = s.first; k < s.last; k++) {
        if (!(flags[k]! & IS_ALPHA) || toks[k]!.text.length < 2) continue;
        alpha++;
        if (flags[k]! & CAPS) upper++;
      }
      const shout = alpha >= 2 && upper / alpha >= 0.75 ? SHOUT : 0;
      let startNext = true;
      for (let k = s.first; k < s.last; k++) {
        flags[k] = flags[k]! | shout | (startNext ? START : 0);
        const tx = toks[k]!.text;
        // every opening mark is one character
        startNext =
          (tx.length === 1 && OPEN.has(tx)) || (startNext && !(flags[k]! & IS_ALPHA) && !/\d/.test(tx));
      }
    }
    return info;
  }

  /** Longest knowledge-base match at i. */
  private matchAt(
    toks: Token[],
    info: TokenFacts,
    i: number,
    shout: boolean,
    limit = toks.length,
  ): { len: number; hit: NameHit } | null {
    const first = info.keys[i]!;
    const max = Math.min(this.kb.maxLen.get(first) ?? 0, limit - i);
    if (!max) return null;
    // segment() asks the same position again with different limits: the longest lower-case match at i
    // with no limit is kept per document; it answers every limit it fits in, and "no match" answers all
    if (!shout) {
      let whole = this.matchMemo[i];
      if (whole === undefined) {
        const full = Math.min(this.kb.maxLen.get(first) ?? 0, toks.length - i);
        this.matchMemo[i] = whole = this.longestAt(toks, info, i, false, full);
      }
      if (!whole || whole.len <= max) return whole;
    }
    return this.longestAt(toks, info, i, shout, max);
  }

  private longestAt(
    toks: Token[],
    info: TokenFacts,
    i: number,
    shout: boolean,
    max: number,
  ): { len: number; hit: NameHit } | null {
    const pref = prefixKeys(info.keys, i, max, this.namePrefixes);
    const sent = toks[i]!.sent;
    for (let len = pref.length; len >= 1; len--) {
      // names do not run over spaces that hold sentence breaks
      if (toks[i + len - 1]!.sent !== sent) continue;
      const hits = this.kb.names.get(pref[len - 1]!);
      if (!hits) continue;
      // the best-ranked hit the case of the text allows (the first of equal rank)
      let pick: NameHit | null = null;
      for (const h of hits)
        if (this.caseOk(toks, info, i, len, h, shout) && (!pick || rank(h) > rank(pick))) pick = h;
      if (pick) return { len, hit: pick };
    }
    return null;
  }

  private caseOk(
    toks: Token[],
    info: TokenFacts,
    i: number,
    len: number,
    h: NameHit,
    shout: boolean,
  ): boolean {
    if (h.match === 'exact') {
      let s = '';
      for (let k = i; k < i + len; k++)
        s += (k > i && toks[k]!.start > toks[k - 1]!.end ? ' ' : '') + toks[k]!.text;
      return s === h.surface;
    }
    if (shout) return true;
    if (h.match === 'any') return true;
    // capitalised: the first token, and every other word except connectors
    if (!info.cap(i)) return false;
    for (let k = i + 1; k < i + len; k++) {
      const key = info.keys[k]!;
      if (!info.alpha(k) || info.cap(k) || this.connectors.has(key) || PARTICLES.has(key)) continue;
      if (h.kind === 'country' || h.kind === 'demonym' || h.kind === 'region' || h.kind === 'seat') continue;
      return false;
    }
    return true;
  }

  /** A city name in an upper-case line ("NEW YORK 1996-08-22"), 3 words at most. */
  private cityAt(toks: Token[], info: TokenFacts, i: number): number {
    if (!info.alpha(i)) return 0;
    for (let len = 3; len >= 1; len--) {
      if (i + len > toks.length || toks[i + len - 1]!.sent !== toks[i]!.sent) continue;
      let name = '';
      for (let q = i; q < i + len; q++) name += (q > i ? ' ' : '') + info.keys[q]!;
      if (this.places.has(name)) return len;
      const pop = this.kb.cities.get(name) ?? 0;
      if (pop >= (len > 1 ? 30000 : 200000) && !this.kb.commonWords.has(name)) return len;
    }
    return 0;
  }

  private canStart(toks: Token[], info: TokenFacts, i: number): boolean {
    if (info.cap(i)) return true;
    // "al-Assad" starts with a lower-case particle joined to a capitalised word
    // (the cheap tests first: this is asked of every lower-case token)
    if (
      toks[i + 1]?.text === '-' &&
      joined(toks, i, i + 1) &&
      info.cap(i + 2) &&
      PARTICLES.has(info.keys[i]!)
    )
      return true;
    return false;
  }

  /** End (exclusive) of a capitalised run starting at i. */
  private runEnd(toks: Token[], info: TokenFacts, i: number): number {
    let j = i + 1;
    const sent = toks[i]!.sent;
    for (;;) {
      const t = toks[j];
      if (!t || t.sent !== sent) break;
      // hyphen joining two parts of one name: al-Assad, Russian-Chinese
      if (t.text === '-' && joined(toks, j - 1, j) && joined(toks, j, j + 1)) {
        if (
          info.cap(j + 1) ||
          (j + 1 < toks.length && PARTICLES.has(info.keys[j + 1]!) && toks[j + 2]?.text === '-')
        ) {
          j++;
          continue;
        }
        break;
      }
      if (info.cap(j) && !POSSESSIVE.has(t.text)) {
        const pv = toks[j - 1]!.text;
        if (
          pv === '-' ||
          !/[.,;:!?)"”]$/.test(pv) ||
          (/^\p{Lu}\p{Ll}?\.$/u.test(pv) && joinedSpace(toks, j - 1, j))
        ) {
          j++;
          continue;
        }
        break;
      }
      // lower-case connectors inside names: Bank of England, Abu Bakr al-Baghdadi
      const key = info.keys[j]!;
      if ((this.connectors.has(key) || PARTICLES.has(key)) && !info.cap(j)) {
        let k = j;
        while (
          k < toks.length &&
          toks[k]!.sent === sent &&
          !info.cap(k) &&
          (this.connectors.has(info.keys[k]!) ||
            PARTICLES.has(info.keys[k]!) ||
            (toks[k]!.text === '-' && joined(toks, k - 1, k)))
        )
          k++;
        if (k < toks.length && toks[k]!.sent === sent && info.cap(k) && k - j <= 2) {
          j = k;
          continue;
        }
      }
      break;
    }
    return j;
  }

  /** Split a capitalised run into entities. */
  private segment(doc: Doc, info: TokenFacts, s: number, e: number, out: Found[]): void {
    const toks = doc.tokens;
    // trailing connectors never end a name
    while (e > s + 1 && !info.cap(e - 1) && !ALPHA.test(toks[e - 1]!.text.slice(-1))) e--;
    s = this.trimStart(toks, info, s, e);
    if (s >= e) return;
    if (this.wholeRun(toks, info, s, e, out)) return;
    this.split(doc, info, s, e, out);
  }

  /** First token of a run [s, e) once the words that do not open a name are dropped. */
  private trimStart(toks: Token[], info: TokenFacts, s: number, e: number): number {
    // a sentence-initial common word is not a name ("Many", "Meanwhile", "New EU measures")
    while (s < e && info.start(s) && this.commonStart(toks, info, s, e)) s++;
    // drop words that are never names by themselves at the edges
    while (
      s < e &&
      this.notName.has(info.keys[s]!) &&
      !this.matchAt(toks, info, s, false, e) &&
      !this.places.has(`${info.keys[s]!} ${info.keys[s + 1] ?? ''}`) &&
      !this.kb.cities.has(`${info.keys[s]!} ${info.keys[s + 1] ?? ''}`)
    )
      s++;
    while (s < e && !info.cap(s) && !this.canStart(toks, info, s)) s++;
    return s;
  }

  /** The whole run [s, e) as one name: known, or shaped like an organisation/place name. True when
   *  the run is settled (one entity pushed, or a miscellaneous name that is no entity). */
  private wholeRun(toks: Token[], info: TokenFacts, s: number, e: number, out: Found[]): boolean {
    const whole = this.matchAt(toks, info, s, false, e);
    if (whole && whole.len === e - s) {
      out.push(this.fromHit(toks, info, s, whole.len, whole.hit));
      return true;
    }
    if (e - s > 1 && this.miscWords.has(info.keys[e - 1]!) && !this.startsWithTitle(info, s, e)) return true;
    let shaped = this.shapeType(info, s, e);
    // "Porto Alegre for the World Social Forum": a known place before a connector is a name of its own
    for (let c = s + 1; shaped && c < e; c++) {
      if (!WEAK_CONNECTORS.has(info.keys[c]!) || info.cap(c) || info.keys[c]! === 'of') continue;
      let head = '';
      for (let q = s; q < c; q++) head += (q > s ? ' ' : '') + info.keys[q]!;
      const m = this.matchAt(toks, info, s, false, c);
      if ((m && m.len === c - s) || this.kb.cities.has(head) || this.places.has(head)) shaped = null;
      break;
    }
    // "General Motors": a title word that also opens organisation names
    if (
      shaped &&
      (e - s >= 3 ||
        !this.startsWithTitle(info, s, e) ||
        (shaped === 'ORG' && this.orgHeads.has(info.keys[s]!)))
    ) {
      out.push(this.make(toks, info, s, e, shaped, null, -1));
      return true;
    }
    return false;
  }

  /** Split a run [s, e) at weak connectors (and, for, of, the) when the parts are names of their own. */
  private split(doc: Doc, info: TokenFacts, s: number, e: number, out: Found[]): void {
    const toks = doc.tokens;
    let k = s;
    let titleFirst = -1;
    while (k < e) {
      if (!info.cap(k) && !this.canStart(toks, info, k)) {
        k++;
        continue;
      }
      // title words: President, Foreign Secretary, Mr
      const tl = this.titleAt(info, k, e);
      if (tl) {
        if (titleFirst < 0) titleFirst = k;
        k += tl;
        continue;
      }
      const m = this.matchAt(toks, info, k, false, e);
      if (m) {
        const f = this.fromHit(toks, info, k, m.len, m.hit);
        if (f.type === 'NORP' && titleFirst < 0) {
          out.push(f);
          // "Syrian President ..." : the demonym opens a title phrase
          if (this.titleAt(info, k + m.len, e)) titleFirst = k;
          k += m.len;
          continue;
        }
        f.titleFirst = titleFirst;
        out.push(f);
        titleFirst = -1;
        k += m.len;
        continue;
      }
      const j = this.stretchEnd(toks, info, k, e);
      if (j === k + 1 && titleFirst < 0 && this.weakSingle(toks, info, k)) {
        k = j;
        continue;
      }
      if (this.miscWords.has(info.keys[j - 1]!) && titleFirst < 0) {
        k = j;
        continue;
      }
      const [type, strong] = this.classify(doc, info, k, j, titleFirst);
      const f = this.make(toks, info, k, j, type, null, titleFirst);
      f.strong = strong;
      out.push(f);
      titleFirst = -1;
      k = j;
    }
  }

  /** End of an unknown stretch of a run from k: up to the next weak connector or known name. */
  private stretchEnd(toks: Token[], info: TokenFacts, k: number, e: number): number {
    let j = k + 1;
    while (j < e) {
      const key = info.keys[j]!;
      const cap = info.cap(j);
      if (WEAK_CONNECTORS.has(key) && !cap) break;
      // a title inside the run starts a person's name: "Tory MP Patrick Mercer"
      if (
        cap &&
        this.titleFirst.has(key) &&
        this.titleAt(info, j, e) &&
        info.cap(j + this.titleAt(info, j, e))
      )
        break;
      if (cap && toks[j - 1]!.text !== '-' && this.kb.maxLen.has(key)) {
        const mm = this.matchAt(toks, info, j, false, e);
        if (mm && (mm.hit.kind !== 'person' || mm.len > 1)) break;
      }
      j++;
    }
    while (j > k + 1 && !info.cap(j - 1)) j--;
    // "Michael Jordan": a given name followed by a one-word known name is a person's name
    if (j === k + 1 && this.kb.givenNames.has(info.keys[k]!) && j < e && info.cap(j)) {
      const mm = this.matchAt(toks, info, j, false, e);
      if (!mm || mm.len === 1) j++;
    }
    return j;
  }

  /** A lone capitalised word that is not a name: a weekday, a common word, an adjective. */
  private weakSingle(toks: Token[], info: TokenFacts, k: number): boolean {
    const key = info.keys[k]!;
    if (key === 'may' && (/^\d/.test(toks[k + 1]?.text ?? '') || MONTH_PREP.has(info.keys[k - 1] ?? '')))
      return true;
    if (this.kb.givenNames.has(key) || info.caps(k)) return false;
    if (this.notName.has(key)) return true;
    if (this.kb.commonWords.has(key) && !this.kb.cities.has(key)) return true;
    // a role noun ("MPs", "Ministers") is not a name
    if (this.kb.agents.has(key)) return true;
    // "Anti-globalisation", "Arab-backed": a compound ending in a lower-case word
    if (/-\p{Ll}+$/u.test(toks[k]!.text)) return true;
    // a label opening a line ("Scorers:", "Standings:")
    if (info.start(k) && toks[k + 1]?.text === ':' && /s$/.test(key) && !this.kb.cities.has(key)) return true;
    if (toks[k]!.pos === 'ADJ' && !this.kb.cities.has(key)) return true;
    // adjectives of religion, nation or sport ("Islamic", "Olympic", "Moslem") are not actors by themselves
    if (/(ic|ist|ism)$/.test(key) && !this.kb.cities.has(key) && !this.kb.maxLen.has(key)) return true;
    return false;
  }

  private commonStart(toks: Token[], info: TokenFacts, s: number, e: number): boolean {
    const key = info.keys[s]!;
    const t = toks[s]!;
    if (this.kb.maxLen.has(key) && this.matchAt(toks, info, s, false, e)) return false;
    if (this.titleAt(info, s, e)) return false;
    if (this.kb.givenNames.has(key)) return false;
    // the same word written in lower case elsewhere in the article
    if (!this.lowerKeys) {
      // built on first use, once per document (this used to be a scan of all tokens per call); only the
      // words that open a sentence are ever asked, so only those are kept
      const { keys, flags } = info;
      const opening = new Set<string>();
      for (let k = 0; k < keys.length; k++) if (flags[k]! & START) opening.add(keys[k]!);
      this.lowerKeys = new Set();
      for (let k = 0; k < keys.length; k++)
        if ((flags[k]! & (IS_ALPHA | CAP | SHOUT)) === IS_ALPHA && opening.has(keys[k]!))
          this.lowerKeys.add(keys[k]!);
    }
    if (this.lowerKeys.has(key)) return true;
    if (this.kb.commonWords.has(key) && !this.kb.cities.has(key)) return true;
    // "New EU measures": an unknown first word before a known name
    if (
      s + 1 < e &&
      this.kb.maxLen.has(info.keys[s + 1]!) &&
      this.matchAt(toks, info, s + 1, false, e) &&
      !this.kb.cities.has(key + ' ' + info.keys[s + 1]!)
    )
      return true;
    if (t.pos !== 'PROPN') return true;
    if (this.notName.has(key)) return true;
    return false;
  }

  private titleAt(info: TokenFacts, k: number, e: number): number {
    const first = info.keys[k];
    if (first === undefined || !this.titleFirst.has(first)) return 0;
    let key = '';
    let best = 0;
    const max = Math.min(this.titleMax, e - k - 1);
    for (let len = 1; len <= max; len++) {
      key += (len > 1 ? ' ' : '') + info.keys[k + len - 1]!;
      // a title must be followed by more name
      if (this.titles.has(key)) best = len;
    }
    return best;
  }

  private startsWithTitle(info: TokenFacts, s: number, e: number): boolean {
    return this.titleAt(info, s, e) > 0;
  }

  /** ORG/LOC/FAC/GPE from the last word (or "Bank of ..."). */
  private shapeType(info: TokenFacts, s: number, e: number): EntityType | null {
    if (e - s < 2) return null;
    const last = info.keys[e - 1]!;
    if (this.orgWords.has(last)) return 'ORG';
    if (this.facWords.has(last)) return 'FAC';
    if (this.locWords.has(last)) return 'LOC';
    if (this.gpeWords.has(last)) return 'GPE';
    if (this.orgHeads.has(info.keys[s]!) && (info.keys[s + 1] === 'of' || info.keys[s + 1] === 'for'))
      return 'ORG';
    for (let q = s + 1; q < e - 1; q++) if (info.keys[q]! === '&') return 'ORG';
    if (this.locWords.has(info.keys[s]!) && info.keys[s + 1] === 'of') return 'LOC';
    return null;
  }

  private classify(
    doc: Doc,
    info: TokenFacts,
    k: number,
    j: number,
    titleFirst: number,
  ): [EntityType, boolean] {
    const toks = doc.tokens;
    if (titleFirst >= 0) return ['PERSON', true];
    const prev = k > 0 && toks[k - 1]!.sent === toks[k]!.sent ? info.keys[k - 1]! : '';
    const prev2 = k > 1 ? `${info.keys[k - 2]!} ${prev}` : '';
    if (prev && (this.titles.has(prev) || this.titles.has(prev2))) return ['PERSON', true];
    const shaped = this.shapeType(info, k, j);
    if (shaped) return [shaped, true];
    // "the Mazzeh boulevard", "Hama province": a lower-case place word right after
    const after = toks[j];
    if (after && after.sent === toks[k]!.sent && /^\p{Ll}/u.test(after.text)) {
      const w = info.keys[j]!;
      if (this.facWords.has(w)) return ['FAC', true];
      if (this.locWords.has(w)) return ['LOC', true];
      if (this.gpeWords.has(w)) return ['GPE', true];
    }
    const len = j - k;
    const first = info.keys[k]!;
    if (this.kb.givenNames.has(first) && len >= 2) return ['PERSON', true];
    if (len === 1 && info.caps(k) && toks[k]!.text.length <= 6) return ['ORG', false];
    let name = '';
    for (let q = k; q < j; q++) name += (q > k ? ' ' : '') + info.keys[q]!;
    if (this.places.has(name)) return [this.teamLine(toks, j) ? 'ORG' : 'GPE', true];
    const city = this.kb.cities.get(name) ?? 0;
    if (this.kb.givenNames.has(first) && len === 1 && city < 100000) return ['PERSON', false];
    if (city > 0) return [this.teamLine(toks, j) ? 'ORG' : 'GPE', false];
    if (this.locPrep.has(prev) || this.locPrep.has(prev2)) return ['GPE', true];
    if (len >= 2) {
      // "Phil Simmons": two or three plain capitalised words are most often a person
      let plain = true;
      for (let q = k; q < j; q++)
        if (info.caps(q) || /\d/.test(toks[q]!.text) || toks[q]!.text === '-') plain = false;
      // ... unless a word of it is an ordinary word ("Red Star", "All Blacks")
      for (let q = k; q < j; q++)
        if (this.kb.commonWords.has(info.keys[q]!) && !this.kb.givenNames.has(info.keys[q]!)) plain = false;
      if (plain && len <= 3) return ['PERSON', false];
      return ['ORG', false];
    }
    const next = toks[j];
    if (next && next.sent === toks[k]!.sent && (next.lemma === 'say' || next.lemma === 'tell'))
      return ['PERSON', false];
    // "Khan (Pakistan)": a name with its country in brackets is a competitor
    if (next?.text === '(' && toks[j + 2]?.text === ')') {
      const c = this.kb.names.get(info.keys[j + 1]!);
      if (c?.some((h) => h.kind === 'country' || h.kind === 'demonym')) return ['PERSON', true];
    }
    // "Smith, 29,": an age in apposition
    if (next?.text === ',' && /^\d{2}$/.test(toks[j + 1]?.text ?? '') && toks[j + 2]?.text === ',')
      return ['PERSON', true];
    return [DEFAULT_SINGLE, false];
  }

  /** A name followed by a score in a line without verbs ("Chicago 5 Boston 3") is a team. */
  private teamLine(toks: Token[], j: number): boolean {
    const nx = toks[j];
    if (!nx || !/^\d{1,3}$/.test(nx.text)) return false;
    const s = toks[j - 1]!.sent;
    let a = j;
    while (a > 0 && toks[a - 1]!.sent === s) a--;
    for (let q = a; q < toks.length && toks[q]!.sent === s; q++) if (toks[q]!.pos === 'VERB') return false;
    return true;
  }

  private fromHit(toks: Token[], info: TokenFacts, i: number, len: number, hit: NameHit): Found {
    return this.make(toks, info, i, i + len, typeOfHit(hit), hit, -1);
  }

  private make(
    toks: Token[],
    info: TokenFacts,
    first: number,
    last: number,
    type: EntityType,
    hit: NameHit | null,
    titleFirst: number,
  ): Found {
    void info;
    const nx = toks[last];
    return {
      first,
      last,
      type,
      hit,
      titleFirst,
      possessive: !!nx && POSSESSIVE.has(nx.text) && nx.start === toks[last - 1]!.end,
      // always set (one object shape); classify() may turn it on
      strong: false,
    };
  }

  /** Single unknown names take the type of the same word inside a stronger entity of the article. */
  private propagate(doc: Doc, info: TokenFacts, out: Found[]): void {
    const surname = new Map<string, EntityType>();
    const whole = new Map<string, EntityType>();
    const personSurnames = new Set<string>();
    // the key of each found name, built once (it was built again in each pass below)
    const names = new Map<Found, string>();
    for (const f of out) {
      let name = '';
      for (let q = f.first; q < f.last; q++) name += (q > f.first ? ' ' : '') + info.keys[q]!;
      names.set(f, name);
      if (f.hit || f.titleFirst >= 0 || f.strong || f.last - f.first > 1) whole.set(name, f.type);
      if (f.type === 'PERSON' && f.last - f.first >= 2) {
        surname.set(info.keys[f.last - 1]!, 'PERSON');
        if (!f.hit && this.kb.givenNames.has(info.keys[f.first]!)) personSurnames.add(info.keys[f.last - 1]!);
      }
      if (f.type === 'PERSON' && f.titleFirst >= 0) surname.set(info.keys[f.last - 1]!, 'PERSON');
    }
    // weakly typed names take the type most of their occurrences got
    const votes = new Map<string, Map<EntityType, number>>();
    const nameOf = (f: Found): string => names.get(f)!;
    for (const f of out) {
      if (f.hit || f.titleFirst >= 0 || f.strong) continue;
      const n = nameOf(f);
      let v = votes.get(n);
      if (!v) votes.set(n, (v = new Map()));
      v.set(f.type, (v.get(f.type) ?? 0) + 1);
    }
    for (const f of out) {
      if (f.hit || f.titleFirst >= 0 || f.strong) continue;
      const v = votes.get(nameOf(f));
      if (!v || v.size < 2) continue;
      let bt = f.type;
      let bn = 0;
      for (const [t, n] of v) if (n > bn) [bt, bn] = [t, n];
      f.type = bt;
    }
    for (const f of out) {
      if (f.hit && f.last - f.first === 1 && (f.hit.kind === 'country' || f.hit.kind === 'capital')) {
        const k = info.keys[f.first]!;
        if (surname.get(k) === 'PERSON' && personSurnames.has(k)) {
          f.type = 'PERSON';
          f.hit = null;
        }
        continue;
      }
      if (f.hit || f.titleFirst >= 0 || f.strong) continue;
      const name = nameOf(f);
      const s = f.last - f.first === 1 ? surname.get(name) : undefined;
      if (s) f.type = s;
      else if (f.last - f.first === 1 && whole.has(name)) f.type = whole.get(name)!;
    }
    void doc;
  }
}

/** "a", "a b", "a b c": the keys of the first 1..max tokens from i, as long as they open a longer name */
export function prefixKeys(keys: string[], i: number, max: number, prefixes: Set<string>): string[] {
  if (max < 1) return [];
  let key = keys[i]!;
  const out = [key];
  for (let q = 1; q < max && prefixes.has(key); q++) {
    key += ' ' + keys[i + q]!;
    out.push(key);
  }
  return out;
}

/** Every part of a multi-word key that ends before one of its spaces. */
export function keyPrefixes(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const key of keys)
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) out.add(key.slice(0, at));
  return out;
}

/** one plain space between two tokens ("S. Waugh") */
function joinedSpace(toks: Token[], a: number, b: number): boolean {
  const x = toks[a];
  const y = toks[b];
  return !!x && !!y && y.start - x.end === 1;
}

function joined(toks: Token[], a: number, b: number): boolean {
  const x = toks[a];
  const y = toks[b];
  return !!x && !!y && x.end === y.start;
}

function typeOfHit(h: NameHit): EntityType {
  switch (h.kind) {
    case 'person':
      return 'PERSON';
    case 'org':
    case 'group':
    case 'seat':
      return 'ORG';
    case 'country':
    case 'capital':
      return 'GPE';
    case 'region':
      return 'LOC';
    case 'demonym':
      return 'NORP';
  }
}

const KIND_RANK: Record<NameHit['kind'], number> = {
  person: 6,
  org: 5,
  group: 5,
  country: 7,
  seat: 4,
  capital: 3,
  region: 2,
  demonym: 1,
};

/** Among hits of one name: user entries first, then countries, persons and orgs over other places. */
function rank(h: NameHit): number {
  return (h.user ? 100 : 0) + (KIND_RANK[h.kind] ?? 0);
}
