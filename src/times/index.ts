// The times stage: finds temporal expressions and normalises them to TIMEX3-style values against the
// publication date (doc.meta.published), and the helpers later stages use to date events.
//
// Conventions (TIMEX3 / TimeML 1.2, as TimeBank annotates them):
// - DATE values: 2012-02-07, 2012-02, 2012, 2012-W06 (ISO week), 2012-Q1, 2012-H1, 2012-SU (season),
//   2012-W06-WE (weekend), 201 (decade: the 2010s), 19 (century: the 1900s), PRESENT_REF ("now",
//   "currently"), PAST_REF ("recently", "the past"), FUTURE_REF ("soon", "the future"); mod START/MID/END
//   for "early/mid/late", "the end of".
// - TIME values: a date + THH:MM or a part of day: 2012-02-07T19:15, 2012-02-06TNI ("last night"); MO AF EV NI.
// - DURATION values: P3D, P2W, P9M, P1Y, PT2H, PT30M, P1E (decade), P1C (century); PXY/PXD when the count
//   is vague ("several years", "a few days"); mod APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE ...
// - SET values: P1W ("weekly", "every week"), P1D ("daily"), XXXX-WXX-1 ("every Monday").
// - Past or future: a month, a day of the month, a weekday or a quarter without a year is placed by the
//   tense of its clause (past → the last one on or before the publication date, future → the next one on
//   or after it; no tense → the publication year / the last such weekday), never by chrono's nearest date.
// - "a year earlier", "the following year", "two days later" are anchored on the previous calendar date of
//   the text (TimeML's anchor), falling back on the publication date.
// - No publication date: nothing is taken from the clock. Relative expressions keep the unknown part as X:
//   "February 27" → XXXX-02-27, "yesterday" → XXXX-XX-XX, "last year" → XXXX, "last week" → XXXX-WXX,
//   "today"/"now" → PRESENT_REF, "Tuesday" → XXXX-WXX-2. Absolute dates ("March 1, 2011") keep their value.
//   A dateline with a full date ("WASHINGTON, Feb. 7, 2012 (AP) —") is used as the publication date first.
// How: grammar.ts (our token grammar, words from data/times/lexicon.tsv) finds and resolves the expressions;
// clock.ts runs chrono-node (its clock/calendar parsers only) on sentences with a clock time or numeric date,
// and our refiners place its month/day/weekday by tense; tense.ts reads the clause's verb group.
import type { PipelineOptions, Stage } from '../pipeline.js';
import type { Span, Time } from '../result.js';
import type { Doc } from '../text/doc.js';
import { addDays, addMonths, fmtYM, fmtYmd, parseYmd, weekStart, type Ymd } from './calendar.js';
import { CLOCK_WORDS, clockTimes, isClockToken } from './clock.js';
import { Grammar, isCalendarValue, Words, type Ctx, type Resolved } from './grammar.js';
import { isNumericHead, Lexicon } from './lexicon.js';
import { clauseTense, type Tense } from './tense.js';

export { clauseTense } from './tense.js';
export type { Tense } from './tense.js';

interface Engine {
  lex: Lexicon;
  grammar: Grammar;
  /** word → GATE_HEAD | GATE_CLOCK: one lookup per token in findTimes' sentence gate */
  gate: Map<string, number>;
  /** the month words of the lexicon (useDateline's gate) */
  months: Set<string>;
}

const GATE_HEAD = 1;
const GATE_CLOCK = 2;

let shared: Engine | null = null;
function engine(): Engine {
  if (!shared) {
    const lex = Lexicon.load();
    const gate = new Map<string, number>();
    for (const h of lex.heads) gate.set(h, GATE_HEAD);
    for (const c of CLOCK_WORDS) gate.set(c, (gate.get(c) ?? 0) | GATE_CLOCK);
    shared = { lex, grammar: new Grammar(lex), gate, months: new Set(lex.firstWords(['month'])) };
  }
  return shared;
}

export function createTimesStage(options: PipelineOptions = {}): Stage {
  void options;
  const e = engine();
  return {
    name: 'times',
    run(doc: Doc): void {
      if (!doc.meta.published) useDateline(doc, e);
      doc.times = findTimes(doc, e);
    },
  };
}

const NO_DATE_WARNING = /^no publication date/;
/** what may stand before a dateline's date on its line: a place in capitals, "Published:", a weekday */
const DATELINE_LEAD =
  /^(?:[\p{Lu}][\p{L}\p{M}.'-]*(?:\s+[\p{Lu}][\p{L}\p{M}.'-]*)*(?:,\s*[\p{Lu}][\p{L}\p{M}.'-]*(?:\s+[\p{Lu}][\p{L}\p{M}.'-]*)*)?,?\s*|(?:[Pp]ublished|[Uu]pdated|[Pp]osted|[Ll]ast [Uu]pdated|[Ff]irst [Pp]ublished)(?: on| at)?:?\s*)?(?:(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day,?\s*)?$/u;

/**
 * An article without a publication date may carry one in its dateline ("WASHINGTON, Feb. 7, 2012 (AP) —",
 * "Published: 7 February 2012", "Tuesday 7 February 2012 10.24 GMT"). Only a full date (with its year) at the
 * start of the first two lines after the headline counts. It becomes doc.meta.published, with a warning saying
 * so, so that the stages after this one (events) date against it too. Returns the date used, or null.
 */
export function useDateline(doc: Doc, e: Engine = engine()): string | null {
  const from = doc.headline ? doc.headline.end : 0;
  // the first two paragraphs after the headline (a loop that stops there: docs have many paragraphs)
  const paras: Doc['paragraphs'] = [];
  for (const p of doc.paragraphs) if (p.end > from && paras.push(p) === 2) break;
  for (const p of paras) {
    const start = Math.max(p.start, from);
    const first = doc.sentenceAt(start);
    if (first < 0) continue;
    const s = doc.sentences[first]!;
    const w = Words.of(doc, s.first, Math.min(s.last, s.first + 25));
    // without a publication date only the month-date rule yields a day: no month name, no dateline
    if (!w.norms.some((n) => e.months.has(n))) continue;
    // an expression starting more than 60 characters in is no dateline's: those words are not parsed
    let until = 0;
    while (until < w.length && doc.tokens[w.tok[until]!]!.start - start <= 60) until++;
    for (const c of e.grammar.parse(w, until)) {
      const tokStart = doc.tokens[w.tok[c.first]!]!.start;
      const r = c.resolve({ dct: null, prev: null, before: '', tense: () => null });
      if (!r || !/^\d{4}-\d{2}-\d{2}/.test(r.value)) continue;
      const lineStart = doc.text.lastIndexOf('\n', tokStart - 1) + 1;
      if (!DATELINE_LEAD.test(doc.text.slice(Math.max(lineStart, start), tokStart))) continue;
      const date = r.value.slice(0, 10);
      doc.meta.published = date;
      doc.warnings = doc.warnings.filter((x) => !NO_DATE_WARNING.test(x));
      doc.warnings.push(`publication date taken from the dateline: ${date}`);
      return date;
    }
  }
  return null;
}

/** A candidate expression of a sentence: token and character span, and how to resolve it. */
interface Found {
  start: number;
  end: number;
  firstTok: number;
  lastTok: number;
  resolve: (c: Ctx) => Resolved | null;
}

/** The resolution context of one expression; the clause tense is read once, when a rule asks for it. */
class ExpressionCtx implements Ctx {
  private clauseTense: Tense | undefined = undefined;
  constructor(
    private readonly doc: Doc,
    private readonly lex: Lexicon,
    private readonly found: Found,
    readonly dct: Ymd | null,
    readonly prev: string | null,
    readonly before: string,
    readonly possessive: boolean,
  ) {}

  tense(): Tense {
    if (this.clauseTense === undefined)
      this.clauseTense = clauseTense(this.doc, this.found.firstTok, this.found.lastTok, this.lex);
    return this.clauseTense;
  }
}

/** Every temporal expression of the doc, in text order. */
export function findTimes(doc: Doc, e: Engine = engine()): Time[] {
  const dct = parseYmd(doc.meta.published);
  const out: Time[] = [];
  let prev: string | null = null;
  for (const s of doc.sentences) {
    const gate = sentenceGate(doc, e.gate, s.first, s.last);
    if (gate === 0) continue;
    const found = grammarExpressions(doc, e.grammar, s.first, s.last);
    if (gate & GATE_CLOCK) addClockTimes(doc, found, s.start, s.end, dct);
    for (const f of found) {
      const time = resolveExpression(doc, e.lex, f, s.first, s.last, dct, prev);
      if (!time) continue;
      out.push(time.time);
      if (time.prev) prev = time.prev;
    }
  }
  return out;
}

/** GATE_HEAD when the tokens [first, last) hold a word that can start an expression, GATE_CLOCK for a clock time. */
function sentenceGate(doc: Doc, gate: Map<string, number>, first: number, last: number): number {
  const tokens = doc.tokens;
  let trigger = false;
  let clock = false;
  for (let k = first; k < last; k++) {
    const n = tokens[k]!.norm;
    if (trigger && clock) break;
    const bits = gate.get(n) ?? 0;
    if (!trigger && bits & GATE_HEAD) {
      // the modal "may" and the verb "march" are no months
      trigger = (n !== 'may' && n !== 'march') || tokens[k]!.text.charCodeAt(0) < 97;
    }
    const c = n.charCodeAt(0);
    // digits, "'90s", "mid-1990s", clock words: the slower checks
    if ((c >= 48 && c <= 57) || c === 39) {
      if (!trigger && isNumericHead(n)) trigger = true;
      if (!clock && isClockToken(doc, k)) clock = true;
    } else if (bits & GATE_CLOCK) {
      if (!clock && isClockToken(doc, k)) clock = true;
    } else if (c === 109 && !trigger && n.startsWith('mid-')) trigger = true;
  }
  return (trigger ? GATE_HEAD : 0) | (clock ? GATE_CLOCK : 0);
}

/** The grammar's expressions of the tokens [first, last). */
function grammarExpressions(doc: Doc, grammar: Grammar, first: number, last: number): Found[] {
  const tokens = doc.tokens;
  const w = Words.of(doc, first, last);
  const found: Found[] = [];
  for (const c of grammar.parse(w)) {
    const firstTok = w.tok[c.first]!;
    const lastTok = w.tok[c.last - 1]! + 1;
    found.push({
      start: tokens[firstTok]!.start,
      end: tokens[lastTok - 1]!.end,
      firstTok,
      lastTok,
      resolve: c.resolve,
    });
  }
  return found;
}

/** Adds the clock times of the sentence [start, end) to found, which stays in text order. */
function addClockTimes(doc: Doc, found: Found[], start: number, end: number, dct: Ymd | null): void {
  for (const h of clockTimes(doc, start, end, dct)) {
    // a clock time replaces the grammar's expressions it covers, and is dropped when it only overlaps them
    const over = found.filter((f) => f.start < h.end && h.start < f.end);
    if (over.some((f) => f.start < h.start || f.end > h.end)) continue;
    for (const f of over) found.splice(found.indexOf(f), 1);
    const firstTok = doc.tokenAt(h.start);
    const lastTok = Math.max(firstTok + 1, doc.tokenAt(h.end - 1) + 1);
    found.push({ start: h.start, end: h.end, firstTok, lastTok, resolve: h.resolve });
  }
  found.sort((a, b) => a.start - b.start);
}

/** The Time of one expression of the sentence [first, last), and the calendar value later ones anchor on. */
function resolveExpression(
  doc: Doc,
  lex: Lexicon,
  f: Found,
  first: number,
  last: number,
  dct: Ymd | null,
  prev: string | null,
): { time: Time; prev: string | null } | null {
  const tokens = doc.tokens;
  const before = f.firstTok > first ? tokens[f.firstTok - 1]!.norm : '';
  const possessive = tokens[f.lastTok]?.norm === "'s" && f.lastTok < last;
  const r = f.resolve(new ExpressionCtx(doc, lex, f, dct, prev, before, possessive));
  if (!r) return null;
  const time: Time = {
    start: f.start,
    end: f.end,
    text: doc.text.slice(f.start, f.end),
    value: r.value,
    type: r.type,
  };
  if (r.mod) time.mod = r.mod;
  const anchor = r.type === 'DATE' && isCalendarValue(r.value) && !r.anchored ? r.value : null;
  return { time, prev: anchor };
}

// ---- event dating --------------------------------------------------------------------------------

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

/**
 * "X came three days after Y": a distance between two events of one sentence.
 * date(event in relativeSide) = date(event in anchorSide) + offset.
 * - trigger: the words that state the distance ("three days after", "a day after", "the day before")
 * - anchorSide: the governing clause, from the clause start up to the trigger ("The message ... came")
 * - relativeSide: what follows "after"/"before", up to the end of the clause ("a Russian-Chinese veto ...")
 * - offsetDays: signed distance in days ("three days after" → -3: Y happened 3 days before X);
 *   offset keeps the count and unit for calendar arithmetic (months, years). offset.n is null when vague
 *   ("days after"); "hours after"/"shortly after" count as the same day (n 0).
 */
export interface AnchoredRelation {
  trigger: Span;
  anchorSide: Span;
  relativeSide: Span;
  offsetDays: number | null;
  offset: { n: number | null; unit: 'D' | 'W' | 'M' | 'Y' };
}

const SAME_DAY = new Set([
  'shortly',
  'soon',
  'just',
  'immediately',
  'moments',
  'minutes',
  'hours',
  'hour',
  'minute',
]);
const SIDE_BREAK = new Set([';', '—', '–', '(', ')']);

export function anchoredRelations(doc: Doc, sentenceIndex: number): AnchoredRelation[] {
  const s = doc.sentences[sentenceIndex];
  if (!s) return [];
  const { grammar } = engine();
  const tokens = doc.tokens;
  const w = Words.of(doc, s.first, s.last);
  const out: AnchoredRelation[] = [];
  for (let i = 0; i < w.length; i++) {
    const word = w.norms[i]!;
    if (word !== 'after' && word !== 'before') continue;
    const sign = word === 'after' ? -1 : 1;
    // the distance: N units | a unit | the unit | shortly/hours ...
    const j = i - 1;
    let n: number | null = null;
    let unit: 'D' | 'W' | 'M' | 'Y' = 'D';
    const u = grammar.unit(w, j);
    let first = j;
    if (u && ['D', 'W', 'M', 'Y', 'H', 'MIN', '2W'].includes(u.code)) {
      // walk back over the count
      let numStart = -1;
      for (let k = j - 1; k >= Math.max(0, j - 4); k--) {
        const num = grammar.number(w, k);
        if (num && k + num.len === j) {
          numStart = k;
          n = Number.isNaN(num.val) ? null : num.val;
        }
      }
      if (numStart >= 0) first = numStart;
      else if (w.norms[j - 1] === 'the') {
        first = j - 1;
        n = 1;
      } else n = null;
      if (u.code === 'H' || u.code === 'MIN') {
        n = 0;
        unit = 'D';
      } else if (u.code === '2W') {
        unit = 'W';
        n = n === null ? null : 2 * n;
      } else unit = u.code as 'D' | 'W' | 'M' | 'Y';
    } else if (SAME_DAY.has(w.norms[j] ?? '')) {
      n = 0;
      first = j;
    } else continue;
    if (first < 0) continue;
    // the sides
    const trigFirst = w.tok[first]!;
    const trigLast = w.tok[i]! + 1;
    let a = trigFirst - 1;
    while (
      a >= s.first &&
      (tokens[a]!.text === ',' || tokens[a]!.pos === 'CCONJ' || tokens[a]!.pos === 'ADV')
    )
      a--;
    let aStart = a;
    while (aStart > s.first && !SIDE_BREAK.has(tokens[aStart - 1]!.text)) aStart--;
    let r = trigLast;
    let aEnd = a;
    if (a < s.first || SIDE_BREAK.has(tokens[a]!.text)) {
      // fronted: "Two days after the election, protests erupted." — the relative side ends at the comma,
      // the anchor side is the rest of the clause
      while (r < s.last && tokens[r]!.text !== ',' && !SIDE_BREAK.has(tokens[r]!.text)) r++;
      if (r >= s.last || tokens[r]!.text !== ',') continue;
      aStart = r + 1;
      aEnd = aStart;
      while (aEnd + 1 < s.last && !SIDE_BREAK.has(tokens[aEnd + 1]!.text)) aEnd++;
      while (aEnd > aStart && /^[.,!?]$/.test(tokens[aEnd]!.text)) aEnd--;
    } else {
      while (r < s.last && !SIDE_BREAK.has(tokens[r]!.text)) r++;
    }
    let rEnd = r - 1;
    while (rEnd > trigLast && /^[.,!?]$/.test(tokens[rEnd]!.text)) rEnd--;
    if (rEnd < trigLast || aEnd < aStart || aStart >= s.last) continue;
    const days = n === null ? null : sign * n * { D: 1, W: 7, M: 30, Y: 365 }[unit];
    out.push({
      trigger: { start: tokens[trigFirst]!.start, end: tokens[trigLast - 1]!.end },
      anchorSide: { start: tokens[aStart]!.start, end: tokens[aEnd]!.end },
      relativeSide: { start: tokens[trigLast]!.start, end: tokens[rEnd]!.end },
      offsetDays: days,
      offset: { n: n === null ? null : sign * n, unit },
    });
  }
  return out;
}

export interface EventDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when unknown */
  date: string | null;
  precision: DatePrecision;
  /** the time expression the date comes from, when there is one */
  time?: Time;
}

/** A TIMEX value as an event date: day, month or year precision; weeks give their month, quarters their year. */
export function valueToDate(
  value: string,
  published: string | null,
): { date: string | null; precision: DatePrecision } {
  let m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (m) return { date: m[1]!, precision: 'day' };
  m = /^(\d{4}-\d{2})$/.exec(value);
  if (m) return { date: m[1]!, precision: 'month' };
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    const thu = addDays(weekStart(+m[1]!, +m[2]!), 3);
    return { date: fmtYM(thu.y, thu.m), precision: 'month' };
  }
  m = /^(\d{4})(-(Q\d|H\d|SP|SU|FA|WI))?$/.exec(value);
  if (m) return { date: m[1]!, precision: 'year' };
  if (value === 'PRESENT_REF' && published) return { date: published.slice(0, 10), precision: 'day' };
  return { date: null, precision: 'unknown' };
}

function shiftDate(
  anchor: string,
  n: number,
  unit: 'D' | 'W' | 'M' | 'Y',
): { date: string; precision: DatePrecision } | null {
  const x: Ymd | null = parseYmd(anchor);
  if (x) {
    if (unit === 'D') return { date: fmtYmd(addDays(x, n)), precision: 'day' };
    if (unit === 'W') return { date: fmtYmd(addDays(x, 7 * n)), precision: 'day' };
    if (unit === 'M') {
      const y = addMonths(x, n);
      return { date: fmtYM(y.y, y.m), precision: 'month' };
    }
    return { date: String(x.y + n), precision: 'year' };
  }
  const ym = /^(\d{4})-(\d{2})$/.exec(anchor);
  if (ym && (unit === 'M' || unit === 'Y')) {
    const y = addMonths({ y: +ym[1]!, m: +ym[2]!, d: 1 }, unit === 'M' ? n : 12 * n);
    return { date: fmtYM(y.y, y.m), precision: 'month' };
  }
  const yy = /^(\d{4})$/.exec(anchor);
  if (yy && unit === 'Y') return { date: String(+yy[1]! + n), precision: 'year' };
  return null;
}

/**
 * The date of the event told by `clause` (a char span of the event's words).
 * 1. The clause's own DATE/TIME expression, when it has one ("on February 27" → 2012-02-27, "today" → the
 *    publication date, "in March" → 2011-03 with month precision).
 * 2. Else, when the clause lies on the relative side of an anchored relation of its sentence ("three days
 *    after a veto"), the anchor date moved by the relation's offset: anchor 2012-02-07 → the veto 2012-02-04;
 *    "a day after Britain took the same step" → 2012-02-06. `anchor.date` is then the date of the governing
 *    event (the "X" of "X came three days after Y").
 * 3. Else the anchor date itself (day precision for a full date), or null/unknown when there is none.
 * Only actual past or present events should take the publication date by default: the event coder decides the
 * mode and passes anchor.date = null for expected, intended or hypothetical events without a date of their own.
 */
export function eventDate(doc: Doc, clause: Span, anchor: { date: string | null }): EventDate {
  const published = doc.meta.published;
  const sent = doc.sentenceAt(clause.start);
  const relations = sent >= 0 ? anchoredRelations(doc, sent) : [];
  const inTrigger = (t: Time): boolean =>
    relations.some((r) => t.start < r.trigger.end && r.trigger.start < t.end);
  // 1. own expression
  let best: { t: Time; d: { date: string | null; precision: DatePrecision } } | null = null;
  for (const t of doc.times) {
    if (t.end <= clause.start || t.start >= clause.end) continue;
    if ((t.type !== 'DATE' && t.type !== 'TIME') || inTrigger(t)) continue;
    const d = valueToDate(t.value, published);
    if (d.date) {
      best = { t, d };
      break;
    }
  }
  if (best) return { date: best.d.date, precision: best.d.precision, time: best.t };
  // 2. relative side of "N units after ..."
  for (const r of relations) {
    if (clause.start < r.relativeSide.start || clause.start >= r.relativeSide.end) continue;
    if (!anchor.date) return { date: null, precision: 'unknown' };
    if (r.offset.n === null) return { date: anchor.date.slice(0, 7), precision: 'month' };
    const shifted = shiftDate(anchor.date, r.offset.n, r.offset.unit);
    if (shifted) {
      const time = doc.times.find((t) => t.start >= r.trigger.start && t.end <= r.trigger.end);
      return time ? { ...shifted, time } : shifted;
    }
  }
  // 3. the anchor
  if (!anchor.date) return { date: null, precision: 'unknown' };
  return valueToDate(anchor.date, published);
}
