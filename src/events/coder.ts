// The event coder: clauses and noun phrases of each sentence → coded events with actors, mode, date, place.
import countries from '../countries.js';
import type { Event, EventActor, EventMode, EventPlace, Place, Time } from '../result.js';
import type { ActorMention, Doc, Sentence, Token } from '../text/doc.js';
import { codeInfo } from './codebook.js';
import { loadNoise, type Noise } from './noise.js';
import { chunkIndex, parseSentence, type Chunk, type Clause, type PP } from './parse.js';
import { anchoredRelations, valueToDate, type AnchoredRelation } from '../times/index.js';
import { anyInSet, inSet, type ControlClass, type Pattern, type PatternSet } from './patterns.js';

/** Hooks into other stages' public APIs (filled by index.ts when those stages exist). */
export interface CoderHooks {
  /** the place a span of text is about (places stage) */
  placeForSpan?: (doc: Doc, start: number, end: number) => Place | null;
}

interface Cand {
  code: string;
  pattern: Pattern;
  sentence: number;
  trigger: [number, number];
  sources: EventActor[];
  targets: EventActor[];
  targetPlace: Place | null;
  mode: EventMode;
  clause: Clause | null;
  date: string | null;
  place: Place | null;
  /** token range whose date comes from an anchored relation */
  nominal: boolean;
  /** the NP of a nominal event */
  np: Chunk | null;
}

const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const TARGET_PREPS = [
  'against',
  'on',
  'with',
  'to',
  'from',
  'at',
  'toward',
  'towards',
  'into',
  'over',
  'of',
  'for',
  'in',
  'upon',
  'by',
  'among',
  // "host a meeting between X and Y": both sides
  'between',
];
/** prepositions whose phrase right after an object completes it ("aid to X", "blockade of X", "calls by X") */
const OBJECT_COMPLEMENT = new Set(['of', 'to', 'from', 'by', 'against', 'on']);
/** auxiliaries of a past or perfect verb group ("had agreed", "was freed") */
const PAST_AUX = new Set(['had', 'has', 'have', 'was', 'were', 'did']);
/** prepositions that say where, not to whom */
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across']);
const PLACE_PREPS = new Set([
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'around',
  'across',
  'into',
  'on',
  'off',
]);
const PARTITIVE = new Set(
  'one some many most all member leader head government army force troop minister president official spokesman spokeswoman delegation group part ministry thousand thousands hundred hundreds dozen dozens million millions score scores number crowd sea band unit contingent battalion team republic state kingdom people city region province authority administration parliament council'.split(
    ' ',
  ),
);
/** prepositions after an uncoded subject head that name whose group it is ("police in X", "doctors from X") */
const GROUP_PREPS = new Set(['in', 'from', 'of', 'at']);
/** quantity heads whose of-phrase is the real object ("500 kg of medicine", "$5m worth of goods") */
const MEASURE = new Set(
  'kg kilogram kilo ton tonne pound litre liter gallon barrel worth amount quantity consignment shipment load batch lot package bag crate box container truckload planeload cargo supply'.split(
    ' ',
  ),
);
/** units of money: an object counted in them is money ("300 million dollars", "$5m") */
const MONEY = new Set(
  'dollar euro pound yen yuan rupee franc rouble ruble riyal dinar peso shekel lira'.split(' '),
);
const CURRENCY_SIGN = new Set(['$', '£', '€', '¥']);
/** a stand-in head for a sum of money, which &ECONAID names as "money" */
const MONEY_TOKEN = { lemma: 'money', norm: 'money' } as Token;
/** generic heads of noun compounds whose modifier says what they are ("mediation mission", "aid convoy") */
const GENERIC_HEAD = new Set(
  'mission effort effort package shipment convoy program programme operation process flight consignment delivery campaign initiative plan scheme drive'.split(
    ' ',
  ),
);
const PHYS_ROLES = new Set(['MIL', 'REB', 'INS', 'SEP', 'COP', 'SPY', 'UAF', 'IMG', 'CRM', 'TER']);
const PHYS_WORDS = new Set(
  'troop soldier force army militant rebel gunman insurgent police fighter militia jet aircraft warplane tank helicopter drone missile rocket bomb shell mortar artillery gun village town city base camp convoy position border civilian people killing killed dead wounded injured suicide explosion checkpoint grenade weapon air ground bombing attacker extremist terrorist protester'.split(
    ' ',
  ),
);
/** unnamed assailants: their force is coded from the place where it was used */
const ASSAILANT = new Set(
  'gunman attacker assailant bomber militant insurgent sniper kidnapper hijacker terrorist extremist jihadist guerrilla assassin mob rioter raider rebel fighter pirate arsonist'.split(
    ' ',
  ),
);
const VERBAL_ATTACK = new Set(['attack', 'hit', 'strike', 'assault', 'blast', 'batter', 'savage']);
/** force verbs of everyday figurative use ("costs hit profits", "Spain beat Italy 2-1"): a state as source is not
 * enough to make them physical */
const WEAK_FORCE = new Set(['hit', 'beat', 'strike', 'batter', 'punch']);
const ABSTRACT = new Set(
  'poverty crime corruption disease inflation unemployment racism discrimination obesity drug fraud cancer aids hiv climate illiteracy hunger prejudice fire'.split(
    ' ',
  ),
);
const TRIGGER = 1;
const SPORT = 2;
const ENT = 4;
const REPORTING = new Set(
  'say tell announce declare confirm state add insist warn report claim deny reiterate stress note indicate believe think promise pledge vow threaten admit acknowledge decide reply argue explain suggest'.split(
    ' ',
  ),
);
const ELABORATIVE = new Set(['include', 'involve', 'comprise', 'contain']);

/** the hyphen compound that ends a phrase ("a sit-in" → "sit-in"), if any */
function compound(T: Token[], np: Chunk): string | null {
  const k = np.last - 1;
  if (k - 2 < np.first) return null;
  const a = T[k - 2]!;
  const h = T[k - 1]!;
  const b = T[k]!;
  if (h.text !== '-' || a.end !== h.start || h.end !== b.start) return null;
  return `${a.norm}-${b.norm}`;
}

function iso3(iso2: string | null): string | null {
  if (!iso2) return null;
  return countries.alpha2ToAlpha3(iso2.toUpperCase()) ?? null;
}

/** prepositions of time and circumstance: their phrase is no content of the clause's act */
const ADJUNCT_PREPS = new Set([
  'after',
  'before',
  'since',
  'until',
  'following',
  'despite',
  'amid',
  'during',
]);
/** roots of acts of expression: a purpose clause of these is done by the act itself ("marched to demand") */
const EXPRESSIVE_ROOTS = new Set(['01', '02', '10', '11', '12', '13', '14']);
/** roots of violence (18-20): with no named victim, the people of the place it happened */
const ASSAULT_ROOT = /^(18|19|20)/;
/** unnamed victims of violence ("killed 23 people"): they are the people of the place it happened */
const VICTIMS = new Set(
  'people person civilian man woman child villager resident passer-by bystander worker student pilgrim worshipper'.split(
    ' ',
  ),
);
/** codes of coercion and force (17-20) */
const FORCE_ROOT = /^(17|18|19|20)/;
/** roots whose events without a named target are domestic by CAMEO practice */
const DOMESTIC_ROOTS = new Set(['08', '09', '10', '13', '14', '15', '17']);
/** a media actor: a role segment MED after the country ("USAMED", "FRAMED") */
function isMedia(code: string | null): boolean {
  if (!code) return false;
  for (let i = 3; i + 3 <= code.length; i += 3) if (code.slice(i, i + 3) === 'MED') return true;
  return false;
}
function isState(code: string): boolean {
  return code.length === 3 && !!countries.alpha3ToAlpha2(code);
}

function modeOfClass(c: ControlClass | undefined): EventMode | null {
  switch (c) {
    case 'request':
    case 'demand':
      return 'requested';
    case 'intend':
      return 'intended';
    case 'threaten':
      return 'threatened';
    case 'refuse':
    case 'deny':
      return 'denied';
    case 'expect':
      return 'expected';
    case 'hypothetical':
      return 'hypothetical';
    case 'implicative':
      return null;
    default:
      return null;
  }
}

/** A date moved by n days/weeks/months/years; a vague distance (n null) keeps the month. */
function shift(date: string, n: number | null, unit: 'D' | 'W' | 'M' | 'Y'): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return null;
  if (n === null) return date.slice(0, 7);
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : 0;
  const d = m[3] ? Number(m[3]) : 1;
  const x = new Date(Date.UTC(y, mo, d));
  if (unit === 'D' || unit === 'W') {
    if (!m[3]) return date;
    x.setUTCDate(x.getUTCDate() + (unit === 'W' ? 7 * n : n));
    return x.toISOString().slice(0, 10);
  }
  if (unit === 'M') {
    x.setUTCMonth(x.getUTCMonth() + n);
    return x.toISOString().slice(0, 7);
  }
  return String(y + n);
}

/** "deported without facing torture", "arrested without firing a shot": what comes "without" did not happen */
function afterWithout(T: Token[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 5); j--) {
    const t = T[j]!;
    if (t.pos === 'PUNCT' || t.sent !== T[k]!.sent) return false;
    if (t.norm === 'without') return true;
  }
  return false;
}

function precision(date: string | null): Event['date_precision'] {
  if (!date) return 'unknown';
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** Can the words [first, last) hold an anchored relation ("three days after ...")? The times stage's
 *  anchoredRelations looks for "after" or "before" (also split off "mid-"); most sentences have neither. */
function mayRelate(T: Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const n = T[k]!.norm;
    if (n === 'after' || n === 'before' || n.startsWith('mid-')) return true;
  }
  return false;
}

/** The sentence being coded: its parse, and the events, modes and dates found so far. */
class SentenceState {
  readonly T: Token[];
  readonly sent: Sentence;
  /** "N days after ...": events on the relative side are dated from the clause that holds the phrase */
  readonly rels: AnchoredRelation[];
  readonly published: string | null;
  /** the dates and times of this sentence, in text order: dateOf reads them for every clause and phrase */
  readonly sentTimes: Time[];
  /** object NPs a verb pattern used up: no nominal events of their own */
  readonly consumed = new Set<Chunk>();
  readonly clauseEvents = new Map<Clause, Cand[]>();
  readonly clauseMode = new Map<Clause, EventMode>();
  readonly clauseDate = new Map<Clause, string | null>();
  /** the verb event of each clause */
  readonly verbCands = new Map<Clause, Cand>();
  /** events derived from others (control, readiness, conditions), added to cands after them */
  readonly extra: Cand[] = [];

  constructor(
    readonly doc: Doc,
    readonly s: number,
    readonly mentionAt: Int32Array,
    /** the article's events so far: this sentence adds its own */
    readonly cands: Cand[],
    readonly chunks: Chunk[],
    readonly clauses: Clause[],
  ) {
    this.T = doc.tokens;
    const sent = doc.sentences[s]!;
    this.sent = sent;
    this.rels = mayRelate(this.T, sent.first, sent.last) ? anchoredRelations(doc, s) : [];
    this.published = doc.meta.published;
    this.sentTimes = doc.times.filter(
      (t) => t.end > sent.start && t.start < sent.end && (t.type === 'DATE' || t.type === 'TIME'),
    );
  }
}

export class Coder {
  private readonly P: PatternSet;
  private readonly hooks: CoderHooks;
  private readonly noise: Noise;
  /** per-token flags of the article being coded (TRIGGER | SPORT | ENT) */
  private flags: Uint8Array | null = null;
  /** the flags of every word of the pattern and cue tables, built once: one lookup per token instead of four
   *  (a cache of every lemma seen would grow to tens of thousands of entries; this table stays small) */
  private readonly wordFlags: Map<string, number>;
  private lemmaFlags(l: string): number {
    return this.wordFlags.get(l) ?? 0;
  }

  /** appositions of the sentence being coded */
  private appos: Map<Chunk, Chunk> | null = null;

  constructor(patterns: PatternSet, hooks: CoderHooks = {}) {
    this.P = patterns;
    this.hooks = hooks;
    this.noise = loadNoise();
    const wf = new Map<string, number>();
    const add = (words: Iterable<string>, f: number): void => {
      for (const w of words) wf.set(w, (wf.get(w) ?? 0) | f);
    };
    add(patterns.verbs.keys(), TRIGGER);
    add(patterns.nouns.keys(), TRIGGER);
    add(this.noise.sport, SPORT);
    add(this.noise.entertainment, ENT);
    this.wordFlags = wf;
  }

  code(doc: Doc): Event[] {
    const T = doc.tokens;
    if (!T.length) return [];
    // the longest actor mention over each token
    const mentionAt = new Int32Array(T.length).fill(-1);
    doc.mentions.forEach((m, mi) => {
      for (let k = m.first; k < m.last && k < T.length; k++) {
        const cur = mentionAt[k]!;
        if (cur < 0 || doc.mentions[cur]!.last - doc.mentions[cur]!.first < m.last - m.first)
          mentionAt[k] = mi;
      }
    });
    // one pass over the tokens: trigger words and sport / entertainment cues (bit flags per lemma, cached)
    const flags = new Uint8Array(T.length);
    let sportHits = 0;
    for (let k = 0; k < T.length; k++) {
      const f = this.lemmaFlags(T[k]!.lemma);
      flags[k] = f;
      if (f & SPORT) sportHits++;
    }
    this.flags = flags;
    const sportyArticle = sportHits >= 6 && sportHits / T.length > 0.01;
    const cands: Cand[] = [];
    for (let s = 0; s < doc.sentences.length; s++) {
      const ctx = this.sentenceContext(doc, s, mentionAt, sportyArticle);
      if (ctx) this.sentence(doc, s, mentionAt, cands, ctx.sport, ctx.ent);
    }
    return this.finish(doc, cands);
  }

  // ── actors ────────────────────────────────────────────────────────────────────────────────────────────
  private mentionsIn(doc: Doc, mentionAt: Int32Array, first: number, last: number): ActorMention[] {
    const out: ActorMention[] = [];
    let prev = -1;
    for (let k = first; k < last; k++) {
      const mi = mentionAt[k]!;
      if (mi >= 0 && mi !== prev) {
        out.push(doc.mentions[mi]!);
        prev = mi;
      }
    }
    return out;
  }

  private actor(m: ActorMention): EventActor {
    return { start: m.start, end: m.end, code: m.code, actor: m.actor, text: m.text };
  }

  /** The actors an NP names: the one nearest its head, or all of a hyphen/and compound ("Russian-Chinese"). */
  private npActors(
    doc: Doc,
    mentionAt: Int32Array,
    np: Chunk,
    forTarget: boolean,
    compound = false,
  ): EventActor[] {
    const T = doc.tokens;
    // the coded mentions of the phrase, in one pass (as a target: no possessive pronoun, and not the actor of a
    // participle modifier: "Arab-backed", "US-led")
    const ms: ActorMention[] = [];
    let prev = -1;
    for (let k = np.first; k < np.last; k++) {
      const mi = mentionAt[k]!;
      if (mi < 0 || mi === prev) continue;
      prev = mi;
      const m = doc.mentions[mi]!;
      if (!m.code) continue;
      if (forTarget && m.kind === 'pronoun' && POSSESSIVE.has(m.text.toLowerCase())) continue;
      if (forTarget && T[m.last]?.text === '-' && T[m.last + 1]?.pos === 'VERB' && m.last + 1 < np.head)
        continue;
      ms.push(m);
    }
    if (!ms.length) return [];
    // prefer the mention holding the head, else those before it
    const atHead = compound ? undefined : ms.find((m) => m.first <= np.head && m.last > np.head);
    if (atHead) return [this.actor(atHead)];
    const before = ms.filter((m) => m.last <= np.head + 1);
    const pick = before.length ? before : ms;
    const last = pick[pick.length - 1]!;
    const group = [last];
    for (let i = pick.length - 2; i >= 0; i--) {
      const a = pick[i]!;
      const b = group[0]!;
      // one word between them: a hyphen, "and" or a slash
      const between = b.first - a.last === 1 ? T[a.last]!.norm : null;
      if (between === '-' || between === 'and' || between === '/') group.unshift(a);
      else break;
    }
    return group.map((m) => this.actor(m));
  }

  /** Actors of a list of conjunct NPs, with the "one of X" partitive reading. */
  private subjectActors(doc: Doc, mentionAt: Int32Array, nps: Chunk[], chunks: Chunk[]): EventActor[] {
    const out: EventActor[] = [];
    const T = doc.tokens;
    for (const np of nps) {
      let got = this.npActors(doc, mentionAt, np, false);
      const alt = this.appos?.get(np);
      if (!got.length && alt) got = this.npActors(doc, mentionAt, alt, false);
      if (!got.length && (PARTITIVE.has(T[np.head]!.lemma) || T[np.head]!.pos === 'NUM')) {
        const ci = chunkIndex(chunks, np);
        if (
          chunks[ci + 1]?.kind === 'P' &&
          T[chunks[ci + 1]!.first]!.norm === 'of' &&
          chunks[ci + 2]?.kind === 'NP'
        ) {
          got = this.npActors(doc, mentionAt, chunks[ci + 2]!, false);
        }
      }
      // "police in Kenya", "doctors from Canada", "demonstrators in Cairo": an uncoded group noun takes the
      // actor (else the place's country) of a following in/from phrase
      // (a short chain: "members of parliament from X", "journalists at a newspaper in X")
      if (!got.length && T[np.head]!.pos !== 'PRON') {
        let ci = chunkIndex(chunks, np);
        for (let hop = 0; hop < 3 && !got.length; hop++, ci += 2) {
          const p = chunks[ci + 1];
          const q = chunks[ci + 2];
          if (!(p?.kind === 'P' && GROUP_PREPS.has(T[p.first]!.norm) && q?.kind === 'NP')) break;
          got = this.npActors(doc, mentionAt, q, false);
          // "diplomats from Russia and the United States": each conjunct's group
          for (let j = ci + 4; chunks[j - 1]?.kind === 'CC' && chunks[j]?.kind === 'NP'; j += 2)
            got.push(...this.npActors(doc, mentionAt, chunks[j]!, false));
          if (!got.length) {
            const pt = this.placeTarget(doc, q);
            if (pt) got = [pt.actor];
          }
        }
      }
      for (const a of got) if (!out.some((o) => o.start === a.start)) out.push(a);
    }
    return out;
  }

  private placeIn(doc: Doc, np: Chunk): Place | null {
    const T = doc.tokens;
    const a = T[np.first]!.start;
    const b = T[np.last - 1]!.end;
    if (this.hooks.placeForSpan) {
      const p = this.hooks.placeForSpan(doc, a, b);
      if (p && p.start >= a && p.end <= b) return p;
      if (p) return null;
    }
    for (const p of doc.places) if (p.start >= a && p.end <= b) return p;
    return null;
  }

  /** The first place of a clause's place phrases ("in Beirut", "in the capital city of Algiers"). */
  private clausePlace(doc: Doc, pps: PP[]): { actor: EventActor; place: Place } | null {
    for (let i = 0; i < pps.length; i++) {
      if (!PLACE_PREPS.has(pps[i]!.prep)) continue;
      const pt =
        this.placeTarget(doc, pps[i]!.np) ??
        (pps[i + 1]?.prep === 'of' ? this.placeTarget(doc, pps[i + 1]!.np) : null);
      if (pt) return pt;
    }
    return null;
  }

  private placeTarget(doc: Doc, np: Chunk): { actor: EventActor; place: Place } | null {
    const p = this.placeIn(doc, np);
    const code = p ? iso3(p.country) : null;
    if (!p || !code) return null;
    return { actor: { start: p.start, end: p.end, code, actor: null, text: p.text }, place: p };
  }

  // ── one sentence ──────────────────────────────────────────────────────────────────────────────────────
  /** The sentence's sport / entertainment context if it can hold an event, else null. Kept out of sentence():
   *  most sentences stop here, and entering sentence() (with its many closures) costs more than this test. */
  private sentenceContext(
    doc: Doc,
    s: number,
    mentionAt: Int32Array,
    sportyArticle: boolean,
  ): { sport: boolean; ent: boolean } | null {
    const T = doc.tokens;
    const sent = doc.sentences[s]!;
    // no coded actor, no trigger word: nothing to code (most sentences of an article stop here)
    let actors = false;
    let trigger = false;
    let sportWords = 0;
    let ent = false;
    const flags = this.flags!;
    for (let k = sent.first; k < sent.last; k++) {
      const mi = mentionAt[k]!;
      if (mi >= 0 && !actors && doc.mentions[mi]!.code) actors = true;
      const f = flags[k]!;
      if (f & TRIGGER) trigger = true;
      if (f & SPORT) sportWords++;
      else if (f & ENT) ent = true;
    }
    if (!trigger) return null;
    // no coded actor: a place with a country may still give a group its actor ("demonstrators in Cairo")
    if (!actors) {
      const a = T[sent.first]!.start;
      const b = T[sent.last - 1]!.end;
      if (!doc.places.some((p) => p.start >= a && p.end <= b && p.country)) return null;
    }
    return { sport: sportyArticle || sportWords >= 2, ent };
  }

  private sentence(
    doc: Doc,
    s: number,
    mentionAt: Int32Array,
    cands: Cand[],
    sport: boolean,
    ent: boolean,
  ): void {
    const sent = doc.sentences[s]!;
    const { chunks, clauses, appos } = parseSentence(doc, sent.first, sent.last);
    this.appos = appos;
    const st = new SentenceState(doc, s, mentionAt, cands, chunks, clauses);
    this.clauseModes(st);
    this.verbEvents(st);
    this.nominalEvents(st);
    this.dropRestated(st);
    this.controlEvents(st);
    this.lendAndPrune(st);
    const { verbCands } = st;
    for (const c of verbCands.values()) cands.push(c);
    // "threatened to strike unless Israel rescinded ...": a threat with no named target is aimed at whoever the
    // condition asks to act
    for (const c of cands) {
      if (c.sentence !== s || !c.code.startsWith('13') || c.targets.length) continue;
      const cond = clauses.find((d) => d.conditional && d.vg.first > c.trigger[0] && d.subjectFrom === 'np');
      if (!cond) continue;
      const t = this.subjectActors(doc, mentionAt, cond.subject, chunks).filter(
        (a) => !c.sources.some((b) => (b.code ?? '').slice(0, 3) === (a.code ?? '').slice(0, 3)),
      );
      if (t.length) c.targets = t;
    }

    // noise: sport and entertainment contexts
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i]!;
      if (c.sentence !== s) continue;
      const root = Number(c.code.slice(0, 2));
      // (in sport, visits, hosting, help, retreats and surrenders are fixtures and plays: only statements and
      // appeals, roots 01-02, stay)
      if ((sport && root >= 3) || (ent && root >= 17)) cands.splice(i, 1);
    }
  }

  // ── the parts of sentence(): each a method of its own, so that the JIT compiles small units early ──
  /** the reporting clause that embeds cl ("X said [it would ...]"), if any */
  private reportedBy(st: SentenceState, cl: Clause): Clause | null {
    const { clauses } = st;
    const idx = clauses.indexOf(cl);
    for (let i = idx - 1; i >= 0; i--) {
      const r = clauses[i]!;
      if (REPORTING.has(r.lemma) && this.embeds(st, r, cl)) return r;
    }
    return null;
  }

  /** is d the finite clause right after cl's verb ("said [that] d")? */
  private embeds(st: SentenceState, cl: Clause, d: Clause): boolean {
    const { T } = st;
    if (d === cl || d.form !== 'finite' || d.subjectFrom !== 'np' || !d.subject.length) return false;
    const s0 = d.subject[0]!.first;
    if (s0 < cl.vg.last) return false;
    const end = cl.region[1];
    return (
      d.vg.first === end ||
      (s0 === end + 1 && T[end]!.norm === 'that') ||
      (s0 === end && d.vg.first <= end + 6)
    );
  }

  /** sources of a clause; an uncoded pronoun subject after a reporting verb is the reporter */
  private clauseSources(st: SentenceState, cl: Clause): EventActor[] {
    const { doc, T, mentionAt, chunks } = st;
    const src = this.subjectActors(doc, mentionAt, cl.subject, chunks);
    if (src.length || cl.subject.length !== 1) return src;
    const np = cl.subject[0]!;
    if (np.last - np.first !== 1 || T[np.first]!.pos !== 'PRON') return src;
    const r = this.reportedBy(st, cl);
    return r ? this.subjectActors(doc, mentionAt, r.subject, chunks) : src;
  }

  /** Date of the words [first, last): own time expression, else anchored relation, else the fallback. */
  private dateOf(
    st: SentenceState,
    first: number,
    last: number,
    fallback: string | null,
  ): { date: string | null; own: boolean } {
    const { T, clauses, rels, published, sentTimes, clauseDate } = st;
    const a = T[first]!.start;
    let b = T[Math.max(first, last - 1)]!.end;
    for (const r of rels) if (a < r.trigger.start && b > r.trigger.start) b = r.trigger.start;
    const rel = rels.find((r) => a >= r.relativeSide.start && a < r.relativeSide.end);
    let anchor = fallback;
    if (rel) {
      const host = clauses.filter((c) => T[c.vg.first]!.end <= rel.trigger.start).pop();
      anchor = fallback === null ? null : ((host && clauseDate.get(host)) ?? published);
    }
    // 1. the clause's own time expression (not the "three days" of a relation)
    for (const t of sentTimes) {
      if (t.end <= a || t.start >= b) continue;
      if (rels.some((r) => t.start < r.trigger.end && r.trigger.start < t.end)) continue;
      const d = valueToDate(t.value, published);
      if (d.date) return { date: d.date, own: true };
    }
    // 2. the relative side of "N days after ...": the anchor moved by the distance
    if (rel) {
      if (!anchor) return { date: null, own: false };
      return { date: shift(anchor, rel.offset.n, rel.offset.unit), own: false };
    }
    // 3. the fallback (the publication date for actual events)
    return { date: anchor ? (valueToDate(anchor, published).date ?? anchor) : null, own: false };
  }

  private controlOf(st: SentenceState, cl: Clause): ControlClass | undefined {
    const { clauses } = st;
    const P = this.P;
    let c = P.control.get(cl.lemma);
    // "began to withdraw", "forced X to retreat" imply the complement; "began a strike to protest" does not:
    // an implicative verb with an object of its own governs no complement
    if (c === 'implicative' && cl.object) {
      const own = clauses.some(
        (d) => d.governor === cl && d.subjectFrom === 'control' && d.subject[0] === cl.object,
      );
      if (!own) c = undefined;
    }
    // "wants Germany to pay": an intention for someone else to act is a request of them
    if (
      c === 'intend' &&
      cl.object &&
      clauses.some((d) => d.governor === cl && d.subjectFrom === 'control' && d.subject[0] === cl.object)
    )
      return 'request';
    if (c) return c;
    return undefined;
  }

  /** the demanding or requesting clause whose that-clause cl is, if any */
  private requestedBy(st: SentenceState, cl: Clause): Clause | null {
    const { T, clauses } = st;
    // a subjunctive or "should" clause is asked for; "insisted it would not bow" is a claim
    if (cl.negated || (cl.modal && cl.modal !== 'should' && cl.modal !== 'must')) return null;
    // "demanded that he resign(s)" asks; "told MPs that the US had agreed" reports: a mandate is not in
    // the past, and after a verb of asking ("tell", "advise") it is in the base form
    const fin = T[cl.vg.first]!;
    const past = !cl.modal && (PAST_AUX.has(fin.norm) || (fin.norm.endsWith('ed') && fin.norm !== fin.lemma));
    const base = !cl.modal && fin.norm === fin.lemma;
    const idx = clauses.indexOf(cl);
    for (let i = idx - 1; i >= 0; i--) {
      const r = clauses[i]!;
      const c = this.controlOf(st, r);
      if (((c === 'demand' && !past) || (c === 'request' && (base || !!cl.modal))) && this.embeds(st, r, cl))
        return r;
    }
    return null;
  }

  // a purpose clause's event is only intended ("mobilized groups to help X"), unless it is the act's own
  // expression ("marched to demand", "shunned work to protest") or a gerund after "to" ("resorted to throwing")
  private purposeIntended(st: SentenceState, cl: Clause): boolean {
    const { T } = st;
    const P = this.P;
    if (T[cl.verb]!.norm.endsWith('ing')) return false;
    const first = P.verbs.get(cl.lemma)?.[0];
    return !first || !EXPRESSIVE_ROOTS.has(first.code.slice(0, 2));
  }

  // a control noun as the object of the governor: "renewed its appeal to X to extradite", "a plan to"
  private nounControl(st: SentenceState, cl: Clause): ControlClass | undefined {
    const { T } = st;
    const P = this.P;
    for (const np of [cl.object, ...cl.pps.map((pp) => pp.np)]) {
      if (!np) continue;
      const c = P.control.get(T[np.head]!.lemma);
      if (c && T[np.head]!.pos === 'NOUN') return c;
    }
    return undefined;
  }

  // adjectival control before an infinitive with no governing verb: "is ready to", "are due to"
  private adjControl(st: SentenceState, cl: Clause): ControlClass | undefined {
    const { T, sent } = st;
    const P = this.P;
    for (let k = cl.vg.first - 2; k >= sent.first && k >= cl.vg.first - 4; k--) {
      const c = P.control.get(T[k]!.lemma);
      if (c) return c;
      if (T[k]!.pos === 'VERB') break;
    }
    return undefined;
  }

  private makeCand(
    st: SentenceState,
    pattern: Pattern,
    trigger: [number, number],
    sources: EventActor[],
    targets: EventActor[],
    targetPlace: Place | null,
    cl: Clause | null,
    np: Chunk | null,
  ): Cand {
    const { T, s, rels, published, clauseMode, clauseDate } = st;
    let mode = cl ? (clauseMode.get(cl) ?? 'actual') : 'actual';
    if (mode === 'actual' && afterWithout(T, trigger[0])) mode = 'denied';
    let date = cl ? (clauseDate.get(cl) ?? null) : null;
    if (np) {
      const d = this.dateOf(st, np.first, np.last, mode === 'actual' ? (date ?? published) : null);
      if (
        d.own ||
        rels.some(
          (r) => T[np.first]!.start >= r.relativeSide.start && T[np.first]!.start < r.relativeSide.end,
        )
      ) {
        date = d.date;
      }
    }
    return {
      code: pattern.code,
      pattern,
      sentence: s,
      trigger,
      sources,
      targets,
      targetPlace,
      mode,
      clause: cl,
      date,
      place: targetPlace,
      nominal: !!np,
      np,
    };
  }

  private ppMatches(st: SentenceState, pps: PP[], pat: Pattern): boolean {
    const { T } = st;
    for (const f of pat.pps) {
      const ok = pps.some(
        (pp) => f.preps.has(pp.prep) && inSet(f.head, T[pp.np.head]!.lemma, T[pp.np.head]!.norm),
      );
      if (!ok) return false;
    }
    return true;
  }

  private hasWords(st: SentenceState, first: number, last: number, pat: Pattern): boolean {
    const { T } = st;
    for (const ws of pat.has) {
      let ok = false;
      for (let k = first; k < last && !ok; k++) ok = inSet(ws, T[k]!.lemma, T[k]!.norm);
      if (!ok) return false;
    }
    for (const ws of pat.not) {
      for (let k = first; k < last; k++) if (inSet(ws, T[k]!.lemma, T[k]!.norm)) return false;
    }
    return true;
  }

  /** Is actor a not among the clause's sources (exclude)? */
  private notSource(exclude: EventActor[], a: EventActor): boolean {
    for (const x of exclude) if ((x.actor && x.actor === a.actor) || x.start === a.start) return false;
    return true;
  }

  /** The target actors of an NP and its conjuncts (or the country of a place they name, if allowPlace),
   *  leaving out the sources; null when there are none. */
  private targetsOfNP(
    st: SentenceState,
    exclude: EventActor[],
    np: Chunk,
    more: Chunk[],
    allowPlace: boolean,
  ): { targets: EventActor[]; place: Place | null } | null {
    const { doc, mentionAt } = st;
    const out: EventActor[] = [];
    let place: Place | null = null;
    for (let k = -1; k < more.length; k++) {
      const n = k < 0 ? np : more[k]!;
      const before = out.length;
      for (const a of this.npActors(doc, mentionAt, n, true)) if (this.notSource(exclude, a)) out.push(a);
      if (out.length === before && allowPlace) {
        const pt = this.placeTarget(doc, n);
        if (pt && this.notSource(exclude, pt.actor)) {
          out.push(pt.actor);
          place ??= pt.place;
        }
      }
    }
    return out.length ? { targets: out, place } : null;
  }

  /** "agreed to US mediation in the talks with X": is pps[i] right after a phrase of no actor or place
   *  ("talks with X"), so that it belongs to that noun? */
  private nestedPP(st: SentenceState, pps: PP[], i: number): boolean {
    const prev = pps[i - 1];
    const last = prev ? (prev.more.length ? prev.more[prev.more.length - 1]! : prev.np) : null;
    if (!prev || !last || pps[i]!.np.first - last.last > 2) return false;
    return !this.npActors(st.doc, st.mentionAt, prev.np, true).length && !this.placeIn(st.doc, prev.np);
  }

  /** Targets: explicit frame phrase, the object, then phrases with target prepositions. */
  private findTargets(
    st: SentenceState,
    pat: Pattern,
    object: Chunk | null,
    objectMore: Chunk[],
    pps: PP[],
    exclude: EventActor[],
    nominal = false,
  ): { targets: EventActor[]; place: Place | null } {
    const { doc, mentionAt } = st;
    // "+T": the object is the target, or there is none ("received the envoy", not "received a letter from X")
    if (pat.objTarget && pat.obj === 'ANY' && !nominal) {
      // (the object itself is the actor: "received the envoy", not "received IMF support")
      const mi = object ? mentionAt[object.head]! : -1;
      if (mi < 0 || !doc.mentions[mi]!.code) return { targets: [], place: null };
      return this.targetsOfNP(st, exclude, object!, objectMore, false) ?? { targets: [], place: null };
    }
    for (const f of pat.pps) {
      if (!f.target) continue;
      for (const pp of pps) {
        if (!f.preps.has(pp.prep)) continue;
        const r = this.targetsOfNP(st, exclude, pp.np, pp.more, true);
        if (r) return r;
        break; // (only the first phrase with the frame's preposition)
      }
    }
    if (object) {
      const r = this.targetsOfNP(st, exclude, object, objectMore, true);
      if (r) return r;
      // "tightened the blockade of X", "halted aid to X", "rejected calls by X": the phrase right after an
      // object with no actor of its own completes it and names the target before the clause's other phrases
      const pp = pps[0];
      const lastObj = objectMore.length ? objectMore[objectMore.length - 1]! : object;
      if (pp && OBJECT_COMPLEMENT.has(pp.prep) && pp.np.first - lastObj.last <= 2) {
        const c = this.targetsOfNP(st, exclude, pp.np, pp.more, true);
        if (c) return c;
      }
    }
    if (nominal) {
      // "a veto of X on Y": the phrase right after the noun names its target first
      for (const pp of pps) {
        if (!TARGET_PREPS.includes(pp.prep)) continue;
        const r = this.targetsOfNP(st, exclude, pp.np, pp.more, true);
        if (r) return r;
      }
    }
    // a reporting verb speaks to its object or a "to" phrase ("told X", "said to X"), not to the phrases of
    // what it reports ("said the bus service between X and Y ..."); phrases nested in a noun of no actor or
    // place are read only when the clause's own phrases name no one (second pass)
    const say = !!pat.flags?.has('say');
    for (let pass = 0; pass < 2; pass++) {
      for (const prep of TARGET_PREPS) {
        if (say && prep !== 'to') continue;
        for (let i = 0; i < pps.length; i++) {
          const pp = pps[i]!;
          if (pp.prep !== prep || this.nestedPP(st, pps, i) !== (pass === 1)) continue;
          // "met in Geneva": a place after a preposition of location is where, not whom, unless force is
          // used there ("fighting in Homs" is against the people of Syria)
          const r = this.targetsOfNP(
            st,
            exclude,
            pp.np,
            pp.more,
            !LOCATIVE.has(prep) || FORCE_ROOT.test(pat.code),
          );
          if (r) return r;
        }
      }
    }
    return { targets: [], place: null };
  }

  /** The words that count as a clause's object head for a verb pattern's object (empty when it has none). */
  private objectHeads(st: SentenceState, cl: Clause): Token[] {
    const { T, chunks } = st;
    // in a passive clause the subject is the verb's object ("sanctions were imposed")
    const objs = cl.passive ? cl.subject : cl.object ? [cl.object, ...cl.objectMore] : [];
    const heads = objs.map((c) => T[c.head]!);
    // "staged a sit-in": a hyphen compound at the end of the phrase counts as one word
    for (const o of objs) {
      const w = compound(T, o);
      if (w) heads.push({ lemma: w, norm: w } as Token);
    }
    // "part of a stronghold", "most of the city": the head of the of-phrase counts too
    for (const o of objs) {
      const h = T[o.head]!;
      // "a mediation mission", "aid shipments": a generic head lets its noun modifier count
      if (GENERIC_HEAD.has(h.lemma) && o.head > o.first && T[o.head - 1]!.pos === 'NOUN')
        heads.push(T[o.head - 1]!);
      // "$500m", "300 million dollars": a sum of money ("$5m in aid": what it is in counts too)
      // (the sum itself, not "£22bn savings"; "£5m of cuts" is what its of-phrase says)
      const money =
        MONEY.has(h.lemma) ||
        ((h.pos === 'NUM' || /^(\d[\d.,]*)?(m|bn|mn|k|million|billion|trillion)$/.test(h.norm)) &&
          T.slice(o.first, o.last).some((t) => CURRENCY_SIGN.has(t.text)));
      const oi = chunkIndex(chunks, o);
      const sumOf =
        money &&
        chunks[oi + 1]?.kind === 'P' &&
        /^(of|in)$/.test(T[chunks[oi + 1]!.first]!.norm) &&
        chunks[oi + 2]?.kind === 'NP';
      if (money && !sumOf) heads.push(MONEY_TOKEN);
      if (!money && !PARTITIVE.has(h.lemma) && !MEASURE.has(h.lemma) && h.lemma !== 'part' && h.pos !== 'NUM')
        continue;
      if (
        chunks[oi + 1]?.kind === 'P' &&
        (T[chunks[oi + 1]!.first]!.norm === 'of' || (money && T[chunks[oi + 1]!.first]!.norm === 'in')) &&
        chunks[oi + 2]?.kind === 'NP'
      )
        heads.push(T[chunks[oi + 2]!.head]!);
    }
    return heads;
  }

  private clauseOfNP(st: SentenceState, ci: number): { cl: Clause | null; asObject: boolean } {
    const { chunks, clauses } = st;
    const np = chunks[ci]!;
    for (const cl of clauses) {
      if (cl.object === np || cl.objectMore.includes(np)) return { cl, asObject: true };
      for (const pp of cl.pps) if (pp.np === np || pp.more.includes(np)) return { cl, asObject: false };
    }
    for (const cl of clauses)
      if (np.first >= cl.region[0] && np.last <= cl.region[1]) return { cl, asObject: false };
    for (const cl of clauses) if (cl.subject.includes(np)) return { cl, asObject: false };
    return { cl: null, asObject: false };
  }

  private lend(st: SentenceState, bare: Pattern, cl: Clause, c: Cand, depth: number): boolean {
    const { clauses, verbCands } = st;
    for (const d of clauses) {
      if (d.governor !== cl) continue;
      const dc = verbCands.get(d);
      // (not the source itself: "rejected a call for its forces to be deployed in X")
      const own = (dc?.targets ?? []).filter(
        (a) => !c.sources.some((b) => (b.actor && b.actor === a.actor) || b.code === a.code),
      );
      if (own.length) {
        c.targets = own;
        return true;
      }
      const t = this.findTargets(st, bare, d.object, d.objectMore, d.pps, c.sources);
      if (t.targets.length) {
        c.targets = t.targets;
        c.targetPlace ??= t.place;
        return true;
      }
      if (depth < 2 && this.lend(st, bare, d, c, depth + 1)) return true;
    }
    return false;
  }

  /** Modes and dates of the clauses, in text order (governors come first). */
  private clauseModes(st: SentenceState): void {
    const { T, clauses, published, clauseMode, clauseDate } = st;
    // modes and dates, in text order (governors come first)
    for (const cl of clauses) {
      let mode: EventMode = 'actual';
      if (cl.negated) mode = 'denied';
      else if (cl.conditional) mode = 'hypothetical';
      else if (
        cl.modal === 'will' ||
        cl.modal === 'shall' ||
        (cl.modal === 'would' && this.reportedBy(st, cl))
      )
        mode = 'expected';
      else if ((cl.modal === 'must' || cl.modal === 'should') && this.reportedBy(st, cl)) mode = 'requested';
      else if (cl.modal) mode = 'hypothetical';
      // "demanded that Israel withdraw", "urged that talks resume": the clause is what is asked for
      if (mode === 'actual' && cl.form === 'finite' && this.requestedBy(st, cl)) mode = 'requested';
      const gov = cl.governor;
      if (cl.form === 'infinitive') {
        const inherited =
          cl.coordPrev?.form === 'infinitive'
            ? (clauseMode.get(cl.coordPrev) ?? 'actual')
            : gov
              ? (modeOfClass(this.controlOf(st, gov) ?? this.nounControl(st, gov)) ??
                // a purpose clause ("mobilized groups to help X") states an aim, not an event
                (this.controlOf(st, gov) || !this.purposeIntended(st, cl) ? null : 'intended') ??
                clauseMode.get(gov) ??
                'actual')
              : (modeOfClass(this.adjControl(st, cl)) ??
                // "have factories to meet demand": an infinitive after a noun, governed by no verb, is a purpose
                (T[cl.vg.first - 2]?.pos === 'NOUN' && this.purposeIntended(st, cl) ? 'intended' : 'actual'));
        if (mode === 'actual') mode = inherited;
        if (gov && mode === 'actual') mode = clauseMode.get(gov) ?? 'actual';
      } else if (cl.coordPrev && ELABORATIVE.has(cl.lemma)) {
        // "measures are expected to be agreed ... and could include a freeze": the freeze is the measure
        const lastDep = [...clauses]
          .reverse()
          .find((c) => c !== cl && (c === cl.coordPrev || c.governor === cl.coordPrev));
        mode = clauseMode.get(lastDep ?? cl.coordPrev) ?? mode;
      } else if (cl.coordPrev && mode === 'actual' && !cl.vg.first) {
        mode = clauseMode.get(cl.coordPrev) ?? mode;
      }
      if (cl.subjectFrom === 'participle' && mode === 'actual') {
        const prev = clauses[clauses.indexOf(cl) - 1];
        if (prev) mode = clauseMode.get(prev) ?? mode;
      }
      clauseMode.set(cl, mode);
      const subjStart = cl.subject.length && cl.subjectFrom === 'np' ? cl.subject[0]!.first : cl.vg.first;
      const own = this.dateOf(st, Math.min(subjStart, cl.vg.first), Math.max(cl.vg.last, cl.region[1]), null);
      let date = own.date;
      if (!date && gov) date = clauseDate.get(gov) ?? null;
      if (!date && cl.coordPrev) {
        const lastDep = [...clauses].reverse().find((c) => c !== cl && c.governor === cl.coordPrev);
        date = clauseDate.get(lastDep ?? cl.coordPrev) ?? null;
      }
      if (!date && mode === 'actual') date = this.dateOf(st, cl.vg.first, cl.vg.last, published).date;
      if (mode !== 'actual' && !own.date && !(gov && clauseDate.get(gov) && mode === clauseMode.get(gov))) {
        date = cl.coordPrev && ELABORATIVE.has(cl.lemma) ? date : null;
      }
      clauseDate.set(cl, date);
    }
  }

  /** Verb events: the first pattern of each clause's verb that matches. */
  private verbEvents(st: SentenceState): void {
    const { doc, T, sent, mentionAt, chunks, clauses, consumed, clauseEvents, verbCands } = st;
    const P = this.P;
    // ── verb events ──
    for (const cl of clauses) {
      const list = P.verbs.get(cl.lemma);
      if (!list) continue;
      const ra = cl.vg.last;
      const rb = cl.region[1];
      let hit: Pattern | null = null;
      // the words that count as the object's head, the same for every pattern of the verb: built on first use
      let heads: Token[] | null = null;
      for (const pat of list) {
        if (pat.particle && !(cl.particle && pat.particle.has(cl.particle))) continue;
        if (pat.obj) {
          heads ??= this.objectHeads(st, cl);
          if (!heads.length || !anyInSet(pat.obj, heads)) continue;
        }
        if (!this.ppMatches(st, cl.pps, pat)) continue;
        if (!this.hasWords(st, ra, Math.min(rb + 6, sent.last), pat)) continue;
        hit = pat;
        break;
      }
      // a pattern coded "-" says the words are no event here ("free up resources", "release its results")
      if (!hit || hit.code === '-') continue;
      // "..., with at least 23,000 people killed": a participle of an absolute phrase is a count, not an act
      if (cl.form === 'participle' && !T[cl.verb]!.norm.endsWith('ing')) {
        const before = chunks[chunkIndex(chunks, cl.vg) - 1];
        if (before?.kind === 'NP' && T[before.first - 1]?.norm === 'with') continue;
      }
      // "..., killing 20 people": a participle after the main event restates it
      if (
        cl.subjectFrom === 'participle' &&
        [...verbCands].some(([o, oc]) => o.subject === cl.subject && !oc.pattern.flags.has('say'))
      )
        continue;
      if (cl.object && hit.obj) consumed.add(cl.object);
      // source and target
      let sources: EventActor[];
      let targetSide: { targets: EventActor[]; place: Place | null };
      if (cl.passive) {
        sources = cl.agent ? this.subjectActors(doc, mentionAt, [cl.agent], chunks) : [];
        // "a journalist was killed in Beirut": force with no named agent is coded from the place's country
        // (not a running tally: "5,000 have been killed in X since ...")
        const tally = T.slice(cl.vg.last, cl.region[1] + 1).some((t) => t.norm === 'since');
        // (not a weak force verb: "India and Indonesia were worst hit" by a tsunami)
        if (!sources.length && !tally && FORCE_ROOT.test(hit.code) && !WEAK_FORCE.has(cl.lemma)) {
          const pt = this.clausePlace(doc, cl.pps);
          if (pt) sources = [pt.actor];
        }
        const subjT = this.subjectActors(doc, mentionAt, cl.subject, chunks);
        targetSide = subjT.length
          ? { targets: subjT, place: null }
          : this.findTargets(st, hit, null, [], cl.pps, sources);
      } else {
        sources = this.clauseSources(st, cl);
        // "hundreds of people blocked streets in X": protesters with no named group are people of the place
        if (!sources.length && hit.code.startsWith('14') && cl.subject.length) {
          // ("took to the streets of Dhaka": a place in any phrase of the clause)
          let pt = this.clausePlace(doc, cl.pps);
          for (const pp of cl.pps)
            if (/^(of|to|through|toward|towards)$/.test(pp.prep)) pt ??= this.placeTarget(doc, pp.np);
          if (pt) sources = [pt.actor];
        }
        // "gunmen stormed a hotel in Kabul", "a suicide bomber blew himself up in Baghdad": unnamed assailants
        // are coded from the place, as an agentless passive is
        if (
          !sources.length &&
          /^(18|19|20)/.test(hit.code) &&
          cl.subject.length === 1 &&
          [T[cl.subject[0]!.head]!.lemma, T[cl.subject[0]!.head]!.norm].some(
            (w) => ASSAILANT.has(w) || ASSAILANT.has(w.replace(/men$/, 'man').replace(/s$/, '')),
          )
        ) {
          const pt = this.clausePlace(doc, cl.pps);
          if (pt) sources = [pt.actor];
        }
        targetSide = this.findTargets(st, hit, cl.object, cl.objectMore, cl.pps, sources);
      }
      const trig: [number, number] = [
        cl.verb,
        cl.particle && T[cl.verb + 1]?.norm === cl.particle ? cl.verb + 2 : cl.verb + 1,
      ];
      const c = this.makeCand(st, hit, trig, sources, targetSide.targets, targetSide.place, cl, null);
      // place from the clause ("in Damascus")
      if (!c.place) {
        for (const pp of cl.pps) {
          if (!PLACE_PREPS.has(pp.prep)) continue;
          const p = this.placeIn(doc, pp.np);
          if (p) {
            c.place = p;
            break;
          }
        }
        // "in a residential sector of eastern Beirut": through an of-phrase
        c.place ??= this.clausePlace(doc, cl.pps)?.place ?? null;
      }
      // "fight poverty", "attack crime": force verbs on an abstract object are no events
      // (not when the pattern names the object itself: "opened fire")
      if (hit.flags.has('phys') && cl.object && hit.obj === null && ABSTRACT.has(T[cl.object.head]!.lemma))
        continue;
      // physical force or a metaphor?
      if (hit.flags.has('phys') && !this.physical(doc, mentionAt, sources, cl, c, cl.lemma)) {
        if (VERBAL_ATTACK.has(cl.lemma) && !WEAK_FORCE.has(cl.lemma)) c.code = '111';
        else continue;
      }
      // "donated and delivered goods to X": coordinated verbs of one kind sharing the object are one event
      const host = cl.coordPrev ? verbCands.get(cl.coordPrev) : undefined;
      if (
        host &&
        cl.object &&
        cl.object === cl.coordPrev!.object &&
        host.code.slice(0, 2) === c.code.slice(0, 2)
      )
        continue;
      // "agreed that talks were needed", "agreed there was a need": accord on a position (019), no undertaking
      if (c.code === '030' && cl.lemma === 'agree' && !cl.object && !cl.pps.length) {
        let k = cl.vg.last;
        while (
          k < sent.last &&
          (T[k]!.pos === 'ADV' || doc.times.some((t) => t.start <= T[k]!.start && t.end >= T[k]!.end))
        )
          k++;
        if (T[k]?.norm === 'that' || T[k]?.norm === 'there') c.code = '019';
      }
      verbCands.set(cl, c);
      const arr = clauseEvents.get(cl) ?? [];
      arr.push(c);
      clauseEvents.set(cl, arr);
    }
  }

  /** Nominal events: noun phrases whose head is a pattern's trigger. */
  private nominalEvents(st: SentenceState): void {
    const { doc, T, s, sent, mentionAt, cands, chunks, consumed, clauseEvents, clauseMode, verbCands } = st;
    const P = this.P;
    // ── nominal events ──
    for (let ci = 0; ci < chunks.length; ci++) {
      const np = chunks[ci]!;
      if (np.kind !== 'NP' || consumed.has(np)) continue;
      const head = T[np.head]!;
      const cw = compound(T, np);
      const list = P.nouns.get(head.lemma) ?? P.nouns.get(head.norm) ?? (cw ? P.nouns.get(cw) : undefined);
      if (!list || (head.pos !== 'NOUN' && !(cw && P.nouns.has(cw)))) continue;
      // phrases after the noun
      const pps: PP[] = [];
      let k = ci + 1;
      while (chunks[k]?.kind === 'P' && chunks[k + 1]?.kind === 'NP') {
        pps.push({ prep: T[chunks[k]!.first]!.norm, np: chunks[k + 1]!, more: [] });
        k += 2;
      }
      let hit: Pattern | null = null;
      for (const pat of list) {
        if (!this.ppMatches(st, pps, pat)) continue;
        if (!this.hasWords(st, np.first, Math.min(np.last + 8, sent.last), pat)) continue;
        hit = pat;
        break;
      }
      if (!hit || hit.code === '-') continue;
      // "Serbia's suppression of Albanian unrest": the unrest is the target's context, not an event of its own
      if (
        chunks[ci - 1]?.kind === 'P' &&
        T[chunks[ci - 1]!.first]!.norm === 'of' &&
        cands.some((c) => c.np === chunks[ci - 2] && c.sentence === s)
      )
        continue;
      const { cl, asObject } = this.clauseOfNP(st, ci);
      // source: a possessor or modifier inside the NP, else the subject of a light verb, else "by X"
      let sources: EventActor[] = [];
      const inner = this.mentionsIn(doc, mentionAt, np.first, np.head).filter(
        (m) => m.code && !(m.kind === 'pronoun' && POSSESSIVE.has(m.text.toLowerCase())),
      );
      if (inner.length) {
        sources = this.npActors(doc, mentionAt, { ...np, last: np.head, head: np.head - 1 }, false, true);
        // "Russia and China's veto"
        if (
          chunks[ci - 1]?.kind === 'CC' &&
          chunks[ci - 2]?.kind === 'NP' &&
          T[chunks[ci - 1]!.first]!.norm === 'and'
        ) {
          sources = [...this.npActors(doc, mentionAt, chunks[ci - 2]!, false), ...sources];
        }
      }
      // "forces were engaged in ethnic cleansing": a light verb's "in" phrase
      const inPhrase =
        !!cl && cl.pps.some((pp) => pp.prep === 'in' && (pp.np === np || pp.more.includes(np)));
      if (!sources.length && cl && (asObject || inPhrase) && P.light.has(cl.lemma)) {
        sources = this.subjectActors(doc, mentionAt, cl.subject, chunks);
      }
      if (!sources.length) {
        const by = pps[0]?.prep === 'by' ? pps[0] : undefined;
        if (by) sources = this.npActors(doc, mentionAt, by.np, false);
      }
      let subjectPlace: Place | null = null;
      // "a car bomb exploded near a market in Baghdad": force that is the subject of its clause, with no one
      // named, is coded from the place, as an agentless passive is
      if (
        !sources.length &&
        /^(18|19|20)/.test(hit.code) &&
        cl &&
        cl.subject.includes(np) &&
        !WEAK_FORCE.has(head.lemma) &&
        !verbCands.get(cl)?.sources.length
      ) {
        // (where it happened, not what it was aimed at: "the attack on Iraq")
        const where = (x: PP[]): PP[] => x.filter((pp) => pp.prep !== 'on' && pp.prep !== 'into');
        const pt = this.clausePlace(doc, where(cl.pps)) ?? this.clausePlace(doc, where(pps));
        if (pt) {
          sources = [pt.actor];
          subjectPlace = pt.place;
        }
      }
      const targetSide = this.findTargets(
        st,
        hit,
        null,
        [],
        pps.filter((p) => p.prep !== 'by'),
        sources,
        true,
      );
      const c = this.makeCand(
        st,
        hit,
        [np.head, np.head + 1],
        sources,
        targetSide.targets,
        targetSide.place,
        cl,
        np,
      );
      if (cl && !asObject && cl.subject.includes(np)) c.mode = clauseMode.get(cl) ?? 'actual';
      c.place ??= subjectPlace;
      if (!c.place) {
        for (const pp of pps) {
          if (!PLACE_PREPS.has(pp.prep)) continue;
          const p = this.placeIn(doc, pp.np);
          if (p) {
            c.place = p;
            break;
          }
        }
      }
      if (hit.flags.has('phys') && !this.physical(doc, mentionAt, sources, cl, c)) {
        if (VERBAL_ATTACK.has(head.lemma)) c.code = '111';
        else continue;
      }
      if (cl) {
        const arr = clauseEvents.get(cl) ?? [];
        arr.push(c);
        clauseEvents.set(cl, arr);
      }
      cands.push(c);
    }
  }

  /** Nominal and participle events that restate or describe another event of the sentence. */
  private dropRestated(st: SentenceState): void {
    const { T, s, cands, clauseEvents, verbCands } = st;
    // "launched rocket fire on X, killing 50": a participle after a light verb's force event restates it
    for (const [cl, v] of [...verbCands]) {
      if (cl.subjectFrom !== 'participle' || !FORCE_ROOT.test(v.code)) continue;
      const main = cands.some(
        (c) =>
          c.sentence === s &&
          c.nominal &&
          c.clause &&
          c.clause !== cl &&
          c.clause.subject === cl.subject &&
          (c.np === c.clause.object || c.clause.objectMore.includes(c.np!)) &&
          FORCE_ROOT.test(c.code),
      );
      if (!main) continue;
      verbCands.delete(cl);
      const arr = clauseEvents.get(cl);
      if (arr?.includes(v)) arr.splice(arr.indexOf(v), 1);
    }
    // "killed in a car bomb explosion", "killed by a roadside bomb": the nominal names how the clause's generic
    // force was used; its specific code goes to the clause's event
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i]!;
      if (c.sentence !== s || !c.nominal || !c.np || !c.clause || c.sources.length) continue;
      if (!/^(18|19|20)/.test(c.code) || c.code === '190') continue;
      const cl = c.clause;
      const v = verbCands.get(cl);
      if (!v || v.code !== '190') continue;
      const inPhrase =
        cl.agent === c.np || cl.pps.some((pp) => (pp.prep === 'in' || pp.prep === 'by') && pp.np === c.np);
      if (!inPhrase) continue;
      v.code = c.code;
      cands.splice(i, 1);
      const arr = clauseEvents.get(cl);
      if (arr?.includes(c)) arr.splice(arr.indexOf(c), 1);
    }
    // "staged a hunger strike in protest against X", "resigned in protest": the idiom gives the motive of the
    // clause's own act, which is the event
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i]!;
      if (c.sentence !== s || !c.nominal || !c.np || !c.clause || !verbCands.has(c.clause)) continue;
      const np = c.np;
      if (np.first !== np.head || T[np.head]!.lemma !== 'protest' || T[np.first - 1]?.norm !== 'in') continue;
      cands.splice(i, 1);
      const arr = clauseEvents.get(c.clause);
      if (arr?.includes(c)) arr.splice(arr.indexOf(c), 1);
    }
    // "denounced Serbia's suppression of X", "is opposed to French mediation": the act criticised or rejected is
    // the content of the criticism (CAMEO codes the criticism), not an event of this sentence
    for (const [cl, v] of verbCands) {
      const root = v.code.slice(0, 2);
      // (and what is investigated: "completed its investigation into an allegation")
      // (and what is eased or ended: "called a truce in its battle with X", "lifted the siege of X")
      if (root !== '11' && root !== '12' && root !== '09' && root !== '08') continue;
      for (let i = cands.length - 1; i >= 0; i--) {
        const c = cands[i]!;
        if (c.sentence !== s || !c.nominal || !c.np || c.clause !== cl || cl.subject.includes(c.np)) continue;
        if (c.np.first < cl.vg.last || c.np.last > cl.region[1]) continue;
        // (not an event the act follows: "resigned three days after a veto", "condemned X after its attack")
        const pp = cl.pps.find((x) => x.np === c.np || x.more.includes(c.np!));
        if (pp && ADJUNCT_PREPS.has(pp.prep)) continue;
        cands.splice(i, 1);
        const arr = clauseEvents.get(cl);
        if (arr?.includes(c)) arr.splice(arr.indexOf(c), 1);
      }
    }
  }

  /** Events of control, readiness, demands and conditions, built from the events found so far. */
  private controlEvents(st: SentenceState): void {
    this.readinessEvents(st);
    for (const cl of st.clauses) this.controlVerbEvents(st, cl);
    for (const cl of st.clauses) this.reportedDemands(st, cl);
    this.conditionalThreats(st);
    for (const c of st.extra) st.cands.push(c);
  }

  /** The conversion of an event code for a control class (its first entry whose prefix the code has). */
  private convertFor(cls: ControlClass, code: string): [string, string] | undefined {
    const table = this.P.convert.get(cls);
    if (!table) return undefined;
    for (const conv of table) if (code.startsWith(conv[0])) return conv;
    return undefined;
  }

  /** Statements of intent, threats and refusals by an adjective of control. */
  private readinessEvents(st: SentenceState): void {
    const { clauses, verbCands, extra } = st;
    // "X is ready/willing to send troops": the readiness is X's statement of intent (03x) or a threat (13x)
    for (const cl of clauses) {
      const v = verbCands.get(cl);
      if (!v || cl.form !== 'infinitive' || cl.governor) continue;
      const cls = this.adjControl(st, cl);
      if (cls !== 'intend' && cls !== 'threaten' && cls !== 'refuse') continue;
      const table = cls === 'intend' && Number(v.code.slice(0, 2)) >= 15 ? 'threaten' : cls;
      const conv = this.convertFor(table, v.code);
      if (!conv) continue;
      const c = this.makeCand(
        st,
        { ...v.pattern, flags: new Set<string>() },
        v.trigger,
        v.sources,
        v.targets,
        v.targetPlace,
        cl,
        null,
      );
      c.code = conv[1];
      c.mode = 'actual';
      c.date = null;
      extra.push(c);
    }
  }

  /** Control verbs: "urged X to withdraw" → 0256 for the urger (the withdrawal is requested); statements of
   *  intent by "will". */
  private controlVerbEvents(st: SentenceState, cl: Clause): void {
    const { doc, mentionAt, cands, clauses, clauseEvents, clauseMode, verbCands, extra } = st;
    const cls = this.controlOf(st, cl);
    const deps = clauses.filter(
      (d) => d.governor === cl || ((cls === 'demand' || cls === 'request') && this.requestedBy(st, d) === cl),
    );
    const own = verbCands.get(cl);
    // "call for the release of ...": a nominal event in the "for" phrase
    const inner: Cand[] = [];
    // the governed event: a verb event of the complement, or a nominal event that is its object
    for (const d of deps)
      inner.push(...(clauseEvents.get(d) ?? []).filter((c) => !c.nominal || c.np === d.object));
    if ((cls === 'request' || cls === 'demand') && !deps.length) {
      for (const c of clauseEvents.get(cl) ?? []) {
        // "called a truce", "called a strike": the object of "call" is declared, not asked for
        if (cl.lemma === 'call' && c.np && c.np === cl.object) continue;
        if (c.nominal && c !== own) inner.push(c);
      }
    }
    // (an event that needs a target and has none is no content: "agreed to introduce a ban on smoking")
    const innerEv = inner.find(
      (c) => c.pattern.code !== '000' && !(c.pattern.flags.has('needT') && !c.targets.length),
    );
    if (cls && innerEv && cls !== 'expect' && cls !== 'hypothetical' && cls !== 'deny') {
      // an intention to do harm is a threat (CAMEO 13x)
      const table = cls === 'intend' && Number(innerEv.code.slice(0, 2)) >= 15 ? 'threaten' : cls;
      const conv = this.convertFor(table, innerEv.code);
      if (
        conv &&
        (!own ||
          own.pattern.weight === 0 ||
          own.code === '030' ||
          own.code === '020' ||
          own.code === '130' ||
          own.code === '100')
      ) {
        const sources = own?.sources ?? this.clauseSources(st, cl);
        let targets = own?.targets.length ? own.targets : innerEv.targets;
        // "demanded the withdrawal of X from Y": the demanded act's own phrases name who is to do it
        if (innerEv.nominal && innerEv.np === cl.object && innerEv.targets.length) targets = innerEv.targets;
        if ((cls === 'request' || cls === 'demand') && cl.object) {
          // "urged Iran and the EU to ...": every conjunct of the object is asked
          const objActs = [cl.object, ...cl.objectMore].flatMap((o) =>
            this.npActors(doc, mentionAt, o, true),
          );
          if (objActs.length) targets = objActs;
        }
        const base = own?.pattern ?? innerEv.pattern;
        const c = this.makeCand(
          st,
          base,
          own?.trigger ?? [cl.verb, cl.verb + 1],
          sources,
          targets,
          innerEv.targetPlace,
          cl,
          null,
        );
        c.code = conv[1];
        if (own) verbCands.delete(cl);
        verbCands.set(cl, c);
        // an inner nominal event in the phrase of the controller is its content, not an event of its own
        if (innerEv.nominal && !deps.length) cands.splice(cands.indexOf(innerEv), 1);
      }
    }
    // "X will support Y" is X's statement of intent (CAMEO 03x), "X will impose Y" a threat (13x);
    // the announced event itself stays, with mode expected
    const v = verbCands.get(cl);
    const root = v ? Number(v.code.slice(0, 2)) : 0;
    if (
      v &&
      (cl.modal === 'will' || cl.modal === 'would') &&
      !cl.passive &&
      clauseMode.get(cl) === 'expected' &&
      ((root >= 4 && root <= 8) || root >= 10)
    ) {
      const conv = this.convertFor(root >= 10 ? 'threaten' : 'intend', v.code);
      if (conv && !(root >= 10 && root <= 14)) {
        const c = this.makeCand(st, v.pattern, v.trigger, v.sources, v.targets, v.targetPlace, cl, null);
        c.code = conv[1];
        c.mode = 'actual';
        c.date = null;
        extra.push(c);
      }
    }
  }

  /** Targets from that-clauses and demands reported with "must"/"should"; refusals to cooperate. */
  private reportedDemands(st: SentenceState, cl: Clause): void {
    const { doc, mentionAt, chunks, clauses, verbCands, extra } = st;
    const v = verbCands.get(cl);
    // "demanded that X ...", "urged that X ...": the target is the subject of the that-clause
    if (v && !v.targets.length && !v.pattern.flags.has('say')) {
      const d = clauses.find((x) => this.embeds(st, cl, x));
      if (d)
        v.targets = this.subjectActors(doc, mentionAt, d.subject, chunks).filter(
          (a) => !v.sources.some((b) => b.actor === a.actor),
        );
    }
    // "X said Y must do Z" is a demand by X on Y (CAMEO 10x)
    if (REPORTING.has(cl.lemma)) {
      const d = clauses.find((x) => this.embeds(st, cl, x) && (x.modal === 'must' || x.modal === 'should'));
      if (d) {
        const inner = verbCands.get(d);
        const conv = inner ? this.convertFor('demand', inner.code) : null;
        const base = inner?.pattern ?? v?.pattern;
        const sources = this.clauseSources(st, cl);
        if (base && sources.length) {
          const plain = { ...base, flags: new Set<string>() };
          const c = this.makeCand(
            st,
            plain,
            [cl.verb, cl.verb + 1],
            sources,
            this.subjectActors(doc, mentionAt, d.subject, chunks),
            null,
            cl,
            null,
          );
          c.code = conv ? conv[1] : '100';
          c.mode = 'actual';
          if (v) verbCands.delete(cl);
          extra.push(c);
        }
      }
    }
    // "would not meet the demands", "did not release": a refusal to cooperate is a rejection (CAMEO 12x)
    if (v && cl.negated && /^0[3-8]/.test(v.code)) {
      const conv = this.convertFor('refuse', v.code);
      if (conv) {
        const c = this.makeCand(st, v.pattern, v.trigger, v.sources, v.targets, v.targetPlace, cl, null);
        c.code = conv[1];
        c.mode = 'actual';
        extra.push(c);
      }
    }
  }

  /** Threats held out on a condition. */
  private conditionalThreats(st: SentenceState): void {
    const { T, sent, published, clauseDate, verbCands, extra } = st;
    // "X may halt its mediation if Y ...", "X could cut aid unless ...": a harmful act held out on a condition
    // is a threat (CAMEO 13x) by X now
    for (const [cl, v] of verbCands) {
      const root = Number(v.code.slice(0, 2));
      if (
        root < 15 ||
        cl.negated ||
        cl.conditional ||
        cl.passive ||
        !(cl.modal === 'may' || cl.modal === 'might' || cl.modal === 'could') ||
        !T.slice(cl.vg.last, sent.last).some((t) => t.norm === 'if' || t.norm === 'unless')
      )
        continue;
      const conv = this.convertFor('threaten', v.code);
      if (!conv) continue;
      const c = this.makeCand(st, v.pattern, v.trigger, v.sources, v.targets, v.targetPlace, cl, null);
      c.code = conv[1];
      c.mode = 'actual';
      c.date = clauseDate.get(cl) ?? published;
      extra.push(c);
    }
  }

  /** Targets lent by dependent clauses; purpose and describing clauses that restate an event. */
  private lendAndPrune(st: SentenceState): void {
    const { T, s, cands, clauses, clauseEvents, verbCands, extra } = st;
    const P = this.P;
    // a dependent clause lends its target ("turned up to express gratitude for Moscow's support",
    // "impose sanctions to cripple Assad", "threatened to cut off power to X")
    const bare: Pattern = { ...(verbCands.values().next().value?.pattern ?? ({} as Pattern)), pps: [] };
    for (const [cl, c] of verbCands)
      if (!c.targets.length && !c.pattern.objTarget) this.lend(st, bare, cl, c, 0);
    for (const c of extra) if (!c.targets.length && c.clause) this.lend(st, bare, c.clause, c, 0);
    // a nominal event that is a light verb's object ("began a hunger strike to protest against X")
    for (const c of cands) {
      if (c.sentence === s && c.nominal && !c.targets.length && c.clause && c.np === c.clause.object)
        this.lend(st, bare, c.clause, c, 0);
    }
    // "telephoned X to discuss ...", "began a strike to protest ...": a purpose clause of the same kind
    // restates the main event
    for (const [cl, c] of [...verbCands]) {
      const gov = cl.governor;
      if (
        cl.form !== 'infinitive' ||
        !gov ||
        (this.controlOf(st, gov) && this.controlOf(st, gov) !== 'implicative')
      )
        continue;
      const root = c.code.slice(0, 2);
      const main = [verbCands.get(gov), ...(clauseEvents.get(gov) ?? [])].find(
        (x) => x && x !== c && x.code.slice(0, 2) === root,
      );
      if (main) verbCands.delete(cl);
    }
    // "dispersed demonstrators protesting X", "arrested protesters demanding Y", "prevented a demonstration
    // staged by students to protest Z": the protest or demand describes the people or the rally acted on, it
    // is no event of its own beside the act
    const EXPRESSIVE = /^(02|10|11|14)/;
    for (const [cl, c] of [...verbCands]) {
      if (!EXPRESSIVE.test(c.code)) continue;
      // a bare participle whose subject is an earlier clause's object or phrase
      if (cl.form === 'participle' && cl.subjectFrom === 'np' && cl.subject.length === 1) {
        const np = cl.subject[0]!;
        const host = clauses.find(
          (h) =>
            h !== cl &&
            h.vg.first < cl.vg.first &&
            (h.object === np || h.objectMore.includes(np) || h.pps.some((pp) => pp.np === np)) &&
            [verbCands.get(h), ...(clauseEvents.get(h) ?? [])].some(
              (x) => x && x !== c && Number(x.code.slice(0, 2)) >= 14,
            ),
        );
        if (host) {
          verbCands.delete(cl);
          continue;
        }
      }
      // a purpose clause of the kind of the governor's object ("prevented the demonstration ... to protest")
      const gov = cl.governor;
      if (cl.form === 'infinitive' && gov?.object && !this.controlOf(st, gov)) {
        const objPat = P.nouns.get(T[gov.object.head]!.lemma)?.[0];
        const govEv = verbCands.get(gov);
        if (
          objPat &&
          objPat.code.slice(0, 2) === c.code.slice(0, 2) &&
          govEv &&
          govEv.code.slice(0, 2) !== c.code.slice(0, 2)
        )
          verbCands.delete(cl);
      }
    }
  }

  /** The one country of all the places a sentence names ("... when they blew themselves up in Tel Aviv"), if any. */
  private sentenceCountry(doc: Doc, s: number): string | null {
    const sent = doc.sentences[s]!;
    let code: string | null = null;
    for (const p of doc.places) {
      if (p.start < sent.start || p.end > sent.end || !p.country) continue;
      const c = iso3(p.country);
      if (!c || (code && c !== code)) return null;
      code = c;
    }
    return code;
  }

  /** Is the context of a force verb physical (soldiers, weapons, places), or is it a metaphor? */
  private physical(
    doc: Doc,
    mentionAt: Int32Array,
    sources: EventActor[],
    cl: Clause | null,
    c: Cand,
    lemma = '',
  ): boolean {
    for (const a of [...sources, ...c.targets]) {
      const code = a.code ?? '';
      for (let i = 3; i + 3 <= code.length; i += 3) if (PHYS_ROLES.has(code.slice(i, i + 3))) return true;
    }
    // a state as such ("Iran attacked ...") acts physically; people and parties are more often figurative
    if (
      !WEAK_FORCE.has(lemma) &&
      sources.some((a) => a.code && a.code.length === 3 && !/^(IGO|NGO|MNC)/.test(a.code))
    )
      return true;
    if (c.targetPlace && !WEAK_FORCE.has(lemma)) return true;
    const T = doc.tokens;
    const sent = doc.sentences[c.sentence]!;
    for (let k = sent.first; k < sent.last; k++) if (PHYS_WORDS.has(T[k]!.lemma)) return true;
    if (
      !WEAK_FORCE.has(lemma) &&
      doc.places.some((p) => p.start >= sent.start && p.end <= sent.end) &&
      cl &&
      cl.pps.some((pp) => PLACE_PREPS.has(pp.prep))
    )
      return true;
    void mentionAt;
    return false;
  }

  // ── article level: "the same step", defaults, headline, dedup ─────────────────────────────────────────
  private finish(doc: Doc, cands: Cand[]): Event[] {
    const T = doc.tokens;
    cands.sort((a, b) => a.trigger[0] - b.trigger[0]);
    const focus = iso3(doc.focusCountry);
    const out: Event[] = [];
    const seen = new Set<string>();
    const headline = doc.headline;
    const inHeadline = (c: Cand): boolean => !!headline && T[c.trigger[0]]!.start < headline.end;
    const emitted: Cand[] = [];
    let n = 0;
    // how many events with a source each sentence has, reporting verbs apart
    const coded = new Map<number, number>();
    for (const o of cands) {
      if (!o.pattern.flags.has('say') && o.sources.length)
        coded.set(o.sentence, (coded.get(o.sentence) ?? 0) + 1);
    }
    for (const c of cands) {
      if (!c.sources.length) continue;
      if (c.pattern.flags.has('same')) {
        const prev = [...emitted]
          .reverse()
          .find((p) => p.sources.some((a) => !c.sources.some((b) => b.code === a.code)));
        if (!prev) continue;
        c.code = prev.code;
        if (!c.targets.length) c.targets = prev.targets;
        if (!c.place) c.place = prev.place;
      }
      const pairwise = c.sources.length > 1 && c.pattern.flags.has('sym') && !c.targetPlace;
      if (c.pattern.flags.has('needT') && !c.targets.length && !pairwise) continue;
      if (c.pattern.flags.has('say')) {
        // a reporting verb is an event only when it has an addressee and nothing else is coded from its sentence;
        // the press it speaks through ("told Reuters", "told reporters") is no addressee
        c.targets = c.targets.filter((t) => !isMedia(t.code));
        if (!c.targets.length) continue;
        if ((coded.get(c.sentence) ?? 0) > 0) continue;
      }
      const root = c.code.slice(0, 2);
      let targets: (EventActor | null)[] = c.targets.length ? c.targets : [null];
      if (!c.targets.length) {
        const srcCountry = (c.sources[0]!.code ?? '').slice(0, 3);
        if ((root === '02' || root === '10') && focus && focus !== srcCountry) {
          targets = [
            {
              start: c.trigger[0] >= 0 ? T[c.trigger[0]]!.start : 0,
              end: T[c.trigger[0]]!.start,
              code: focus,
              actor: null,
              text: '',
            },
          ];
        } else {
          // no named target: the people of the place where it happened ("blocked roads in Algiers",
          // "killed three in the south of X"), else, for events that are mostly domestic (CAMEO practice:
          // protests, arrests, demands without an addressee), the source's own country
          const placeCountry = iso3(c.place?.country ?? null);
          // (police force is used at home: "police opened fire")
          const srcCode = c.sources[0]!.code ?? '';
          const police = FORCE_ROOT.test(root) && /^(...)+$/.test(srcCode) && /^...(...)*COP/.test(srcCode);
          const code =
            placeCountry ??
            ((DOMESTIC_ROOTS.has(root) || police) && isState(srcCountry) ? srcCountry : null) ??
            (ASSAULT_ROOT.test(root) && c.clause?.object && VICTIMS.has(T[c.clause.object.head]!.lemma)
              ? this.sentenceCountry(doc, c.sentence)
              : null);
          if (code)
            targets = [
              {
                start: T[c.trigger[0]]!.start,
                end: T[c.trigger[0]]!.start,
                code,
                actor: null,
                text: '',
              },
            ];
        }
      }
      const pairs: [EventActor, EventActor | null][] = [];
      // "Israel and the Palestinians reached a consensus": each with the other, whatever the phrases add
      if (pairwise) {
        for (const a of c.sources) for (const b of c.sources) if (a !== b) pairs.push([a, b]);
      } else {
        for (const a of c.sources)
          for (const b of targets) pairs.push([a, b && b.actor && b.actor === a.actor ? null : b]);
      }
      const info = codeInfo(c.code);
      if (!info) continue;
      const date = c.date ?? (c.mode === 'actual' ? doc.meta.published : null);
      const trig = { start: T[c.trigger[0]]!.start, end: T[c.trigger[1] - 1]!.end };
      for (const [src, tgt] of pairs) {
        if (!src.code) continue;
        const key = `${c.code}|${src.code}|${tgt?.code ?? ''}|${c.mode}`;
        if (seen.has(key)) continue;
        if (inHeadline(c)) {
          // a headline restates the story: keep it only when the body says nothing like it
          const dup = cands.some(
            (o) =>
              o !== c &&
              !inHeadline(o) &&
              o.sources.some((a) => (a.code ?? '').slice(0, 3) === src.code!.slice(0, 3)) &&
              codeInfo(o.code)?.quad === info.quad,
          );
          if (dup) continue;
        }
        seen.add(key);
        const sent = doc.sentences[c.sentence]!;
        const place: EventPlace | null = c.place
          ? {
              name: c.place.name,
              geonameid: c.place.geonameid,
              country: c.place.country,
              lat: c.place.lat,
              lon: c.place.lon,
            }
          : null;
        out.push({
          id: `E${++n}`,
          start: Math.min(sent.start, trig.start),
          end: sent.end,
          code: c.code,
          label: info.label,
          root: c.code.slice(0, 2),
          quad: info.quad,
          goldstein: info.goldstein,
          plover: info.plover,
          mode: c.mode,
          source: src,
          target: tgt,
          date,
          date_precision: precision(date),
          place,
          sentence: c.sentence,
          trigger: { ...trig, text: doc.text.slice(trig.start, trig.end) },
          attribution: null,
        });
      }
      emitted.push(c);
    }
    // an event without a target repeats one that has it (same code, source and mode)
    return out.filter(
      (e) =>
        e.target ||
        !out.some(
          (o) =>
            o !== e && o.target && o.code === e.code && o.source.code === e.source.code && o.mode === e.mode,
        ),
    );
  }
}
