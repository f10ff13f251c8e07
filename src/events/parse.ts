// A shallow parser for news sentences on wink tokens: chunks (noun phrases, verb groups, prepositions ...)
// and clauses (verb group + subject, object, prepositional phrases, governing clause). Cheap and linear.
import type { Doc, Token } from '../text/doc.js';

export type ChunkKind =
  'NP' | 'VG' | 'P' | 'CC' | 'COMMA' | 'PUNCT' | 'REL' | 'SC' | 'TO' | 'ADV' | 'TIME' | 'PRT';

export interface Chunk {
  kind: ChunkKind;
  /** token range [first, last) */
  first: number;
  last: number;
  /** head token: last noun of an NP, main verb of a VG */
  head: number;
  /** a verb group whose head the tagger read as a noun ("Greece plans to ...") */
  verbal?: boolean;
}

export interface PP {
  prep: string;
  np: Chunk;
  /** NPs coordinated with np ("on X and Y") */
  more: Chunk[];
}

export interface Clause {
  vg: Chunk;
  verb: number;
  lemma: string;
  particle: string | null;
  /** subject conjuncts ("France and Italy" → two NPs); empty when none was found */
  subject: Chunk[];
  /** the subject came from a relative pronoun's antecedent, a coordination or a controller */
  subjectFrom: 'np' | 'relative' | 'coordination' | 'control' | 'participle' | 'none';
  passive: boolean;
  negated: boolean;
  /** modal auxiliary (will, would, could, may ...) */
  modal: string | null;
  form: 'finite' | 'infinitive' | 'participle';
  object: Chunk | null;
  /** NPs coordinated with the object */
  objectMore: Chunk[];
  pps: PP[];
  /** passive agent ("by X") */
  agent: Chunk | null;
  /** tokens after the verb that belong to this clause [first, last) */
  region: [number, number];
  /** the clause whose verb governs this infinitive ("urged X [to withdraw]") */
  governor: Clause | null;
  /** the clause this one is coordinated with ("agreed ... and could include") */
  coordPrev: Clause | null;
  /** inside an if/unless clause */
  conditional: boolean;
}

const PERSONAL = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'her']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const RELPRON = new Set(['who', 'which', 'that', 'whom', 'whose']);
const TIMEWORDS = new Set(
  'today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday now recently earlier later'.split(
    ' ',
  ),
);
const PARTICLES = new Set(['down', 'up', 'out', 'off', 'aside', 'back', 'away', 'over']);
const MODALS = new Set([
  'will',
  'would',
  'could',
  'may',
  'might',
  'shall',
  'should',
  'can',
  'must',
  "'ll",
  'wo',
  'ca',
]);
const NEG = new Set(['not', "n't", 'never', 'no']);
const BE = new Set(['be', 'get']);
const CONDITIONAL = new Set(['if', 'unless']);
const ADJECTIVAL = new Set([
  'opposed',
  'committed',
  'determined',
  'prepared',
  'concerned',
  'worried',
  'involved',
  'engaged',
]);
const QUANT = new Set(['up', 'to', 'about', 'around', 'over', 'under', 'nearly', 'almost', 'some', 'than']);
const CATENATIVE = new Set(['help', 'let', 'go', 'come', 'dare']);
const OBJECT_CONTROL = new Set(
  'urge ask tell order force persuade invite encourage press pressure pressurise advise allow permit request call require convince instruct authorize authorise demand compel oblige implore beg appeal help warn want expect'.split(
    ' ',
  ),
);
const SUBORD = new Set(
  'after before since until as while because although though when once whereas'.split(' '),
);

/** verbs whose past participle is the base form ("were hit", "was cut", "are shut") */
const SAME_PARTICIPLE = new Set(
  'hit cut put set shut hurt let cast spread burst quit cost split shed bid thrust upset broadcast forecast beat'.split(
    ' ',
  ),
);
/** Is token t a past participle form (for passives)? wink's universal POS lacks VBN, so use the form. */
function participle(t: Token): boolean {
  const n = t.norm;
  if (n.endsWith('ing')) return false;
  return n !== t.lemma || n.endsWith('ed') || n.endsWith('en');
}

function npToken(t: Token): boolean {
  const p = t.pos;
  if (p === 'NOUN' || p === 'PROPN' || p === 'ADJ' || p === 'NUM' || p === 'DET')
    return !TIMEWORDS.has(t.norm);
  if (p === 'PRON') return POSSESSIVE.has(t.norm);
  return false;
}

const NAME_CACHE = new WeakMap<Doc, Int32Array>();
/** per token: 1 + the index of the name mention covering it, else 0 (names are NPs whatever the tagger says) */
function nameIds(doc: Doc): Int32Array {
  let a = NAME_CACHE.get(doc);
  if (a && a.length === doc.tokens.length) return a;
  a = new Int32Array(doc.tokens.length);
  doc.mentions.forEach((m, mi) => {
    if (m.kind !== 'name' || m.last - m.first < 2) return;
    for (let k = m.first; k < m.last && k < a!.length; k++) a![k] = mi + 1;
  });
  NAME_CACHE.set(doc, a);
  return a;
}
const NAMED_CACHE = new WeakMap<Doc, Uint8Array>();
/** per token: 1 when a name, demonym or acronym of the actor stage covers it (a verb tag there is wrong: "to French") */
function namedTokens(doc: Doc): Uint8Array {
  let a = NAMED_CACHE.get(doc);
  if (a && a.length === doc.tokens.length) return a;
  a = new Uint8Array(doc.tokens.length);
  for (const m of doc.mentions) {
    if (m.kind !== 'name' && m.kind !== 'demonym' && m.kind !== 'acronym') continue;
    for (let k = m.first; k < m.last && k < a.length; k++) a[k] = 1;
  }
  NAMED_CACHE.set(doc, a);
  return a;
}
/** quantity leads before a number ("up to 4,000 troops", "more than 20 people", "about $5m") */
const QUANT_LEADS: string[][] = [
  ['up', 'to'],
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['at', 'least'],
  ['as', 'many', 'as'],
  ['as', 'much', 'as'],
  ['about'],
  ['around'],
  ['nearly'],
  ['almost'],
  ['roughly'],
  ['approximately'],
  ['some'],
  ['over'],
];
/** the first words of QUANT_LEADS */
const QUANT_FIRST = new Set(QUANT_LEADS.map((lead) => lead[0]!));
/** verbs that take a clause without "that" ("said [the army] withdrew") */
const SAYTHINK = new Set(
  'say tell claim think believe add report announce state insist deny warn know fear hope expect estimate argue accept admit acknowledge suggest show reckon feel assert allege confirm predict understand learn hear see find note indicate reveal realize realise agree mean explain stress maintain suspect doubt wish'.split(
    ' ',
  ),
);
/** verbs of addressing someone: "wrote to X demanding ..." is the writer's demand */
const ADDRESSING = new Set(
  'write say speak talk appeal complain reply respond send turn return report explain announce declare'.split(
    ' ',
  ),
);
/** documents that speak for their authors ("a letter urging", "a resolution calling for") */
const DOCUMENT = new Set(
  'declaration statement letter resolution petition communique report note message motion bill manifesto memorandum'.split(
    ' ',
  ),
);
const CURRENCY = new Set(['$', '£', '€', '¥']);
const DEGREE = new Set([
  'most',
  'more',
  'less',
  'least',
  'best',
  'well',
  'highly',
  'widely',
  'heavily',
  'newly',
  'recently',
]);
/** a number, or a currency sign glued to one ("$50,000") */
function numberAt(T: Token[], i: number, last: number): boolean {
  if (i >= last) return false;
  if (T[i]!.pos === 'NUM') return true;
  return CURRENCY.has(T[i]!.text) && i + 1 < last && T[i + 1]!.pos === 'NUM';
}
/** length of a quantity lead at i that a number follows, else 0 */
function quantLead(T: Token[], i: number, last: number): number {
  // called for most tokens of a sentence: most words begin no lead, so stop before scanning the list
  if (!QUANT_FIRST.has(T[i]!.norm)) return 0;
  for (const lead of QUANT_LEADS) {
    if (i + lead.length >= last) continue;
    let k = 0;
    while (k < lead.length && T[i + k]!.norm === lead[k]) k++;
    if (k === lead.length && numberAt(T, i + lead.length, last)) return lead.length;
  }
  return 0;
}

/** control verbs whose -s form the tagger may read as a plural noun before "to VERB" ("X plans to impose") */
const NOUN_VERB_S = new Set(
  'plan vow pledge threaten promise aim hope want seek refuse intend decide agree attempt try prepare move vote'.split(
    ' ',
  ),
);
/** partitive words before "of" that head a noun phrase whatever their tag ("captured part of X") */
const PARTITIVE_WORDS = new Set(['part', 'parts', 'most', 'much', 'half', 'some', 'many']);
/** two-word prepositions "X of" ("outside of the city") */
const OF_PREPS = new Set([
  'outside',
  'inside',
  'ahead',
  'because',
  'instead',
  'east',
  'west',
  'north',
  'south',
]);

/** Is token i a control verb's -s form tagged as a noun, before "to VERB" ("Greece plans to impose")? */
function verbS(T: Token[], i: number, last: number): boolean {
  const t = T[i]!;
  if (t.pos !== 'NOUN' || !NOUN_VERB_S.has(t.lemma) || !t.norm.endsWith('s') || t.norm === t.lemma)
    return false;
  if (!(i + 2 < last && T[i + 1]!.norm === 'to' && T[i + 2]!.pos === 'VERB')) return false;
  const prev = T[i - 1];
  if (!prev) return false;
  // "its plans to", "the plans to", "new plans to", "announced plans to": a noun
  if (
    prev.pos === 'DET' ||
    prev.pos === 'ADJ' ||
    prev.pos === 'VERB' ||
    prev.pos === 'AUX' ||
    prev.pos === 'ADP'
  )
    return false;
  if (prev.pos === 'PRON' || prev.norm === "'s" || prev.norm === '’s') return false;
  return true;
}

/** an NP of proper names only ("North Korea", "the Netherlands") */
function properNP(T: Token[], np: Chunk): boolean {
  for (let k = np.first; k < np.last; k++) {
    const t = T[k]!;
    if (t.pos !== 'PROPN' && !(k === np.first && t.norm === 'the') && t.text !== '-') return false;
  }
  return true;
}
/** prepositions after which a verb-tagged plural right after a main verb is its object ("rejected calls by X") */
const NOUN_COMPLEMENT_PREPS = new Set(['by', 'of', 'from', 'on', 'against']);
/** determiners after which a lone verb-tagged word is a noun ("the end", "an impounded ship") */
const NOUN_DET = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', "'s", '’s']);

const TIME_CACHE = new WeakMap<Doc, Int32Array>();
/** per token: 1 + the index of the date/time expression starting at it, else 0 ("last November", "in 2005") */
function timeStarts(doc: Doc): Int32Array {
  let a = TIME_CACHE.get(doc);
  if (a && a.length === doc.tokens.length) return a;
  a = new Int32Array(doc.tokens.length);
  doc.times.forEach((t, ti) => {
    if (t.type !== 'DATE' && t.type !== 'TIME') return;
    const k = doc.tokenAt(t.start);
    if (k >= 0 && k < a!.length && doc.tokens[k]!.start === t.start) a![k] = ti + 1;
  });
  TIME_CACHE.set(doc, a);
  return a;
}

/** The index of a chunk in its sentence's chunks, else -1: chunks.indexOf by a binary search on the first
 *  token (chunks are in text order and never share a first token). */
export function chunkIndex(chunks: readonly Chunk[], c: Chunk): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = chunks[mid]!;
    if (x.first < c.first) lo = mid + 1;
    else if (x.first > c.first) hi = mid - 1;
    else return x === c ? mid : -1;
  }
  return -1;
}

/** Are tokens [a, b) all determiners, adjectives or adverbs (the start of a phrase: "a very large")? */
function onlyPremodifiers(T: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const p = T[k]!.pos;
    if (p !== 'DET' && p !== 'ADJ' && p !== 'ADV') return false;
  }
  return true;
}
/** Are tokens [a, b) all adjectives or participles ("an [impounded] ship")? */
function onlyAdjectives(T: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const u = T[k]!;
    if (!(u.pos === 'ADJ' || (u.pos === 'VERB' && participle(u)))) return false;
  }
  return true;
}

/** The chunk(s) of a verb group starting at token i (or the noun phrase a verb-tagged word belongs to);
 *  returns the token after them. */
function verbGroupAt(T: Token[], out: Chunk[], i: number, first: number, last: number): number {
  const t = T[i]!;
  const p = t.pos;
  const n = t.norm;
  const lastChunk = out[out.length - 1];
  // a verb-tagged word right after a determiner that ends a noun phrase is its head noun ("an end to")
  if (
    p === 'VERB' &&
    i > first &&
    lastChunk?.kind === 'NP' &&
    lastChunk.last === i &&
    (NOUN_DET.has(T[i - 1]!.norm) ||
      (NOUN_DET.has(T[lastChunk.first]!.norm) && onlyAdjectives(T, lastChunk.first + 1, i))) &&
    !(i + 1 < last && (T[i + 1]!.pos === 'NOUN' || T[i + 1]!.pos === 'PROPN'))
  ) {
    lastChunk.last = i + 1;
    lastChunk.head = i;
    return i + 1;
  }
  // a verb-tagged modifier right after a main verb and before a noun ("used tear gas", "fired warning shots")
  if (
    p === 'VERB' &&
    lastChunk?.kind === 'VG' &&
    lastChunk.last === i &&
    T[lastChunk.head]!.pos === 'VERB' &&
    !CATENATIVE.has(T[lastChunk.head]!.lemma) &&
    i + 1 < last &&
    (T[i + 1]!.pos === 'NOUN' ||
      // "extradited suspected British militant X", "freed jailed Kurdish activists"
      (participle(t) &&
        !t.norm.endsWith('ing') &&
        (T[i + 1]!.pos === 'ADJ' || T[i + 1]!.pos === 'PROPN') &&
        /^(NOUN|PROPN|ADJ)$/.test(T[i + 2]?.pos ?? '')) ||
      // "rejected calls by X", "denied reports of ...": a plural noun the tagger took for a verb
      (/[^s]s$/.test(t.norm) &&
        t.lemma !== t.norm &&
        T[i + 1]!.pos === 'ADP' &&
        NOUN_COMPLEMENT_PREPS.has(T[i + 1]!.norm)))
  ) {
    pushChunk(out, 'NP', i, i + 1);
    return i + 1;
  }
  // a reduced relative on an object ("prevented a rally staged by students"): not a clause of its own
  if (
    p === 'VERB' &&
    participle(t) &&
    T[i + 1]?.norm === 'by' &&
    i + 1 < last &&
    lastChunk?.kind === 'NP' &&
    lastChunk.last === i &&
    (out[out.length - 2]?.kind === 'VG' || out[out.length - 2]?.kind === 'P')
  ) {
    pushChunk(out, 'ADV', i, i + 1);
    return i + 1;
  }
  // "the country's most respected daily": a participle after a degree adverb inside a noun phrase
  if (
    p === 'VERB' &&
    i > first + 1 &&
    i + 1 < last &&
    participle(t) &&
    DEGREE.has(T[i - 1]!.norm) &&
    lastChunk?.kind === 'ADV' &&
    lastChunk.last === i &&
    out[out.length - 2]?.kind === 'NP' &&
    out[out.length - 2]!.last === i - 1 &&
    (T[i + 1]!.pos === 'NOUN' || T[i + 1]!.pos === 'PROPN' || T[i + 1]!.pos === 'ADJ')
  ) {
    out.pop();
    out[out.length - 1]!.last = i + 1;
    return i + 1;
  }
  // "using precision guided missiles": a past participle between a bare noun and a noun, in the object of
  // an -ing participle, is a modifier inside the phrase
  if (
    p === 'VERB' &&
    i + 1 < last &&
    participle(t) &&
    n.endsWith('ed') &&
    T[i + 1]!.pos === 'NOUN' &&
    T[i - 1]?.pos === 'NOUN' &&
    lastChunk?.kind === 'NP' &&
    lastChunk.last === i &&
    lastChunk.first === i - 1 &&
    out[out.length - 2]?.kind === 'VG' &&
    out[out.length - 2]!.head === out[out.length - 2]!.first &&
    T[out[out.length - 2]!.head]!.norm.endsWith('ing')
  ) {
    lastChunk.last = i + 1;
    return i + 1;
  }
  // a participle inside a noun phrase ("the escalating problems", "Arab-backed")
  if (p === 'VERB' && i > first && i + 1 < last) {
    const prev = T[i - 1]!;
    const next = T[i + 1]!;
    const glued = prev.end === t.start && prev.text === '-';
    if (
      (glued || prev.pos === 'DET' || prev.pos === 'ADJ' || prev.norm === "'s" || prev.norm === '’s') &&
      (next.pos === 'NOUN' || next.pos === 'PROPN')
    ) {
      const last0 = out[out.length - 1];
      if (last0 && last0.kind === 'NP' && last0.last === i) {
        last0.last = i + 1;
      } else pushChunk(out, 'NP', i, i + 1);
      return i + 1;
    }
  }
  let j = i;
  let head = -1;
  while (j < last) {
    const u = T[j]!;
    if (u.pos === 'AUX' || u.pos === 'VERB') {
      head = j;
      j++;
      // a main verb ends the group, except catenatives ("help defend", "let go")
      if (u.pos === 'VERB' && !(j < last && CATENATIVE.has(u.lemma) && T[j]!.pos === 'VERB')) break;
    } else if (
      (NEG.has(u.norm) || u.pos === 'ADV') &&
      j + 1 < last &&
      /^(AUX|VERB|ADV|PART)$/.test(T[j + 1]!.pos)
    ) {
      j++;
    } else break;
  }
  if (head < 0) head = i;
  pushChunk(out, 'VG', i, Math.max(j, head + 1), head);
  i = Math.max(j, head + 1);
  // particle
  if (
    i < last &&
    PARTICLES.has(T[i]!.norm) &&
    (T[i]!.pos === 'ADP' || T[i]!.pos === 'ADV' || T[i]!.pos === 'PART') &&
    !quantLead(T, i, last)
  ) {
    pushChunk(out, 'PRT', i, i + 1);
    i++;
  }
  return i;
}

/** Add a chunk; every chunk has the same fields (verbal included), so that the code reading chunks sees one
 *  object shape. */
function pushChunk(out: Chunk[], kind: ChunkKind, a: number, b: number, head = b - 1): void {
  out.push({ kind, first: a, last: b, head, verbal: false });
}

/** The noun phrase starting at token i (after a quantity lead of ql tokens); returns the token after it.
 *  Its own function so that chunk() stays small enough for V8 to optimise quickly. */
function nounPhraseAt(
  T: Token[],
  names: Int32Array,
  timeAt: Int32Array,
  named: Uint8Array,
  out: Chunk[],
  i: number,
  ql: number,
  afterParen: boolean,
  first: number,
  last: number,
): number {
  // a quantity lead and a currency sign belong to the phrase ("up to $5m in aid")
  let j0 = i + ql;
  if (CURRENCY.has(T[j0]!.text) && numberAt(T, j0, last)) j0++;
  let j = j0 + 1;
  let head = j0;
  // the rest of a phrase that a participle modifier joined ("an [impounded] ship")
  let start = i;
  const before = out[out.length - 1];
  if (before?.kind === 'NP' && before.last === i && i > first && T[i - 1]!.pos === 'VERB') {
    start = before.first;
    out.pop();
  }
  while (j < last) {
    const u = T[j]!;
    const prev = T[j - 1]!;
    if (u.pos === 'PART' && (u.norm === "'s" || u.norm === '’s' || u.norm === "'")) {
      j++;
      continue;
    }
    if (u.text === '-' && u.start === prev.end && j + 1 < last && T[j + 1]!.start === u.end) {
      j++;
      continue;
    }
    if (u.pos === 'PRON') break;
    // "offered concessions last November": a date expression after the head starts a phrase of its own
    if (timeAt[j] && T[head]!.pos === 'NOUN' && !names[j]) break;
    // "a far-left militant", "a so-called truce": a word glued by a hyphen to the next, whatever its tag
    if (
      j + 2 < last &&
      T[j + 1]!.text === '-' &&
      T[j + 1]!.start === u.end &&
      T[j + 2]!.start === T[j + 1]!.end &&
      T[j + 2]!.pos !== 'PUNCT'
    ) {
      if (T[j + 2]!.pos === 'NOUN' || T[j + 2]!.pos === 'PROPN') head = j + 2;
      j += 3;
      continue;
    }
    // "a warm welcome", "a very large crowd": an adverb between a determiner and the rest of the phrase
    if (
      u.pos === 'ADV' &&
      j + 1 < last &&
      (T[j + 1]!.pos === 'ADJ' || T[j + 1]!.pos === 'NOUN') &&
      onlyPremodifiers(T, start, j)
    ) {
      j++;
      continue;
    }
    // "Arab-backed", "US-led": a participle glued to the phrase by a hyphen
    if (u.pos === 'VERB' && prev.text === '-' && prev.end === u.start) {
      j++;
      continue;
    }
    // a determiner after a noun starts a new phrase ("told X the news")
    if (u.pos === 'DET' && (prev.pos === 'NOUN' || prev.pos === 'PROPN')) break;
    // inside a name found by the actor stage ("Red Cross", "Human Rights Watch")
    if (names[j] && names[j] === names[j - 1]) {
      head = j;
      j++;
      continue;
    }
    if (!(npToken(u) || named[j]) || verbS(T, j, last)) break;
    if (u.pos === 'NOUN' || u.pos === 'PROPN' || u.pos === 'NUM') head = j;
    j++;
  }
  if (T[head]!.pos === 'DET' || T[head]!.pos === 'ADJ') head = j - 1;
  // "The Asia-Pacific Economic Cooperation (APEC) forum": one phrase around the parenthesis
  const prevNP = out[out.length - 1];
  if (afterParen && prevNP?.kind === 'NP' && T[i]!.pos !== 'DET') {
    prevNP.last = j;
    prevNP.head = head;
  } else pushChunk(out, 'NP', start, j, head);
  return j;
}

/** Chunk the tokens of one sentence. */
export function chunk(doc: Doc, first: number, last: number): Chunk[] {
  const T = doc.tokens;
  const names = nameIds(doc);
  const timeAt = timeStarts(doc);
  const named = namedTokens(doc);
  const out: Chunk[] = [];
  let i = first;
  let afterParen = false;
  while (i < last) {
    const t = T[i]!;
    const p = t.pos;
    const n = t.norm;
    if (afterParen && !(npToken(t) || p === 'PRON')) afterParen = false;
    // a parenthesis ("(APEC)", "(Party of God)") is transparent: skip it
    if (t.text === '(' || t.text === '[') {
      const close = t.text === '(' ? ')' : ']';
      let j = i + 1;
      while (j < last && j - i < 15 && T[j]!.text !== close) j++;
      if (j < last && T[j]!.text === close) {
        i = j + 1;
        afterParen = true;
        continue;
      }
    }
    // "including", "excluding": prepositions, whatever the tagger says
    if (n === 'including' || n === 'excluding') {
      pushChunk(out, 'P', i, i + 1);
      i++;
      continue;
    }
    // "unless Israel rescinded": a conditional conjunction, whatever the tagger says
    if ((n === 'unless' || n === 'if') && p !== 'SCONJ') {
      pushChunk(out, 'SC', i, i + 1);
      i++;
      continue;
    }
    // "Greece, like other members, plans to impose": a control verb the tagger read as a plural noun
    if (
      i > first &&
      verbS(T, i, last) &&
      (out[out.length - 1]?.kind === 'NP' || out[out.length - 1]?.kind === 'COMMA')
    ) {
      out.push({ kind: 'VG', first: i, last: i + 1, head: i, verbal: true });
      i++;
      continue;
    }
    // "of mostly Christian eastern Beirut": an adverb between a preposition and its phrase belongs to the phrase
    if (
      p === 'ADV' &&
      out[out.length - 1]?.kind === 'P' &&
      out[out.length - 1]!.last === i &&
      i + 1 < last &&
      npToken(T[i + 1]!) &&
      T[i + 1]!.pos !== 'DET' &&
      T[i + 1]!.pos !== 'NUM'
    ) {
      let j = i + 1;
      let head = -1;
      while (j < last && npToken(T[j]!) && T[j]!.pos !== 'DET') {
        if (T[j]!.pos === 'NOUN' || T[j]!.pos === 'PROPN') head = j;
        j++;
      }
      // ("on high alert": an adjective the tagger gave the noun's place heads the phrase)
      if (head < 0 && T[j - 1]!.pos === 'ADJ') head = j - 1;
      if (head >= 0) {
        pushChunk(out, 'NP', i, j, head);
        i = j;
        continue;
      }
    }
    // "captured part of a stronghold": a partitive word before "of" is a noun phrase, whatever its tag
    if (PARTITIVE_WORDS.has(n) && !npToken(t) && p !== 'VERB' && i + 1 < last && T[i + 1]!.norm === 'of') {
      pushChunk(out, 'NP', i, i + 1);
      i++;
      continue;
    }
    // "to demands from", "for talks with": a verb-tagged -s form right after a preposition is a plural noun
    if (
      p === 'VERB' &&
      out[out.length - 1]?.kind === 'P' &&
      out[out.length - 1]!.last === i &&
      n.endsWith('s') &&
      n !== t.lemma
    ) {
      pushChunk(out, 'NP', i, i + 1);
      i++;
      continue;
    }
    // verb group: AUX* (neg|ADV)* VERB
    if (
      p === 'AUX' ||
      (p === 'VERB' && !named[i]) ||
      (NEG.has(n) && i + 1 < last && (T[i + 1]!.pos === 'VERB' || T[i + 1]!.pos === 'AUX'))
    ) {
      i = verbGroupAt(T, out, i, first, last);
      continue;
    }
    if (p === 'PART' && n === 'to' && i + 1 < last && (T[i + 1]!.pos === 'VERB' || T[i + 1]!.pos === 'AUX')) {
      // "conceded to demands": an -s form is no infinitive; "to" is a preposition before a noun
      const v = T[i + 1]!;
      if (v.pos === 'VERB' && (named[i + 1] || (v.norm.endsWith('s') && v.norm !== v.lemma)))
        pushChunk(out, 'P', i, i + 1);
      else pushChunk(out, 'TO', i, i + 1);
      i++;
      continue;
    }
    const ql = quantLead(T, i, last);
    if (ql || numberAt(T, i, last) || npToken(t) || named[i] || (p === 'PRON' && !RELPRON.has(n))) {
      if (p === 'PRON' && PERSONAL.has(n) && !ql) {
        pushChunk(out, 'NP', i, i + 1);
        i++;
        continue;
      }
      i = nounPhraseAt(T, names, timeAt, named, out, i, ql, afterParen, first, last);
      afterParen = false;
      continue;
    }
    if (p === 'PRON' && RELPRON.has(n)) {
      pushChunk(out, 'REL', i, i + 1);
      i++;
      continue;
    }
    if (p === 'SCONJ' && n === 'that' && out.length && out[out.length - 1]!.kind === 'NP') {
      pushChunk(out, 'REL', i, i + 1);
      i++;
      continue;
    }
    if (TIMEWORDS.has(n)) {
      pushChunk(out, 'TIME', i, i + 1);
      i++;
      continue;
    }
    if (p === 'ADP') pushChunk(out, 'P', i, i + 1);
    else if (p === 'CCONJ') pushChunk(out, 'CC', i, i + 1);
    else if (p === 'SCONJ') pushChunk(out, 'SC', i, i + 1);
    else if (p === 'ADV' || p === 'PART') pushChunk(out, 'ADV', i, i + 1);
    else if (t.text === ',') pushChunk(out, 'COMMA', i, i + 1);
    else pushChunk(out, 'PUNCT', i, i + 1);
    i++;
  }
  return out;
}

function vgInfo(doc: Doc, vg: Chunk): { passive: boolean; negated: boolean; modal: string | null } {
  const T = doc.tokens;
  let passive = false;
  let negated = false;
  let modal: string | null = null;
  let be = false;
  for (let k = vg.first; k <= vg.head; k++) {
    const t = T[k]!;
    if (NEG.has(t.norm)) negated = true;
    if (t.pos === 'AUX' && MODALS.has(t.norm))
      modal ??= t.norm === "'ll" || t.norm === 'wo' ? 'will' : t.norm;
    if (k < vg.head && BE.has(t.lemma)) be = true;
  }
  const h = T[vg.head]!;
  if (be && h.pos === 'VERB' && (participle(h) || SAME_PARTICIPLE.has(h.norm)) && !ADJECTIVAL.has(h.norm))
    passive = true;
  return { passive, negated, modal };
}

/** "The men freed from custody are expected to", "Journalists seized in X were released": a bare participle
 *  after a noun phrase, followed by a phrase, with a verb group with an auxiliary later before any clause
 *  boundary, is a reduced passive relative, not the sentence's verb. */
function reducedBeforeVerb(T: Token[], C: Chunk[], ci: number): boolean {
  const ch = C[ci]!;
  if (ch.kind !== 'VG' || ch.head !== ch.first || !participle(T[ch.head]!)) return false;
  if (C[ci - 1]?.kind !== 'NP' || C[ci + 1]?.kind !== 'P') return false;
  for (let k = ci + 2; k < C.length; k++) {
    const c = C[k]!;
    if (c.kind === 'VG') return c.head > c.first;
    if (c.kind !== 'NP' && c.kind !== 'P' && c.kind !== 'TIME') return false;
  }
  return false;
}

/** The subject of the verb group at chunk ci: the nearest NP to its left not governed by a preposition. */
function leftSubject(T: Token[], C: Chunk[], appos: Map<Chunk, Chunk>, ci: number): Chunk[] {
  let k = ci - 1;
  let found = -1;
  while (k >= 0) {
    const c = C[k]!;
    // "British aircraft using guided missiles killed": a participle phrase between subject and verb
    if (c.kind === 'VG' && c.head === c.first && T[c.head]!.norm.endsWith('ing') && C[k - 1]?.kind === 'NP') {
      k--;
      continue;
    }
    // "hackers angered by the cartoons have defaced": a reduced passive relative between subject and verb
    if (reducedBeforeVerb(T, C, k)) {
      k--;
      continue;
    }
    if (
      c.kind === 'VG' &&
      c.head === c.first &&
      participle(T[c.head]!) &&
      !T[c.head]!.norm.endsWith('ing') &&
      C[k - 1]?.kind === 'NP' &&
      C[k + 1]?.kind === 'P' &&
      T[C[k + 1]!.first]!.norm === 'by'
    ) {
      k--;
      continue;
    }
    if (c.kind === 'VG' || c.kind === 'SC' || c.kind === 'REL' || c.kind === 'PUNCT') break;
    if (c.kind === 'NP') {
      const before = C[k - 1];
      // "after Britain took": a subordinating preposition before the subject
      const sub = before?.kind === 'P' && k === ci - 1 && SUBORD.has(T[before.first]!.norm);
      // "Up to 1,000 Turks", "About 200 supporters": a quantity at the start of the sentence
      const quant = before?.kind === 'P' && k - 1 <= 1 && QUANT.has(T[before.first]!.norm);
      if (before?.kind !== 'P' || sub || quant) {
        // "Diplomats from Russia and the United States met": the last conjunct of a phrase's object is
        // not the subject; the search goes on left of the preposition
        let j = k;
        while (
          C[j - 1]?.kind === 'CC' &&
          /^(and|or)$/.test(T[C[j - 1]!.first]!.norm) &&
          C[j - 2]?.kind === 'NP'
        )
          j -= 2;
        const p = C[j - 1];
        if (j < k && p?.kind === 'P' && !SUBORD.has(T[p.first]!.norm) && !QUANT.has(T[p.first]!.norm)) {
          k = j - 1;
          continue;
        }
        found = k;
        break;
      }
    }
    k--;
  }
  if (found < 0) return [];
  // "aircraft using guided missiles killed": the object of a participle before the verb is not its subject
  while (
    C[found - 1]?.kind === 'VG' &&
    C[found - 1]!.head === C[found - 1]!.first &&
    T[C[found - 1]!.head]!.norm.endsWith('ing') &&
    C[found - 2]?.kind === 'NP' &&
    C[found - 3]?.kind !== 'P'
  )
    found -= 2;
  // "Greece, like other members, plans": a comparison between commas is not the subject
  {
    let b = found - 1;
    while (C[b]?.kind === 'ADV') b--;
    if (
      C[b]?.kind === 'P' &&
      /^(like|unlike|as|besides|including)$/.test(T[C[b]!.first]!.norm) &&
      C[b - 1]?.kind === 'COMMA' &&
      C[b - 2]?.kind === 'NP' &&
      C[ci - 1]?.kind === 'COMMA'
    )
      found = b - 2;
  }
  // apposition "X, the rebel leader, said": the subject is X (the appositive is kept as an alternative)
  if (
    (C[found + 1]?.kind === 'COMMA' || C[ci - 1]?.kind === 'COMMA') &&
    C[found - 1]?.kind === 'COMMA' &&
    C[found - 2]?.kind === 'NP'
  ) {
    // "A member of the Syrian parliament, Mohammed Mamoun, started": back to the head of the of-chain
    let j = found - 2;
    while (j >= 2 && C[j - 1]!.kind === 'P' && C[j - 2]!.kind === 'NP') j -= 2;
    if (C[j - 1]?.kind !== 'P') {
      appos.set(C[j]!, C[found]!);
      return [C[j]!];
    }
  }
  const subj = [C[found]!];
  // coordination: "France and Italy", "Britain, France and Italy"
  let k2 = found - 1;
  while (
    k2 >= 1 &&
    (C[k2]!.kind === 'CC' || C[k2]!.kind === 'COMMA') &&
    C[k2 - 1]!.kind === 'NP' &&
    C[k2 - 2]?.kind !== 'VG' &&
    C[k2 - 2]?.kind !== 'PRT' &&
    // "after Russia and China vetoed": a subordinating preposition starts the clause
    !(C[k2 - 2]?.kind === 'P' && !SUBORD.has(T[C[k2 - 2]!.first]!.norm))
  ) {
    if (C[k2]!.kind === 'CC' && !/^(and|or)$/.test(T[C[k2]!.first]!.norm)) break;
    subj.unshift(C[k2 - 1]!);
    k2 -= 2;
  }
  return subj;
}

/** The subject of a new clause: a controller, a coordinated clause's subject, a relative's antecedent, the NP a
 *  participle follows, or the nearest NP to its left. */
function findSubject(
  doc: Doc,
  C: Chunk[],
  ci: number,
  cl: Clause,
  prevC: Chunk | undefined,
  form: Clause['form'],
  clauses: Clause[],
  byChunk: Map<number, Clause>,
  appos: Map<Chunk, Chunk>,
): void {
  const T = doc.tokens;
  const ch = cl.vg;
  const headTok = T[ch.head]!;
  const hasAux = ch.head > ch.first;
  const prevClause = clauses[clauses.length - 1] ?? null;
  // "wrote to X demanding ...": after a verb of addressing and its to-phrase, the writer demands
  const addressing =
    prevC?.kind === 'NP' &&
    C[ci - 2]?.kind === 'P' &&
    T[C[ci - 2]!.first]!.norm === 'to' &&
    !!prevClause &&
    ADDRESSING.has(prevClause.lemma);
  if (form === 'infinitive') {
    // governed by the nearest verb group (or adjective: "ready to") before the "to"
    let k = ci - 2;
    let objBetween: Chunk | null = null;
    while (k >= 0 && C[k]!.kind !== 'VG') {
      if (C[k]!.kind === 'NP' && !objBetween) objBetween = C[k]!;
      if (C[k]!.kind === 'COMMA' || C[k]!.kind === 'SC') break;
      k--;
    }
    const gov = k >= 0 && C[k]!.kind === 'VG' ? (byChunk.get(k) ?? null) : null;
    cl.governor = gov;
    if (!gov && k >= 0 && C[k]!.kind === 'VG') {
      // a copula and an adjective: "is ready to", "are due to"
      cl.subject = leftSubject(T, C, appos, k);
      cl.subjectFrom = 'control';
    } else if (gov) {
      if (
        objBetween &&
        (gov.object === objBetween || gov.objectMore.includes(objBetween)) &&
        OBJECT_CONTROL.has(gov.lemma)
      ) {
        // "urged Iran and Syria to resume talks": all the conjuncts of the object act
        cl.subject = [gov.object!, ...gov.objectMore];
        cl.subjectFrom = 'control';
      } else {
        cl.subject = gov.subject;
        cl.subjectFrom = 'control';
      }
    } else if (prevClause) {
      cl.subject = prevClause.subject;
      cl.subjectFrom = 'control';
    }
  } else if (
    prevClause?.subjectFrom === 'relative' &&
    prevClause.region[1] >= ch.first &&
    prevC?.kind !== 'CC' &&
    prevC?.kind !== 'COMMA'
  ) {
    // "students who marched through X denounced ...": the main verb after a relative clause
    const rel = C.findIndex((c) => c.kind === 'REL' && c.last === prevClause.vg.first);
    cl.subject = rel >= 1 ? leftSubject(T, C, appos, rel) : prevClause.subject;
    if (!cl.subject.length) cl.subject = prevClause.subject;
    cl.subjectFrom = 'np';
    cl.form = 'finite';
  } else if (prevC?.kind === 'REL' && ci >= 2 && C[ci - 2]!.kind === 'NP') {
    cl.subject = [C[ci - 2]!];
    cl.subjectFrom = 'relative';
  } else if (prevC?.kind === 'CC' && prevClause && (prevClause.form !== 'infinitive' || hasAux)) {
    // "are expected to be agreed ... and could include": a finite conjunct joins the last finite clause
    let host = prevClause;
    while (host.form === 'infinitive' && host.governor) host = host.governor;
    cl.subject = host.subject;
    cl.subjectFrom = 'coordination';
    cl.coordPrev = host;
    cl.conditional = cl.conditional || host.conditional;
  } else if (prevC?.kind === 'CC' && prevClause?.form === 'infinitive') {
    // "to cripple X and oust him": coordinated infinitives share the controller
    cl.subject = prevClause.subject;
    cl.subjectFrom = 'control';
    cl.governor = prevClause.governor;
    cl.form = 'infinitive';
    cl.coordPrev = prevClause;
  } else if (
    form === 'participle' &&
    !hasAux &&
    headTok.norm.endsWith('ing') &&
    prevC?.kind === 'NP' &&
    C[ci - 2]?.kind === 'P' &&
    !SUBORD.has(T[C[ci - 2]!.first]!.norm) &&
    !(C[ci + 1]?.kind === 'NP' && PERSONAL.has(T[C[ci + 1]!.first]!.norm)) &&
    !doc.places.some((pl) => pl.end > T[prevC.first]!.start && pl.start < T[prevC.last - 1]!.end) &&
    !addressing
  ) {
    // "trucks travelling to X", "fired on protesters demanding Y": a participle right after the noun of a
    // phrase modifies that noun (not "wrote to X urging him to ...", where the writer urges)
    cl.subject = [prevC];
    cl.subjectFrom = 'np';
  } else if (
    form === 'participle' &&
    !hasAux &&
    headTok.norm.endsWith('ing') &&
    prevC?.kind === 'NP' &&
    prevClause &&
    (prevClause.object === prevC || prevClause.pps.some((pp) => pp.np === prevC)) &&
    (DOCUMENT.has(T[prevC.head]!.lemma) || addressing)
  ) {
    // "published a declaration demanding X", "sent a letter urging Y": the authors demand and urge
    cl.subject = prevClause.subject;
    cl.subjectFrom = 'participle';
  } else if (form === 'participle' && (prevC?.kind === 'COMMA' || prevC?.kind === 'CC') && prevClause) {
    cl.subject = prevClause.subject;
    cl.subjectFrom = 'participle';
  } else {
    const subj = leftSubject(T, C, appos, ci);
    if (subj.length) {
      cl.subject = subj;
      cl.subjectFrom = 'np';
    }
  }
}

/** The object of clause cl and its conjuncts, from chunk k on (the chunk after the verb group, past a
 *  particle and adverbs); returns the chunk after them. */
function attachObject(
  T: Token[],
  C: Chunk[],
  k: number,
  cl: Clause,
  headTok: Token,
  appos: Map<Chunk, Chunk>,
): number {
  if (!(C[k]?.kind === 'NP' && !cl.passive)) return k;
  // "said [Mr X] still had ...": an NP followed by a verb is the subject of an embedded clause
  let nk = k + 1;
  while (C[nk]?.kind === 'ADV' || C[nk]?.kind === 'TIME') nk++;
  const next = C[nk];
  // after a verb that takes no clause, a bare participle and a phrase is a reduced relative on the
  // object: "extradited a militant wanted for murder"
  const nh = next ? T[next.head]! : null;
  const reducedRel =
    !!next &&
    next.head === next.first &&
    !SAYTHINK.has(headTok.lemma) &&
    participle(nh!) &&
    !nh!.norm.endsWith('ing') &&
    (C[nk + 1]?.kind === 'P' || C[nk + 1]?.kind === 'TO');
  const embedded =
    next?.kind === 'VG' &&
    !reducedRel &&
    (T[next.head]!.pos === 'VERB' || T[next.head]!.pos === 'AUX' || next.head > next.first) &&
    !(T[next.first]!.norm.endsWith('ing') && next.head === next.first);
  if (!embedded) {
    cl.object = C[k]!;
    k++;
    let listCC = false;
    for (;;) {
      // "artillery, mortar, and rocket fire": a list's last item after a comma and a conjunction
      const step =
        C[k]?.kind === 'COMMA' &&
        C[k + 1]?.kind === 'CC' &&
        cl.objectMore.length &&
        /^(and|or)$/.test(T[C[k + 1]!.first]!.norm)
          ? 2
          : 1;
      if (
        !(C[k]?.kind === 'CC' || C[k]?.kind === 'COMMA') ||
        C[k + step]?.kind !== 'NP' ||
        C[k + step + 1]?.kind === 'VG'
      )
        break;
      if (C[k + step - 1]!.kind === 'CC') listCC = true;
      cl.objectMore.push(C[k + step]!);
      k += step + 1;
    }
    // "the UN refugee agency, UNHCR, out of": a name between commas with no conjunction is an apposition
    const appositive = !listCC && cl.objectMore.length === 1 && C[k]?.kind === 'COMMA';
    if (appositive) appos.set(cl.object, cl.objectMore.pop()!);
    // "blew themselves up", "forced the agency out of the country": a particle after the object
    // (after an apposition's closing comma: "forced the agency, UNHCR, out of")
    const kc =
      C[k]?.kind === 'COMMA' && (cl.objectMore.length || appositive) && C[k + 2]?.kind === 'P' ? k + 1 : k;
    const pc = C[kc];
    if (
      !cl.particle &&
      pc &&
      pc.last - pc.first === 1 &&
      (pc.kind === 'P' || pc.kind === 'ADV' || pc.kind === 'PRT') &&
      PARTICLES.has(T[pc.first]!.norm) &&
      C[kc + 1]?.kind !== 'NP'
    ) {
      cl.particle = T[pc.first]!.norm;
      k = kc + 1;
    }
  }
  return k;
}

/** The prepositional phrases of clause cl from chunk k on; returns the token where the clause ends. */
function attachPhrases(T: Token[], C: Chunk[], k: number, cl: Clause, last: number): number {
  let end = last;
  for (; k < C.length; k++) {
    const c = C[k]!;
    // "outside of the city", "because of the fighting": a two-word preposition
    if (
      c.kind === 'P' &&
      OF_PREPS.has(T[c.first]!.norm) &&
      C[k + 1]?.kind === 'P' &&
      T[C[k + 1]!.first]!.norm === 'of' &&
      C[k + 2]?.kind === 'NP'
    ) {
      cl.pps.push({ prep: T[c.first]!.norm, np: C[k + 2]!, more: [] });
      k += 2;
      continue;
    }
    if (c.kind === 'P' && C[k + 1]?.kind === 'NP') {
      const pp: PP = { prep: T[c.first]!.norm, np: C[k + 1]!, more: [] };
      k += 2;
      for (;;) {
        if (C[k]?.kind === 'CC' && C[k + 1]?.kind === 'NP' && C[k + 2]?.kind !== 'VG') {
          pp.more.push(C[k + 1]!);
          k += 2;
          continue;
        }
        // a list of names: "to Iran, Libya, North Korea, and Cuba"
        const skip = C[k]?.kind === 'COMMA' && C[k + 1]?.kind === 'CC' ? 1 : 0;
        const nx = C[k + 1 + skip];
        if (
          C[k]?.kind === 'COMMA' &&
          nx?.kind === 'NP' &&
          C[k + 2 + skip]?.kind !== 'VG' &&
          properNP(T, pp.np) &&
          properNP(T, nx)
        ) {
          pp.more.push(nx);
          k += 2 + skip;
          continue;
        }
        break;
      }
      k--;
      if (pp.prep === 'by' && cl.passive && !cl.agent) cl.agent = pp.np;
      else cl.pps.push(pp);
      continue;
    }
    if (c.kind === 'NP' || c.kind === 'TIME' || c.kind === 'ADV' || c.kind === 'PRT') continue;
    if (c.kind === 'P' || c.kind === 'CC' || c.kind === 'COMMA') {
      // stop where the next clause starts
      if (C[k + 1]?.kind === 'VG' || (C[k + 1]?.kind === 'NP' && C[k + 2]?.kind === 'VG')) {
        end = c.first;
        break;
      }
      if (c.kind === 'COMMA') {
        end = c.first;
        break;
      }
      continue;
    }
    end = c.first;
    break;
  }
  return end;
}

/** The particle, object (with its conjuncts and apposition), phrases and region of a new clause. */
function attachComplements(
  T: Token[],
  C: Chunk[],
  ci: number,
  cl: Clause,
  appos: Map<Chunk, Chunk>,
  last: number,
): void {
  const ch = cl.vg;
  const headTok = T[ch.head]!;
  let k = ci + 1;
  if (C[k]?.kind === 'PRT') {
    cl.particle = T[C[k]!.first]!.norm;
    k++;
  }
  while (C[k]?.kind === 'TIME' || C[k]?.kind === 'ADV') k++;
  k = attachObject(T, C, k, cl, headTok, appos);
  const end = attachPhrases(T, C, k, cl, last);
  cl.region = [ch.last, Math.max(ch.last, end)];
}

/** Is there a verb group or a comma among the first n chunks? */
function verbOrCommaBefore(C: Chunk[], n: number): boolean {
  for (let k = 0; k < n; k++) if (C[k]!.kind === 'VG' || C[k]!.kind === 'COMMA') return true;
  return false;
}

/** Parse one sentence into clauses, in text order. */
/** The form of the clause of verb group C[ci] (prevC: the chunk before it, past an adverb after "and"). */
function clauseForm(
  T: Token[],
  C: Chunk[],
  ci: number,
  prevC: Chunk | undefined,
  hasAux: boolean,
): Clause['form'] {
  const headTok = T[C[ci]!.head]!;
  if (prevC?.kind === 'TO') return 'infinitive';
  let form: Clause['form'] = 'finite';
  if (
    !hasAux &&
    (headTok.norm.endsWith('ing') ||
      (participle(headTok) && prevC?.kind === 'NP' && ci >= 2 && C[ci - 2]?.kind === 'P') ||
      reducedBeforeVerb(T, C, ci))
  )
    form = 'participle';
  // "Police in X arrested ...", "Leaders in X agreed to ...": the sentence's first verb group, with no
  // other verb before a clause boundary and no "by" agent, is the main verb, not a reduced relative
  if (
    form === 'participle' &&
    !headTok.norm.endsWith('ing') &&
    !verbOrCommaBefore(C, ci) &&
    !(C[ci + 1]?.kind === 'P' && T[C[ci + 1]!.first]!.norm === 'by')
  ) {
    let mainLater = false;
    for (let k = ci + 1; k < C.length; k++) {
      const c = C[k]!;
      if (c.kind === 'COMMA' || c.kind === 'SC' || c.kind === 'REL' || c.kind === 'CC' || c.kind === 'TO')
        break;
      if (c.kind === 'VG') {
        // a bare -ing participle later on ("..., demanding that") is no main verb
        mainLater = !(c.head === c.first && T[c.head]!.norm.endsWith('ing'));
        break;
      }
    }
    if (!mainLater) form = 'finite';
  }
  return form;
}

export function parseSentence(
  doc: Doc,
  first: number,
  last: number,
): { chunks: Chunk[]; clauses: Clause[]; appos: Map<Chunk, Chunk> } {
  const T = doc.tokens;
  const C = chunk(doc, first, last);
  const clauses: Clause[] = [];
  const byChunk = new Map<number, Clause>();
  let conditionalUntil = -1;
  const appos = new Map<Chunk, Chunk>();
  for (let ci = 0; ci < C.length; ci++) {
    const ch = C[ci]!;
    if (ch.kind === 'SC' && CONDITIONAL.has(T[ch.first]!.norm)) {
      // the conditional clause runs to the next comma (or the sentence end)
      let k = ci + 1;
      while (k < C.length && C[k]!.kind !== 'COMMA') k++;
      conditionalUntil = k < C.length ? C[k]!.first : last;
    }
    if (ch.kind !== 'VG') continue;
    const headTok = T[ch.head]!;
    if (headTok.pos !== 'VERB' && !ch.verbal) continue; // copulas and bare auxiliaries carry no event
    if (headTok.norm === 'according') continue;
    // a gerund after a preposition ("involvement in killing") names an activity, not a clause
    if (
      !(ch.head > ch.first) &&
      headTok.norm.endsWith('ing') &&
      C[ci - 1]?.kind === 'P' &&
      T[C[ci - 1]!.first]!.norm !== 'by'
    )
      continue;
    const info = vgInfo(doc, ch);
    // "donated and personally delivered": an adverb between the conjunction and the verb group
    let pc = ci - 1;
    while (C[pc]?.kind === 'ADV' && C[pc - 1]?.kind === 'CC') pc--;
    const prevC = C[pc];
    const hasAux = ch.head > ch.first;
    // "a decision not to release"
    if (prevC?.kind === 'TO' && prevC.first > first && NEG.has(T[prevC.first - 1]!.norm)) info.negated = true;
    const form = clauseForm(T, C, ci, prevC, hasAux);

    // "the four men freed from custody", "a resolution designed to": a reduced passive relative
    const reduced =
      form === 'participle' &&
      !hasAux &&
      participle(headTok) &&
      !headTok.norm.endsWith('ing') &&
      prevC?.kind === 'NP' &&
      (C[ci + 1]?.kind === 'P' || C[ci + 1]?.kind === 'TO') &&
      !(C[ci - 2]?.kind === 'P' && SUBORD.has(T[C[ci - 2]!.first]!.norm));
    const cl: Clause = {
      vg: ch,
      verb: ch.head,
      lemma: headTok.lemma,
      particle: null,
      subject: [],
      subjectFrom: 'none',
      passive: info.passive || reduced,
      negated: info.negated,
      modal: info.modal,
      form,
      object: null,
      objectMore: [],
      pps: [],
      agent: null,
      region: [ch.last, last],
      governor: null,
      coordPrev: null,
      conditional: ch.first < conditionalUntil,
    };
    findSubject(doc, C, ci, cl, prevC, form, clauses, byChunk, appos);
    attachComplements(T, C, ci, cl, appos, last);
    clauses.push(cl);
    byChunk.set(ci, cl);
  }
  // "donated and delivered X to Y", "condemned and rejected X": a verb right before "and VERB" with nothing
  // of its own shares the second verb's object and phrases
  for (let i = 0; i + 1 < clauses.length; i++) {
    const a = clauses[i]!;
    const b = clauses[i + 1]!;
    if (
      b.coordPrev === a &&
      !a.object &&
      !a.pps.length &&
      !a.particle &&
      b.vg.first > a.vg.last &&
      T[a.vg.last]!.pos === 'CCONJ' &&
      T.slice(a.vg.last + 1, b.vg.first).every((t) => t.pos === 'ADV')
    ) {
      a.object = b.object;
      a.objectMore = b.objectMore;
      a.pps = b.pps;
      a.agent = a.passive ? b.agent : a.agent;
    }
  }
  return { chunks: C, clauses, appos };
}
