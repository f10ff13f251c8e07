// The attribution analysis of one Doc, computed once and cached: quotes with their speakers,
// reporting clauses ("X said ...", "according to X"), hedges ("is believed to") per sentence.
// The events stage asks for attributions before the attribution stage runs; both read this cache.
import type { Certainty, Quote, Span } from '../result.js';
import type { ActorMention, Doc, Token } from '../text/doc.js';
import { FLAG_CUE, FLAG_SPEECH, lexicon, SAID_FORMS, tokenFlags } from './lexicon.js';
import type { Frame, SourceCue } from './lexicon.js';
import { quoteSpans } from './marks.js';
import type { RawQuote } from './marks.js';
import { isPronoun, isQuoteMark, mentionIndex, npLeft, npName, npRight, npUntilComma } from './phrases.js';
import type { NP } from './phrases.js';

export interface Report {
  /** takes a clause without "that" */
  bare: boolean;
  /** first and last (exclusive) token of the verb or cue */
  verb: number;
  verbEnd: number;
  frame: Frame | 'according' | 'via';
  certainty: Certainty;
  subj: NP | null;
  /** subject found right of the verb ("said Mr Smith") */
  inverted: boolean;
  addr: NP | null;
  sent: number;
  /** what is reported, when known (the clause of indirect speech; the sentence for "according to") */
  scope: Span | null;
  used: boolean;
}

export interface Hedge {
  first: number;
  last: number;
  sent: number;
  certainty: Certainty;
}

/** A quote with what it was resolved from (kept internal; doc.quotes gets the public shape). */
export interface QuoteX extends Quote {
  report: Report | null;
  speakerNP: NP | null;
  certainty: Certainty;
}

export interface Analysis {
  mentions: Int32Array;
  /** FLAG_* bits per token (see lexicon.ts) */
  flags: Uint8Array;
  raw: RawQuote[];
  /** 1 for tokens inside a quote (marks included) */
  inQuote: Uint8Array;
  reports: Report[];
  /** reports by sentence */
  bySent: Map<number, Report[]>;
  hedges: Hedge[];
  hedgesBySent: Map<number, Hedge[]>;
  quotes: QuoteX[];
}

// the doc being annotated and its analysis: docs go through the pipeline one at a time, and one slot
// is cheaper than a WeakMap entry per doc
let cachedDoc: Doc | null = null;
let cachedAnalysis: Analysis | null = null;

export function analysis(doc: Doc): Analysis {
  if (doc !== cachedDoc || !cachedAnalysis) {
    cachedAnalysis = analyse(doc);
    cachedDoc = doc;
  }
  return cachedAnalysis;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
const END_PUNCT = new Set(['.', '!', '?']);
const glued = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.end === b.start;
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'there']);
/** tags that may not stand between a closing quote mark and its speech verb (a comma may) */
const NOT_IN_GAP = new Set(['VERB', 'AUX', 'PUNCT', 'SCONJ', 'CCONJ']);

function analyse(doc: Doc): Analysis {
  const mentions = mentionIndex(doc);
  const flags = tokenFlags(doc.tokens);
  const raw = quoteSpans(doc.text, doc.paragraphs);
  const inQuote = quoteTokens(doc, raw);
  const an: Analysis = {
    mentions,
    flags,
    raw,
    inQuote,
    reports: [],
    bySent: new Map(),
    hedges: [],
    hedgesBySent: new Map(),
    quotes: [],
  };
  // reporting clauses and hedges, sentence by sentence, outside quotes
  for (let s = 0; s < doc.sentences.length; s++) findReports(doc, an, s);
  an.bySent = group(an.reports, (r) => r.sent);
  an.hedgesBySent = group(an.hedges, (h) => h.sent);
  const quotes: QuoteX[] = [];
  for (const q of raw) quotes.push(linkQuote(doc, an, q));
  for (const r of an.reports)
    if (!r.used) {
      const q = indirect(doc, an, r);
      if (q) quotes.push(q);
    }
  quotes.sort((x, y) => x.start - y.start || y.end - x.end);
  resolveSpeakers(doc, quotes);
  an.quotes = quotes;
  return an;
}

/** 1 for the tokens from each opening mark to the last one starting before the quote's end. */
function quoteTokens(doc: Doc, raw: RawQuote[]): Uint8Array {
  const t = doc.tokens;
  const inQuote = new Uint8Array(t.length);
  for (const q of raw) {
    const endOff = q.close >= 0 ? q.close + 1 : q.end;
    // binary searches, not a walk
    let b = doc.tokenAt(endOff);
    if (b < t.length && t[b]!.start < endOff) b++;
    inQuote.fill(1, doc.tokenAt(q.open), b);
  }
  return inQuote;
}

/** The reports and hedges of sentence s, in token order. */
function findReports(doc: Doc, an: Analysis, s: number): void {
  const lex = lexicon();
  const { first, last } = doc.sentences[s]!;
  const flags = an.flags;
  const inQuote = an.inQuote;
  for (let k = first; k < last; k++) {
    if (inQuote[k]) continue;
    const f = flags[k]!;
    const cue = f & FLAG_CUE ? lex.sourceCues.at(doc.tokens, k, last) : null;
    if (cue) {
      k = addCue(doc, an, s, k, k + cue.length, cue.value) - 1;
      continue;
    }
    // a VERB or a said-form with a speech-verb lemma (the lookups are done once, in tokenFlags)
    if (f & FLAG_SPEECH) addSpeechVerb(doc, an, s, k);
  }
}

/** A hedge or an "according to X" at [k, end); returns the token to go on from. */
function addCue(doc: Doc, an: Analysis, s: number, k: number, end: number, cue: SourceCue): number {
  const { role, certainty } = cue;
  if (role === 'hedge') {
    an.hedges.push({ first: k, last: end, sent: s, certainty });
    return end;
  }
  const sent = doc.sentences[s]!;
  const np = npUntilComma(doc, an.mentions, end, sent.last);
  if (np)
    an.reports.push({
      bare: false,
      verb: k,
      verbEnd: end,
      frame: role === 'source' ? 'according' : 'via',
      certainty,
      subj: np,
      inverted: true,
      addr: null,
      sent: s,
      scope: { start: sent.start, end: sent.end },
      used: false,
    });
  return Math.max(end, an.reports[an.reports.length - 1]?.subj?.last ?? end);
}

/** "X said", "said X", "X told Y": a report at the speech verb k, when it is one. */
function addSpeechVerb(doc: Doc, an: Analysis, s: number, k: number): void {
  const t = doc.tokens;
  const tok = t[k]!;
  // "add-ons", "say-so": part of a hyphenated word
  if (glued(tok, t[k + 1]) && t[k + 1]!.text === '-') return;
  if (k > 0 && glued(t[k - 1], tok) && t[k - 1]!.text === '-') return;
  const lex = lexicon();
  const sv = lex.speechVerbs.get(tok.lemma) ?? lex.speechVerbs.get(SAID_FORMS.get(tok.norm) ?? '');
  if (!sv) return;
  const prev = t[k - 1];
  if (prev && (prev.norm === 'the' || (BE.has(prev.norm) && sv.frame !== 'quote'))) return; // "the said", passive "is said to"
  const { first, last } = doc.sentences[s]!;
  const mentions = an.mentions;
  let subj = npLeft(doc, mentions, k, first);
  // "X defended the move, saying ...": the speaker is the subject of the main verb
  if (subj && tok.norm.endsWith('ing') && subj.first - 1 >= first) {
    let v = subj.first - 1;
    if (t[v]!.text === ',' && v - 1 >= first) v--;
    if (t[v]!.pos === 'VERB') subj = npLeft(doc, mentions, v, first) ?? subj;
  }
  let inverted = false;
  if (subj && an.inQuote[subj.first]) subj = null;
  if (!subj) subj = sharedSubject(doc, an, s, k);
  if (!subj) {
    subj = npRight(doc, mentions, k + 1, last);
    inverted = !!subj;
  }
  let addr: NP | null = null;
  if (!inverted && (sv.frame === 'tell' || sv.frame === 'quote')) addr = npRight(doc, mentions, k + 1, last);
  an.reports.push({
    bare: sv.bare,
    verb: k,
    verbEnd: k + 1,
    frame: sv.frame,
    certainty: sv.certainty,
    subj,
    inverted,
    addr,
    sent: s,
    scope: null,
    used: false,
  });
}

/** "The EC says ... but said it would": the subject of the previous verb of the sentence. */
function sharedSubject(doc: Doc, an: Analysis, s: number, k: number): NP | null {
  const t = doc.tokens;
  const first = doc.sentences[s]!.first;
  let b = k - 1;
  while (b >= first && (t[b]!.pos === 'ADV' || t[b]!.pos === 'AUX')) b--;
  const prev = an.reports[an.reports.length - 1];
  if (b >= first && t[b]!.pos === 'CCONJ' && prev && prev.sent === s && prev.subj && !prev.inverted)
    return prev.subj;
  return null;
}

function group<T>(xs: T[], key: (x: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function blankQuote(doc: Doc, span: Span, kind: Quote['kind']): QuoteX {
  return {
    start: span.start,
    end: span.end,
    text: doc.text.slice(span.start, span.end),
    speaker: null,
    speaker_code: null,
    speaker_actor: null,
    addressee: null,
    addressee_code: null,
    via: null,
    kind,
    report: null,
    speakerNP: null,
    certainty: 'reported',
  };
}

/** Display words near a quote: a banner "reads" it. */
function hasDisplayNounAndVerb(t: Token[], lo: number, hi: number): boolean {
  const lex = lexicon();
  let noun = false;
  let verb = false;
  for (let k = Math.max(0, lo); k < hi && k < t.length; k++) {
    if (lex.displayNouns.has(t[k]!.norm)) noun = true;
    if (lex.displayVerbs.has(t[k]!.lemma)) verb = true;
  }
  return noun && verb;
}

/** A display noun right before the opening mark, past colons and commas. */
function displayNounBefore(t: Token[], openTok: number, bLo: number): boolean {
  let k = openTok - 1;
  while (k >= bLo && (t[k]!.text === ':' || t[k]!.text === ',')) k--;
  return k >= bLo && lexicon().displayNouns.has(t[k]!.norm);
}

/** How many of n sorted items come before a point: the first index i for which before(i) is false. */
function countBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first report whose verb is at or after token k (reports are in token order). */
function firstReportFrom(reports: Report[], k: number): number {
  return countBefore(reports.length, (i) => reports[i]!.verb < k);
}

/** The speech verb after a quote, in [aLo, aHi): ”, Mr X said / ”, said Mr X. */
function reportAfter(t: Token[], reports: Report[], aLo: number, aHi: number): Report | null {
  for (let i = firstReportFrom(reports, aLo); i < reports.length; i++) {
    const r = reports[i]!;
    if (r.verb >= aHi) break;
    if (r.frame === 'according' || r.frame === 'via') continue;
    // only a name and commas between the mark and the verb
    const gap = r.subj && !r.inverted ? r.subj.first : r.verb;
    for (let k = aLo; k < gap; k++) if (NOT_IN_GAP.has(t[k]!.pos) && t[k]!.text !== ',') return null;
    return r;
  }
  return null;
}

function linkQuote(doc: Doc, an: Analysis, q: RawQuote): QuoteX {
  const t = doc.tokens;
  const text = doc.text;
  const openTok = doc.tokenAt(q.open);
  const closeTok = q.close >= 0 ? doc.tokenAt(q.close) : doc.tokenAt(q.end) - 1;
  const para = doc.paragraphs[q.para]!;
  const sO = t[openTok]?.sent ?? 0;
  const sent = doc.sentences[sO];
  // before: from the start of the sentence (or the end of the previous quote in it) to the opening mark
  let bLo = sent ? sent.first : openTok;
  for (let k = openTok - 1; k >= bLo; k--)
    if (an.inQuote[k]) {
      bLo = k + 1;
      break;
    }
  // after: from the closing mark to the end of the clause (., !, ?), the next quote or the paragraph end
  const aLo = closeTok + 1;
  let aHi = aLo;
  while (aHi < t.length && aHi - aLo < 16 && t[aHi]!.start < para.end + 1 && !an.inQuote[aHi]) {
    if (END_PUNCT.has(t[aHi]!.text)) break;
    aHi++;
  }
  if (q.close < 0) aHi = aLo;
  const innerEnd = text.slice(q.start, q.end).trimEnd();
  const lastChar = innerEnd[innerEnd.length - 1] ?? '';
  const afterFirst = t[aLo];
  const afterOk =
    aHi > aLo &&
    (lastChar !== '.' || (!!afterFirst && (afterFirst.text === ',' || /^\p{Ll}/u.test(afterFirst.text))));

  const firstChar = text.slice(q.start, q.end).trimStart()[0] ?? '';
  const prevTok = openTok > bLo ? t[openTok - 1] : undefined;
  const startsSentence = openTok === bLo || q.open === para.start || !prevTok || END_PUNCT.has(prevTok.text);

  const span = { start: q.start, end: q.end };
  if (
    ((afterOk || (q.close >= 0 && aHi > aLo)) && hasDisplayNounAndVerb(t, aLo, Math.min(aHi, aLo + 4))) ||
    hasDisplayNounAndVerb(t, Math.max(bLo, openTok - 4), openTok) ||
    displayNounBefore(t, openTok, bLo)
  ) {
    return blankQuote(doc, span, 'display');
  }

  const lastBefore = prevTok?.text ?? '';
  const direct =
    /[\p{Lu}\p{N}]/u.test(firstChar) &&
    (startsSentence ||
      lastBefore === ':' ||
      lastBefore === ',' ||
      lexicon().speechVerbs.has(prevTok?.lemma ?? ''));
  const quote = blankQuote(doc, span, direct ? 'direct' : 'partial');

  // 1. the speech verb after the quote
  let report: Report | null = afterOk ? reportAfter(t, an.reports, aLo, aHi) : null;
  // 2. the speech verb before it: Mr X said: “ / Mr X told Y: “ / according to X, “
  if (!report) report = reportBefore(doc, an.reports, bLo, openTok, quote);
  // 3. a partial quote takes any speech verb of its sentence
  if (!report && quote.kind === 'partial') {
    for (const r of an.bySent.get(sO) ?? [])
      if (r.frame !== 'via') {
        report = r;
        break;
      }
  }
  if (report) takeReport(doc, an, quote, report);
  return quote;
}

/**
 * The last report with its verb in [bLo, openTok), the quote's sentence before it; sets quote.via from an
 * "according to" before that report or a "via" cue.
 */
function reportBefore(
  doc: Doc,
  reports: Report[],
  bLo: number,
  openTok: number,
  quote: QuoteX,
): Report | null {
  let report: Report | null = null;
  for (let i = firstReportFrom(reports, openTok) - 1; i >= 0; i--) {
    const r = reports[i]!;
    if (r.verb < bLo) break;
    if (r.frame === 'via') {
      if (r.subj) quote.via = npName(doc, r.subj);
      continue;
    }
    if (!report) {
      report = r;
      continue;
    }
    if (r.frame === 'according' && r.subj && report.frame !== 'according') quote.via = npName(doc, r.subj);
  }
  return report;
}

/** The quote's speaker, addressee and outlet from its report. */
function takeReport(doc: Doc, an: Analysis, quote: QuoteX, report: Report): void {
  report.used = true;
  quote.report = report;
  quote.certainty = report.certainty;
  if (report.frame === 'quote' && report.addr) {
    // "RIA quoted Mr Lavrov as saying"
    quote.speakerNP = report.addr;
    if (report.subj) quote.via = npName(doc, report.subj);
  } else {
    quote.speakerNP = report.subj;
    if (report.addr && report.frame === 'tell') {
      quote.addressee = npName(doc, report.addr);
      quote.addressee_code = codeOf(doc, report.addr.mention);
    }
  }
  // a "quoted ... as saying" or "according to" before the chosen verb names the outlet
  if (quote.via) return;
  for (const r of an.bySent.get(report.sent) ?? []) {
    if (r === report || r.verb > report.verb || !r.subj) continue;
    if (r.frame === 'according' || r.frame === 'via') quote.via = npName(doc, r.subj);
    if (r.frame === 'quote' && report.frame === 'say' && r.addr) {
      quote.speakerNP = r.addr;
      quote.via = npName(doc, r.subj);
    }
  }
}

function codeOf(doc: Doc, m: ActorMention | null): string | null {
  if (!m) return null;
  return m.code ?? doc.actors.find((a) => a.id === m.actor)?.code ?? null;
}

/** Indirect speech: "X said (that) CLAUSE" or "CLAUSE, X said." */
function indirect(doc: Doc, an: Analysis, r: Report): QuoteX | null {
  if (r.frame !== 'say' && r.frame !== 'tell') return null;
  if (!r.subj) return null;
  const t = doc.tokens;
  const sent = doc.sentences[r.sent]!;
  let last = sent.last;
  while (
    last > sent.first &&
    (t[last - 1]!.pos === 'PUNCT' || t[last - 1]!.pos === 'SPACE') &&
    !isQuoteMark(t[last - 1]!.text)
  )
    last--;
  let from = -1;
  let to = last;
  if (!r.inverted) {
    let k = r.verb + 1;
    if (r.addr) k = Math.max(k, r.addr.last);
    const x = t[k];
    const clauseStart = r.bare
      ? /^(PRON|DET|PROPN|NOUN|NUM|ADJ)$/.test(x?.pos ?? '') && x?.norm !== 'that'
      : SUBJECT_PRONOUNS.has(x?.norm ?? '');
    if (x && clauseStart && !an.inQuote[k]) from = k;
    else {
      // "said on Monday that", "told reporters in Paris that": look for "that" a few words on
      for (let j = k; j < Math.min(last, k + 8); j++) {
        const y = t[j]!;
        if (y.norm === 'that') {
          from = j + 1;
          break;
        }
        if (y.pos === 'PUNCT' || y.pos === 'VERB' || y.pos === 'AUX' || an.inQuote[j]) break;
      }
    }
  }
  if (from >= 0 && to - from < 3) from = -1; // "said last month." is not a clause
  if (from < 0) {
    // sentence-final report: "CLAUSE, the UN said (early last month)."
    const subjStart = r.inverted ? r.verb : r.subj.first;
    if (subjStart - 1 > sent.first && t[subjStart - 1]!.text === ',') {
      // nothing but time words after the report
      const after = r.inverted ? r.subj.last : r.verbEnd;
      let tail = true;
      for (let j = after; j < last; j++)
        if (t[j]!.pos === 'VERB' || t[j]!.pos === 'AUX' || t[j]!.text === ',') tail = false;
      if (tail) {
        from = sent.first;
        to = subjStart - 1;
      }
    }
  }
  if (from < 0 || to - from < 3) return null;
  for (let j = from; j < to; j++) if (an.inQuote[j]) return null;
  const span = { start: t[from]!.start, end: t[to - 1]!.end };
  const q = blankQuote(doc, span, 'indirect');
  q.report = r;
  q.speakerNP = r.subj;
  q.certainty = r.certainty;
  r.scope = span;
  r.used = true;
  if (r.addr && r.frame === 'tell') {
    q.addressee = npName(doc, r.addr);
    q.addressee_code = codeOf(doc, r.addr.mention);
  }
  for (const o of an.bySent.get(r.sent) ?? [])
    if ((o.frame === 'according' || o.frame === 'via') && o.subj && o.verb < r.verb)
      q.via = npName(doc, o.subj);
  return q;
}

type Named = { name: string; code: string | null; actor: string | null; para: number };

/** The person actor named last before `offset`, in this paragraph or the one before (for "he said"). */
function personBefore(doc: Doc, offset: number, para: number): Named | null {
  const ms = doc.mentions;
  for (let i = countBefore(ms.length, (j) => ms[j]!.start < offset) - 1; i >= 0; i--) {
    const m = ms[i]!;
    const s = doc.sentenceAt(m.start);
    if (s < 0 || para - doc.sentences[s]!.para > 1) break;
    if (m.kind !== 'name' && m.kind !== 'title') continue;
    const a = doc.actors.find((x) => x.id === m.actor);
    if (a && a.type === 'person') return { name: a.name, code: m.code ?? a.code, actor: a.id, para };
  }
  return null;
}

function paragraphAt(doc: Doc, offset: number): number {
  const s = doc.sentenceAt(offset);
  return s >= 0 ? doc.sentences[s]!.para : -1;
}

/** Speaker names in text order: pronouns and unattributed quote paragraphs take the last named speaker. */
function resolveSpeakers(doc: Doc, quotes: QuoteX[]): void {
  // the last named speaker, and the last one that is an organisation or a thing ("it said")
  let lastSpeaker: Named | null = null;
  let lastThing: Named | null = null;
  for (const q of quotes) {
    if (q.kind === 'display') continue;
    const para = paragraphAt(doc, q.start);
    const recent = lastSpeaker && para - lastSpeaker.para <= 2 ? lastSpeaker : null;
    const thing = lastThing && para - lastThing.para <= 2 ? lastThing : null;
    assignSpeaker(doc, q, para, recent, thing);
    if (q.speaker) {
      lastSpeaker = { name: q.speaker, code: q.speaker_code, actor: q.speaker_actor, para };
      if (isThingSpeaker(doc, q)) lastThing = lastSpeaker;
    }
  }
}

function setSpeaker(q: QuoteX, who: Named): void {
  q.speaker = who.name;
  q.speaker_code = who.code;
  q.speaker_actor = who.actor;
}

/** The speaker of q from its NP, a person named before it, or the recent speaker. */
function assignSpeaker(doc: Doc, q: QuoteX, para: number, recent: Named | null, thing: Named | null): void {
  const np = q.speakerNP;
  if (np && (np.mention || !isPronoun(doc, np))) {
    q.speaker = npName(doc, np);
    q.speaker_code = codeOf(doc, np.mention);
    q.speaker_actor = np.mention?.actor ?? null;
    return;
  }
  if (np && doc.tokens[np.first]!.norm === 'it') {
    // "it said": an organisation or a document, never a person
    if (thing) setSpeaker(q, thing);
    return;
  }
  const person = np ? personBefore(doc, doc.tokens[np.first]!.start, para) : null;
  if (person) setSpeaker(q, person);
  else if (np && recent) setSpeaker(q, recent);
  // a quote paragraph continuing the previous speaker
  else if (!np && q.kind === 'direct' && recent && !q.report) setSpeaker(q, recent);
}

/** The speaker of q is an organisation, or an unknown actor named by a common noun ("the ministry"). */
function isThingSpeaker(doc: Doc, q: QuoteX): boolean {
  const np = q.speakerNP;
  const type = q.speaker_actor ? doc.actors.find((a) => a.id === q.speaker_actor)?.type : null;
  const named = np && !isPronoun(doc, np) && doc.tokens[np.first]!.pos !== 'PROPN';
  return type === 'org' || (!type && !!named);
}
