// Our own temporal grammar over the words of one sentence: relative expressions, durations, sets,
// quarters, decades, seasons, years and month/weekday dates, each with a resolver that turns it into a
// TIMEX3 value once the publication date, the clause tense and the previous date of the text are known.
//
// Words: a sentence's tokens, lower-cased, with hyphens that glue two words ("third-quarter") dropped,
// and "mid-november" split into "mid" + "november"; every word remembers its token.
import type { Doc } from '../text/doc.js';
import type { Time } from '../result.js';
import {
  addDays,
  addMonths,
  compareYmd,
  fmtWeek,
  fmtY,
  fmtYM,
  fmtYmd,
  isoWeekday,
  quarterOf,
  type Ymd,
} from './calendar.js';
import { isNumericHead, type LexKind, type Lexicon } from './lexicon.js';

const HEAD_REACH = 6;
import type { Tense } from './tense.js';

export type TimeType = Time['type'];

export interface Resolved {
  value: string;
  type: TimeType;
  mod?: string;
  /** the value was computed from the previous date of the text: it does not become the next anchor */
  anchored?: boolean;
}

export interface Ctx {
  /** publication date, null when unknown */
  dct: Ymd | null;
  /** tense of the clause holding the expression (computed on demand) */
  tense(): Tense;
  /** the value of the closest earlier DATE expression of the text with a calendar value, or null */
  prev: string | null;
  /** the word before the expression (lower case), '' at the sentence start */
  before: string;
  /** the expression is followed by "'s" ("Friday's vote") */
  possessive?: boolean;
}

export interface Candidate {
  /** word range [first, last) */
  first: number;
  last: number;
  resolve(ctx: Ctx): Resolved | null;
}

export class Words {
  norms: string[] = [];
  texts: string[] = [];
  pos: string[] = [];
  tok: number[] = [];

  static of(doc: Doc, first: number, last: number): Words {
    const w = new Words();
    const t = doc.tokens;
    for (let k = first; k < last; k++) {
      const x = t[k]!;
      if (
        x.text === '-' &&
        k > first &&
        k + 1 < last &&
        t[k - 1]!.end === x.start &&
        t[k + 1]!.start === x.end
      )
        continue;
      if (x.norm.startsWith('mid-') && x.norm.length > 4) {
        w.push('mid', 'mid', 'ADJ', k);
        w.push(x.norm.slice(4), x.text.slice(4), x.pos, k);
        continue;
      }
      w.push(x.norm, x.text, x.pos, k);
    }
    return w;
  }

  private push(norm: string, text: string, pos: string, tok: number): void {
    this.norms.push(norm);
    this.texts.push(text);
    this.pos.push(pos);
    this.tok.push(tok);
  }

  get length(): number {
    return this.norms.length;
  }
}

const UNIT_VALUE: Record<string, string> = {
  Y: 'Y',
  M: 'M',
  W: 'W',
  D: 'D',
  Q: 'Q',
  DE: 'E',
  CE: 'C',
  ML: 'L',
  WE: 'WE',
};

/** TIMEX duration value for n units ("P3D", "PT2H", "PXY" when n is unknown). */
export function durationValue(n: number | null, unit: string): string {
  let u = unit;
  let v = n;
  if (unit === '2W') {
    u = 'W';
    v = n === null ? null : n * 2;
  }
  if (u === 'HALF') return n === null ? 'PXM' : `P${n * 6}M`;
  if (v !== null && !Number.isInteger(v)) {
    // 1.5 years → P18M, 2.5 days → P60H ...
    const down: Record<string, [string, number]> = {
      Y: ['M', 12],
      M: ['D', 30],
      W: ['D', 7],
      D: ['H', 24],
      H: ['MIN', 60],
    };
    const d = down[u] ?? (u === 'MIN' ? (['S', 60] as [string, number]) : undefined);
    if (d) {
      const whole = Math.floor(v);
      const rest = Math.round((v - whole) * d[1]);
      if (whole === 0) return durationValue(rest, d[0]);
      const low = durationValue(rest, d[0]);
      const high = durationValue(whole, u);
      // P2Y + P6M → P2Y6M; P1D + PT12H → P1DT12H; PT2H + PT30M → PT2H30M
      return high + (high.includes('T') ? low.replace(/^PT/, '') : low.replace(/^P/, ''));
    }
  }
  const num = v === null ? 'X' : String(v);
  if (u === 'H') return `PT${num}H`;
  if (u === 'MIN') return `PT${num}M`;
  if (u === 'S') return `PT${num}S`;
  return `P${num}${UNIT_VALUE[u] ?? u}`;
}

const DATE_PREP = new Set([
  'in',
  'on',
  'since',
  'until',
  'till',
  'by',
  'from',
  'to',
  'of',
  'through',
  'during',
  'before',
  'after',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'that',
  'end',
  'between',
  'and',
  'or',
  'around',
  'for',
]);
/** words before "1998 budget" that make the number a year */
const YEAR_BEFORE_NOUN = new Set([
  'the',
  'in',
  'of',
  'since',
  'by',
  'until',
  'from',
  'fiscal',
  'calendar',
  "'s",
  'mid',
  'for',
  'after',
  'before',
]);
/** words before "2000 people" that make the number a count */
const QUANT_PREV = new Set([
  'about',
  'some',
  'nearly',
  'over',
  'than',
  'around',
  'almost',
  'approximately',
  'roughly',
  'least',
  'only',
  'just',
  'additional',
  'another',
  'extra',
  'all',
  'estimated',
  'up',
  'to',
  'and',
  'or',
  'with',
  'of',
]);
const SEASON_PREP = new Set([
  'in',
  'during',
  'over',
  'by',
  'until',
  'till',
  'since',
  'through',
  'throughout',
  'early',
  'late',
  'this',
  'next',
  'last',
  'mid',
]);
const REL_WORDS: Record<string, number> = {
  this: 0,
  current: 0,
  last: -1,
  past: -1,
  previous: -1,
  next: 1,
  coming: 1,
  following: 1,
};
const ANCHOR_REL = new Set(['following', 'previous']);
const DUR_PRE = new Set([
  'past',
  'last',
  'next',
  'first',
  'previous',
  'coming',
  'latest',
  'following',
  'additional',
  'final',
  'initial',
  'full',
  'remaining',
  'further',
  'entire',
  'whole',
]);
const MODS: [string[], string][] = [
  [['the', 'end', 'of'], 'END'],
  [['end', 'of'], 'END'],
  [['the', 'close', 'of'], 'END'],
  [['the', 'beginning', 'of'], 'START'],
  [['the', 'start', 'of'], 'START'],
  [['beginning', 'of'], 'START'],
  [['start', 'of'], 'START'],
  [['the', 'middle', 'of'], 'MID'],
  [['the', 'turn', 'of'], 'START'],
  [['early'], 'START'],
  [['late'], 'END'],
  [['mid'], 'MID'],
  [['earlier'], ''],
  [['later'], ''],
];
const QUANT_MODS: [string[], string][] = [
  [['more', 'than'], 'MORE_THAN'],
  [['over'], 'MORE_THAN'],
  [['at', 'least'], 'EQUAL_OR_MORE'],
  [['less', 'than'], 'LESS_THAN'],
  [['fewer', 'than'], 'LESS_THAN'],
  [['under'], 'LESS_THAN'],
  [['up', 'to'], 'EQUAL_OR_LESS'],
  [['no', 'more', 'than'], 'EQUAL_OR_LESS'],
  [['at', 'most'], 'EQUAL_OR_LESS'],
  [['within'], 'EQUAL_OR_LESS'],
  [['about'], 'APPROX'],
  [['around'], 'APPROX'],
  [['nearly'], 'APPROX'],
  [['almost'], 'APPROX'],
  [['roughly'], 'APPROX'],
  [['approximately'], 'APPROX'],
  [['some'], 'APPROX'],
];

const byFirst = (list: [string[], string][]): Map<string, [string[], string][]> => {
  const m = new Map<string, [string[], string][]>();
  for (const e of list) {
    const k = e[0][0]!;
    m.set(k, [...(m.get(k) ?? []), e]);
  }
  return m;
};
const MODS_BY_FIRST = byFirst(MODS);
const QUANT_BY_FIRST = byFirst(QUANT_MODS);
const NONE: [string[], string][] = [];

interface Hit {
  len: number;
  resolve(ctx: Ctx): Resolved | null;
}

const isDigits = (s: string): boolean => /^\d+$/.test(s);

export function yearValue(s: string | undefined): number | null {
  if (!s || !/^\d{4}$/.test(s)) return null;
  const y = +s;
  return y >= 1000 && y <= 2999 ? y : null;
}

/** Resolution helpers that depend on the publication date and tense. */
/** Words before a date that point forward ("until March", "payable Dec. 7") or back ("since March"). */
const NEAREST_PREP = new Set(['to', 'by', 'through', 'thru', 'until', 'till']);
const FORWARD_PREP = new Set(['effective', 'payable', 'due', 'expires', 'expiring', 'starting', 'beginning']);
const BACKWARD_PREP = new Set(['since']);

/** -1: the date lies before the publication date, 1: after it, 0: either (take the nearest) */
export function direction(ctx: Ctx): number {
  if (FORWARD_PREP.has(ctx.before)) return 1;
  // "extended to Nov. 16", "through Oct. 19": a limit, the nearest such date
  if (NEAREST_PREP.has(ctx.before)) return 0;
  if (BACKWARD_PREP.has(ctx.before)) return -1;
  const t = ctx.tense();
  return t === 'past' ? -1 : t === 'future' ? 1 : 0;
}

/** The year of a month (and day) without a year, by direction; the nearest one when the clause does not say. */
export function monthYear(m: number, ctx: Ctx, day = 15): string {
  const dct = ctx.dct;
  if (!dct) return 'XXXX';
  const dir = direction(ctx);
  const diff = (m - dct.m) * 31 + (day - dct.d);
  let y = dct.y;
  if (dir < 0 && diff > 0) y--;
  else if (dir > 0 && diff < 0) y++;
  else if (dir === 0 && diff > 183) y--;
  else if (dir === 0 && diff < -186) y++;
  return fmtY(y);
}

export function weekdayDate(wd: number, ctx: Ctx, rel: number | null): string {
  const dct = ctx.dct;
  if (!dct) return `XXXX-WXX-${wd}`;
  const cur = isoWeekday(dct);
  let dir: number;
  if (rel === -1) dir = -1;
  else if (rel === 1) dir = 1;
  else {
    // present simple with a weekday plans ("polls open on Sunday"); a possessive reports ("Friday's vote")
    const d = direction(ctx);
    dir = d > 0 || (d === 0 && ctx.tense() === 'present' && !ctx.possessive) ? 1 : -1;
  }
  let diff: number;
  if (dir < 0) {
    diff = -((cur - wd + 7) % 7);
    if (rel === -1 && diff === 0) diff = -7;
  } else {
    diff = (wd - cur + 7) % 7;
    if (rel === 1 && diff === 0) diff = 7;
  }
  return fmtYmd(addDays(dct, diff));
}

/** Shift a TIMEX calendar value by n units (years/months/days); null when it cannot be. */
export function shiftValue(value: string, n: number, unit: string): string | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return unit === 'Y' ? fmtY(+m[1]! + n) : null;
  m = /^(\d{4})-(Q\d|H\d|SP|SU|FA|WI|QX)$/.exec(value);
  if (m) return unit === 'Y' ? `${fmtY(+m[1]! + n)}-${m[2]}` : null;
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    if (unit !== 'Y' && unit !== 'M') return null;
    const x = addMonths({ y: +m[1]!, m: +m[2]!, d: 1 }, unit === 'Y' ? 12 * n : n);
    return fmtYM(x.y, x.m);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const x = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
    if (unit === 'Y') return fmtYmd(addMonths(x, 12 * n));
    if (unit === 'M') return fmtYmd(addMonths(x, n));
    if (unit === 'W') return fmtYmd(addDays(x, 7 * n));
    if (unit === 'D') return fmtYmd(addDays(x, n));
  }
  return null;
}

/** The value of a date n units away from the publication date, at the unit's granularity. */
function offsetFromDct(dct: Ymd | null, n: number, unit: string): string {
  if (!dct) {
    return (
      { Y: 'XXXX', M: 'XXXX-XX', W: 'XXXX-WXX', D: 'XXXX-XX-XX', Q: 'XXXX-QX' }[unit] ??
      (n < 0 ? 'PAST_REF' : 'FUTURE_REF')
    );
  }
  switch (unit) {
    case 'Y':
      return fmtY(dct.y + n);
    case 'M': {
      const x = addMonths(dct, n);
      return fmtYM(x.y, x.m);
    }
    case 'W':
      return fmtWeek(addDays(dct, 7 * n));
    case 'D':
      return fmtYmd(addDays(dct, n));
    case '2W':
      return fmtWeek(addDays(dct, 14 * n));
    case 'Q': {
      const x = addMonths(dct, 3 * n);
      return `${fmtY(x.y)}-Q${quarterOf(x.m)}`;
    }
    case 'DE':
      return String(Math.floor((dct.y + 10 * n) / 10));
    case 'CE':
      return String(Math.floor((dct.y + 100 * n) / 100));
    case 'WE':
      return `${fmtWeek(addDays(dct, 7 * n))}-WE`;
    case 'H':
    case 'MIN':
      return fmtYmd(dct);
    default:
      return n < 0 ? 'PAST_REF' : 'FUTURE_REF';
  }
}

// The rules of Grammar.core, one bit each: a word maps to the rules that can match starting at it, so
// core() calls only those (most candidate starts fail every rule).
const R_DEICTIC = 1;
const R_REF = 2;
const R_RELATIVE = 4;
const R_MONTH_DATE = 8;
const R_WEEKDAY = 16;
const R_YEAR = 32;
const R_QUARTER = 64;
const R_AGO = 128;
const R_DURATION = 256;
const R_SET = 512;
const R_SEASON = 1024;
/** the rules that can start at a word in digits ("8 March", "1998", "3rd quarter", "two days", "3 years ago") */
const DIGIT_RULES = R_MONTH_DATE | R_YEAR | R_QUARTER | R_AGO | R_DURATION;

export class Grammar {
  /** words an expression can start with; other positions are not tried */
  private readonly starters: Set<string>;
  /** word → R_* bits of the rules that can match starting at it (words in digits and "'90s" aside) */
  private readonly ruleStarts = new Map<string, number>();

  constructor(private readonly lex: Lexicon) {
    const s = new Set<string>(lex.heads);
    for (const w of lex.firstWords(['number', 'ordinal', 'vague', 'deictic', 'ref', 'setadv'])) s.add(w);
    for (const [words] of [...MODS, ...QUANT_MODS]) s.add(words[0]!);
    for (const w of Object.keys(REL_WORDS)) s.add(w);
    for (const w of DUR_PRE) s.add(w);
    for (const w of ['the', 'a', 'an', 'that', 'fiscal', 'calendar', 'every', 'each', 'per', 'latest', 'mid'])
      s.add(w);
    this.starters = s;

    // the words each rule's first test accepts at its start position, read off the rules below
    const starts = (rule: number, words: Iterable<string>): void => {
      for (const w of words) this.ruleStarts.set(w, (this.ruleStarts.get(w) ?? 0) | rule);
    };
    const first = (...kinds: LexKind[]): string[] => lex.firstWords(kinds);
    starts(R_DEICTIC, ['the', 'overnight', 'tonight', 'this', 'last', 'yesterday', 'tomorrow', 'today']);
    starts(R_DEICTIC, first('partofday', 'deictic'));
    starts(R_REF, first('ref'));
    // REL_WORDS is a plain object: REL_WORDS['constructor'] is not undefined, so those words pass its test too
    starts(R_RELATIVE, ['the', ...Object.keys(REL_WORDS), 'constructor', '__proto__']);
    starts(R_MONTH_DATE, ['the', ...first('month')]);
    starts(R_WEEKDAY, first('partofday', 'weekday'));
    starts(R_YEAR, ['the', ...first('number')]);
    starts(R_QUARTER, [
      'the',
      'that',
      'this',
      'last',
      'next',
      'latest',
      'same',
      'comparable',
      'corresponding',
    ]);
    starts(R_QUARTER, ['year', 'year-ago', 'fiscal', 'first', '-', 'period', ...first('ordinal', 'unit')]);
    starts(R_AGO, first('vague', 'number', 'unit'));
    starts(R_DURATION, ['the', 'a', ...DUR_PRE, ...first('vague', 'number', 'unit')]);
    starts(R_SET, ['every', 'each', 'a', 'per', 'an', ...first('setadv')]);
    starts(R_SEASON, ['the', ...first('season')]);
  }

  /** All expressions of the sentence, longest-first, left to right, not overlapping; only those starting
   * before word `until` when given (an expression never depends on the ones after it). */
  parse(w: Words, until = w.length): Candidate[] {
    const out: Candidate[] = [];
    // an expression starts at most HEAD_REACH words before its head word
    const near = new Uint8Array(w.length);
    for (let k = 0; k < w.length; k++) {
      const n = w.norms[k]!;
      if (this.lex.heads.has(n) || isNumericHead(n) || n === 'period') {
        for (let j = Math.max(0, k - HEAD_REACH); j <= k; j++) near[j] = 1;
      }
    }
    let i = 0;
    while (i < until) {
      const n = w.norms[i]!;
      const c = n.charCodeAt(0);
      const h = near[i] && (this.starters.has(n) || (c >= 48 && c <= 57) || c === 39) ? this.at(w, i) : null;
      if (h) {
        out.push({ first: i, last: i + h.len, resolve: h.resolve });
        i += h.len;
      } else i++;
    }
    return out;
  }

  /** The longest expression starting at word i. */
  at(w: Words, i: number): Hit | null {
    const n = w.norms[i]!;
    // the quantity modifiers of durations and "ago" expressions
    for (const [words, mod] of QUANT_BY_FIRST.get(n) ?? NONE) {
      if (this.seq(w, i, words) && this.number(w, i + words.length)) {
        const h = this.core(w, i + words.length);
        if (h) {
          return {
            len: words.length + h.len,
            resolve: (ctx) => {
              const r = h.resolve(ctx);
              return r && r.type === 'DURATION' ? { ...r, mod } : r;
            },
          };
        }
      }
    }
    for (const [words, mod] of MODS_BY_FIRST.get(n) ?? NONE) {
      if (!this.seq(w, i, words)) continue;
      let h = this.core(w, i + words.length);
      // "the end of the year", "the middle of the month": the publication's year/month/week
      const u = w.norms[i + words.length] === 'the' ? this.unit(w, i + words.length + 1) : null;
      if (!h && mod && u && !u.plural && (u.code === 'Y' || u.code === 'M' || u.code === 'W')) {
        h = { len: 2, resolve: (c) => ({ value: offsetFromDct(c.dct, 0, u.code), type: 'DATE' }) };
      }
      if (!h) continue;
      return {
        len: words.length + h.len,
        resolve: (ctx) => {
          const r = h.resolve(ctx);
          if (!r || !mod || r.type !== 'DATE' || /REF$/.test(r.value)) return r;
          return { ...r, mod };
        },
      };
    }
    if (n === 'fiscal' || n === 'calendar') {
      const h = this.core(w, i + 1);
      if (h) return { len: h.len + 1, resolve: h.resolve };
    }
    return this.core(w, i);
  }

  private seq(w: Words, i: number, words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (w.norms[i + k] !== words[k]) return false;
    return true;
  }

  private core(w: Words, i: number): Hit | null {
    if (i >= w.length) return null;
    const n = w.norms[i]!;
    const c = n.charCodeAt(0);
    // only the rules that can start at this word are tried
    const rules = (this.ruleStarts.get(n) ?? 0) | (c >= 48 && c <= 57 ? DIGIT_RULES : c === 39 ? R_YEAR : 0);
    if (!rules) return null;
    // the longest hit wins, the first rule on a tie (no closure: this runs for every candidate start)
    let best: Hit | null = null;
    let h: Hit | null = null;
    if (rules & R_DEICTIC) best = this.deictic(w, i);
    if (rules & R_REF && (h = this.ref(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_RELATIVE && (h = this.relative(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_MONTH_DATE && (h = this.monthDate(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_WEEKDAY && (h = this.weekday(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_YEAR && (h = this.year(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_QUARTER && (h = this.quarter(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_AGO && (h = this.ago(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_DURATION && (h = this.duration(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_SET && (h = this.set(w, i)) && (!best || h.len > best.len)) best = h;
    if (rules & R_SEASON && (h = this.season(w, i)) && (!best || h.len > best.len)) best = h;
    return best;
  }

  // ---- pieces --------------------------------------------------------------------------

  /** a number: digits, number words ("twenty four"), "a", "2 1/2", "one and a half"; NaN for vague words */
  number(w: Words, i: number): { val: number; len: number } | null {
    const n = w.norms[i];
    if (n === undefined) return null;
    const vague = this.lex.match('vague', w.norms, i);
    if (vague) return { val: NaN, len: vague.len };
    let val: number;
    let len: number;
    if (/^\d+(\.\d+)?$/.test(n)) {
      val = +n;
      len = 1;
      if (w.norms[i + 1] === '1/2') return { val: val + 0.5, len: 2 };
    } else if (/^\d{1,3}(,\d{3})+$/.test(n)) {
      val = +n.replace(/,/g, '');
      len = 1;
    } else {
      const h = this.lex.match('number', w.norms, i);
      if (!h) return null;
      val = +h.value;
      len = h.len;
      // twenty four
      const units = this.lex.match('number', w.norms, i + len);
      if (
        val >= 20 &&
        val < 100 &&
        val % 10 === 0 &&
        units &&
        +units.value < 10 &&
        units.len === 1 &&
        w.norms[i + len] !== 'a'
      ) {
        val += +units.value;
        len += 1;
      }
    }
    if (this.seq(w, i + len, ['and', 'a', 'half'])) return { val: val + 0.5, len: len + 3 };
    return { val, len };
  }

  unit(w: Words, i: number): { code: string; plural: boolean } | null {
    const n = w.norms[i];
    if (!n) return null;
    const v = this.lex.value('unit', n);
    if (!v) return null;
    const plural = n.endsWith('s') || n === 'centuries' || n === 'millennia';
    return { code: v, plural };
  }

  private isMonth(w: Words, i: number): number | null {
    const n = w.norms[i];
    if (!n) return null;
    const v = this.lex.value('month', n);
    if (!v) return null;
    const text = w.texts[i]!;
    if (text[0] !== text[0]!.toUpperCase() || text[0] === text[0]!.toLowerCase()) return null;
    if (n === 'may' || n === 'march') {
      // a month only next to a day/year or after a date preposition
      const next = w.norms[i + 1] ?? '';
      const prev = w.norms[i - 1] ?? '';
      if (!(
        isDigits(next) ||
        DATE_PREP.has(prev) ||
        /^\d/.test(prev) ||
        next === ',' ||
        next === '.' ||
        next === 'last' ||
        next === 'this' ||
        next === 'next'
      ))
        return null;
      if (w.pos[i] === 'VERB' && !isDigits(next)) return null;
    }
    return +v;
  }

  private isWeekday(w: Words, i: number): number | null {
    const n = w.norms[i];
    if (!n) return null;
    const v = this.lex.value('weekday', n);
    if (!v) return null;
    const text = w.texts[i]!;
    if (text[0] !== text[0]!.toUpperCase()) return null;
    if (n === 'sun.' || n === 'sat.' || n === 'wed.') {
      if (!isDigits(w.norms[i + 1] ?? '') && w.norms[i + 1] !== ',') return null;
    }
    return +v;
  }

  private day(w: Words, i: number): number | null {
    const n = w.norms[i];
    if (!n) return null;
    let v: number | null = null;
    if (/^\d{1,2}$/.test(n)) v = +n;
    else if (/^\d{1,2}(st|nd|rd|th)$/.test(n)) v = parseInt(n, 10);
    else {
      const o = this.lex.value('ordinal', n);
      if (o) v = +o;
    }
    return v !== null && v >= 1 && v <= 31 ? v : null;
  }

  /** a year in digits ("1994") or words ("nineteen ninety-four", "two thousand", "the year two thousand") */
  yearAt(w: Words, i: number): { y: number; len: number } | null {
    const d = yearValue(w.norms[i]);
    if (d !== null) return { y: d, len: 1 };
    let k = i;
    if (w.norms[k] === 'the' && w.norms[k + 1] === 'year') k += 2;
    const num = (j: number): number | null => {
      const v = this.lex.value('number', w.norms[j] ?? '');
      return v === null || w.norms[j] === 'a' || w.norms[j] === 'an' ? null : +v;
    };
    const a = num(k);
    if (a === null) return null;
    if (a >= 11 && a <= 19) {
      const t = num(k + 1);
      if (t === null || t < 20 || t >= 100 || t % 10 !== 0) return null;
      const u = num(k + 2);
      const hasU = u !== null && u >= 1 && u <= 9;
      return { y: a * 100 + t + (hasU ? u : 0), len: k - i + (hasU ? 3 : 2) };
    }
    if (a === 2 && w.norms[k + 1] === 'thousand') {
      let len = k - i + 2;
      let y = 2000;
      const skip = w.norms[k + 2] === 'and' ? 1 : 0;
      const u = num(k + 2 + skip);
      if (u !== null && u < 100) {
        y += u;
        len += 1 + skip;
      }
      return { y, len };
    }
    return null;
  }

  // ---- rules ---------------------------------------------------------------------------

  private deictic(w: Words, i: number): Hit | null {
    const n = w.norms[i]!;
    // "afternoon yesterday", "mid afternoon": a part of day before a day word
    const podFirst = this.lex.value('partofday', n);
    if (podFirst && !podFirst.includes(':')) {
      const day = this.lex.match('deictic', w.norms, i + 1);
      if (day) {
        const off = +day.value;
        return {
          len: 1 + day.len,
          resolve: (c) => ({
            value: c.dct ? `${fmtYmd(addDays(c.dct, off))}T${podFirst}` : `XXXX-XX-XXT${podFirst}`,
            type: 'TIME',
          }),
        };
      }
    }
    // the weekend: the one of the publication week, or the last one for a past clause
    if (
      n === 'the' &&
      (w.norms[i + 1] === 'weekend' || (w.norms[i + 1] === 'past' && w.norms[i + 2] === 'weekend'))
    ) {
      const len = w.norms[i + 1] === 'past' ? 3 : 2;
      return {
        len,
        resolve: (c) => {
          if (!c.dct) return { value: 'XXXX-WXX-WE', type: 'DATE' };
          const wd = isoWeekday(c.dct);
          const back = len === 3 || (wd < 6 && direction(c) < 0);
          return { value: `${fmtWeek(addDays(c.dct, back && wd < 6 ? -7 : 0))}-WE`, type: 'DATE' };
        },
      };
    }
    // tonight, last night, this morning
    // "overnight" (not "an overnight stay"): the night before the publication day
    if (n === 'overnight' && w.pos[i + 1] !== 'NOUN' && w.norms[i - 1] !== 'an' && w.norms[i - 1] !== 'the')
      return {
        len: 1,
        resolve: (c) => ({
          value: c.dct ? `${fmtYmd(addDays(c.dct, -1))}TNI` : 'XXXX-XX-XXTNI',
          type: 'TIME',
        }),
      };
    if (n === 'tonight')
      return {
        len: 1,
        resolve: (c) => ({ value: c.dct ? `${fmtYmd(c.dct)}TNI` : 'PRESENT_REF', type: 'TIME' }),
      };
    const pod0 = w.norms[i + 1] ? this.lex.value('partofday', w.norms[i + 1]!) : null;
    if (
      (n === 'this' || n === 'last' || n === 'yesterday' || n === 'tomorrow' || n === 'today') &&
      pod0 &&
      !pod0.includes(':')
    ) {
      if (n === 'last' && pod0 !== 'NI') return null;
      const off = n === 'last' || n === 'yesterday' ? -1 : n === 'tomorrow' ? 1 : 0;
      return {
        len: 2,
        resolve: (c) => ({
          value: c.dct ? `${fmtYmd(addDays(c.dct, off))}T${pod0}` : `XXXX-XX-XXT${pod0}`,
          type: 'TIME',
        }),
      };
    }
    const h = this.lex.match('deictic', w.norms, i);
    if (!h) return null;
    const off = +h.value;
    // "morning yesterday" is handled by the part-of-day prefix below
    return {
      len: h.len,
      resolve: (c) => {
        if (!c.dct) return { value: off === 0 ? 'PRESENT_REF' : 'XXXX-XX-XX', type: 'DATE' };
        return { value: fmtYmd(addDays(c.dct, off)), type: 'DATE' };
      },
    };
  }

  private ref(w: Words, i: number): Hit | null {
    const h = this.lex.match('ref', w.norms, i);
    if (!h) return null;
    const n = w.norms[i]!;
    const next = w.norms[i + h.len];
    // "current" and "future" only as adjectives before a time or as the whole phrase; "earlier"/"now" not before "than"/"that"
    if (h.len === 1 && n === 'recent' && !this.unit(w, i + 1)?.plural) return null;
    // "the long-term plan": an adjective
    if (w.norms[i + h.len - 1] === 'term' && (w.pos[i + h.len] === 'NOUN' || w.pos[i + h.len] === 'ADJ'))
      return null;
    if (h.len === 1 && (n === 'current' || n === 'recent')) {
      if (next && this.unit(w, i + h.len)?.plural) {
        const u = this.unit(w, i + h.len)!;
        const value = n === 'recent' && u.code !== 'Y' ? durationValue(null, u.code) : h.value;
        return { len: 2, resolve: () => ({ value, type: /^P(\d|X|T)/.test(value) ? 'DURATION' : 'DATE' }) };
      }
      if (n === 'current' && next && this.unit(w, i + 1)) return null; // "the current quarter" → relative
    }
    if (h.len === 1 && n === 'future' && w.norms[i - 1] !== 'the' && !this.unit(w, i + 1)) return null;
    if (h.len === 1 && n === 'earlier' && (next === 'than' || next === 'this' || next === 'in')) return null;
    if (h.len === 1 && n === 'now' && next === 'that') return null;
    if (next && this.unit(w, i + h.len)?.plural && n === 'future') {
      return { len: h.len + 1, resolve: () => ({ value: 'FUTURE_REF', type: 'DATE' }) };
    }
    return { len: h.len, resolve: () => ({ value: h.value, type: 'DATE' }) };
  }

  /** this/last/next/past/coming + week, month, year, quarter, weekend, season, month name, weekday */
  private relative(w: Words, i: number): Hit | null {
    let k = i;
    const the = w.norms[k] === 'the';
    if (the) k++;
    const word = w.norms[k];
    if (word === undefined) return null;
    let rel = REL_WORDS[word];
    if (word === 'latest' && the) rel = -1;
    if (rel === undefined) return null;
    if (
      !the &&
      (word === 'past' || word === 'previous' || word === 'following' || word === 'coming') &&
      word !== 'past'
    )
      return null;
    k++;
    // "this coming Sunday": the next one
    if (word === 'this' && w.norms[k] === 'coming') {
      rel = 1;
      k++;
    }
    // "this year's third quarter" is the quarter rule's
    const mon = this.isMonth(w, k);
    if (mon !== null && !the) {
      return {
        len: k + 1 - i,
        resolve: (c) => {
          if (!c.dct) return { value: `XXXX-${String(mon).padStart(2, '0')}`, type: 'DATE' };
          let y = c.dct.y;
          if (rel < 0 && mon >= c.dct.m) y--;
          if (rel > 0 && mon <= c.dct.m) y++;
          return { value: fmtYM(y, mon), type: 'DATE' };
        },
      };
    }
    const wd = this.isWeekday(w, k);
    if (wd !== null && !the) {
      return {
        len: k + 1 - i,
        resolve: (c) => ({ value: weekdayDate(wd, c, rel === 0 ? null : rel), type: 'DATE' }),
      };
    }
    const season = w.norms[k] ? this.lex.value('season', w.norms[k]!) : null;
    if (season) {
      return {
        len: k + 1 - i,
        resolve: (c) => {
          if (!c.dct) return { value: `XXXX-${season}`, type: 'DATE' };
          const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[season] ?? 1;
          let y = c.dct.y;
          if (rel < 0 && start >= c.dct.m - 1) y--;
          if (rel > 0 && start <= c.dct.m) y++;
          return { value: `${fmtY(y)}-${season}`, type: 'DATE' };
        },
      };
    }
    if (w.norms[k] === 'fiscal' || w.norms[k] === 'calendar') k++;
    const u = this.unit(w, k);
    if (!u || u.plural || u.code === 'HALF' || u.code === 'MIN' || u.code === 'S') return null;
    // "this year's third quarter" is the quarter rule's; "this year's election" is this year
    if (
      w.norms[k + 1] === "'s" &&
      (this.lex.value('ordinal', w.norms[k + 2] ?? '') || w.norms[k + 2] === 'quarter')
    )
      return null; // "this year's" → quarter rule
    const anchorPrev = ANCHOR_REL.has(word);
    const code = u.code;
    return {
      len: k + 1 - i,
      resolve: (c) => {
        if (anchorPrev && c.prev) {
          const s = shiftValue(c.prev, rel, code === 'Q' ? 'M' : code);
          if (s && code === 'Y') return { value: s.slice(0, 4), type: 'DATE' };
          if (s && code === 'M' && s.length >= 7) return { value: s.slice(0, 7), type: 'DATE' };
        }
        if ((word === 'latest' || word === 'past') && code === 'Q' && c.dct) {
          return { value: offsetFromDct(c.dct, -1, 'Q'), type: 'DATE' };
        }
        if (code === 'H' || code === 'MIN' || code === 'S')
          return { value: durationValue(1, code), type: 'DURATION' };
        return { value: offsetFromDct(c.dct, rel, code), type: 'DATE' };
      },
    };
  }

  /** [the] [Nth of] Month [day][,] [year]; Month year; day Month year; Month this/last/next year */
  private monthDate(w: Words, i: number): Hit | null {
    let k = i;
    let day: number | null = null;
    // "the 8th of March", "8 March"
    if (w.norms[k] === 'the' && this.day(w, k + 1) !== null && w.norms[k + 2] === 'of') {
      day = this.day(w, k + 1);
      k += 3;
    } else if (this.day(w, k) !== null && this.isMonth(w, k + 1) !== null && /^\d/.test(w.norms[k]!)) {
      day = this.day(w, k);
      k += 1;
    }
    const m = this.isMonth(w, k);
    if (m === null) return null;
    k++;
    if (day === null) {
      const d = this.day(w, k);
      // not "May 1998" read as day; a day is 1-2 digits or an ordinal
      if (d !== null && !(w.norms[k + 1] && this.unit(w, k + 1))) {
        day = d;
        k++;
      }
    }
    let year: number | null = null;
    let relYear: number | null = null;
    const ya = this.yearAt(w, w.norms[k] === ',' || w.norms[k] === 'of' ? k + 1 : k);
    if (ya) {
      year = ya.y;
      k += ya.len + (w.norms[k] === ',' || w.norms[k] === 'of' ? 1 : 0);
    } else if (
      (w.norms[k] === 'this' || w.norms[k] === 'last' || w.norms[k] === 'next') &&
      w.norms[k + 1] === 'year'
    ) {
      relYear = REL_WORDS[w.norms[k]!]!;
      k += 2;
    }
    const dd = day;
    return {
      len: k - i,
      resolve: (c) => {
        let y: string;
        if (year !== null) y = fmtY(year);
        else if (relYear !== null) y = c.dct ? fmtY(c.dct.y + relYear) : 'XXXX';
        else y = monthYear(m, c, dd ?? 15);
        const ym = `${y}-${String(m).padStart(2, '0')}`;
        return { value: dd === null ? ym : `${ym}-${String(dd).padStart(2, '0')}`, type: 'DATE' };
      },
    };
  }

  /** Weekday [, Month day [, year]] [part of day]; part of day + weekday; plural weekdays are sets */
  private weekday(w: Words, i: number): Hit | null {
    let k = i;
    let podPre: string | null = null;
    const pv = w.norms[k] ? this.lex.value('partofday', w.norms[k]!) : null;
    if (pv && this.isWeekday(w, k + 1) !== null) {
      podPre = pv;
      k++;
    }
    const wd = this.isWeekday(w, k);
    if (wd === null) return null;
    const plural = w.norms[k]!.endsWith('s') && w.norms[k] !== 'tues.' && w.norms[k] !== 'thurs.';
    k++;
    if (plural) {
      const pod = w.norms[k] ? this.lex.value('partofday', w.norms[k]!) : null;
      const len = k - i + (pod ? 1 : 0);
      return {
        len,
        resolve: () => ({
          value: `XXXX-WXX-${wd}${pod && !pod.includes(':') ? 'T' + pod : ''}`,
          type: 'SET',
        }),
      };
    }
    // Tuesday, Feb. 7 → the month rule gives the value
    let j = k;
    if (w.norms[j] === ',') j++;
    const md = this.monthDate(w, j);
    if (md) {
      return {
        len: j - i + md.len,
        resolve: (c) => {
          const r = md.resolve(c);
          if (!r || !c.dct) return r;
          const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.value);
          if (!m) return r;
          // "Saturday, April 25" without a year: the year, near the publication date, whose April 25 is a Saturday
          const at = (y: number): Ymd => ({ y, m: +m[2]!, d: +m[3]! });
          if (isoWeekday(at(+m[1]!)) === wd) return r;
          for (const y of [c.dct.y, c.dct.y - 1, c.dct.y + 1]) {
            if (isoWeekday(at(y)) === wd && !explicitYear(w, j, j + md.len))
              return { ...r, value: fmtYmd(at(y)) };
          }
          return r;
        },
      };
    }
    const podPl =
      w.norms[k] && w.norms[k]!.endsWith('s') ? this.lex.value('partofday', w.norms[k]!.slice(0, -1)) : null;
    if (podPl && !podPl.includes(':'))
      return { len: k + 1 - i, resolve: () => ({ value: `XXXX-WXX-${wd}T${podPl}`, type: 'SET' }) };
    let pod = podPre;
    if (!pod && w.norms[k]) {
      const p = this.lex.value('partofday', w.norms[k]!);
      if (p) {
        pod = p;
        k++;
      }
    }
    const tod = pod;
    return {
      len: k - i,
      resolve: (c) => {
        const d = weekdayDate(wd, c, null);
        if (!tod) return { value: d, type: 'DATE' };
        return { value: `${d}T${tod}`, type: 'TIME' };
      },
    };
  }

  /** a year ("in 2004"), a decade ("the 1990s", "the '90s"), a century ("the 20th century") */
  private year(w: Words, i: number): Hit | null {
    const sp = this.yearAt(w, i);
    // a spelled year needs a date context: "in nineteen ninety-six", "the year two thousand"
    if (
      sp &&
      sp.len > 1 &&
      (w.norms[i] === 'the' || DATE_PREP.has(w.norms[i - 1] ?? '') || this.isMonth(w, i - 1) !== null)
    )
      return { len: sp.len, resolve: () => ({ value: fmtY(sp.y), type: 'DATE' }) };
    let k = i;
    const the = w.norms[k] === 'the';
    if (the) k++;
    let mod = '';
    if (the && (w.norms[k] === 'early' || w.norms[k] === 'late' || w.norms[k] === 'mid')) {
      mod = w.norms[k] === 'early' ? 'START' : w.norms[k] === 'late' ? 'END' : 'MID';
      k++;
    }
    const n = w.norms[k];
    if (!n) return null;
    let m = /^(1\d|20)(\d)0s$/.exec(n);
    if (m) {
      const v = m[1]! + m[2]!;
      return { len: k + 1 - i, resolve: () => ({ value: v, type: 'DATE', ...(mod ? { mod } : {}) }) };
    }
    const dw = this.lex.value('decade', n);
    if (dw && the) {
      return {
        len: k + 1 - i,
        resolve: () => ({ value: `19${dw}`, type: 'DATE', ...(mod ? { mod } : {}) }),
      };
    }
    m = /^'(\d)0s$/.exec(n);
    if (m) {
      const dd = m[1]!;
      return {
        len: k + 1 - i,
        resolve: (c) => ({
          value: (dd <= '2' && c.dct && c.dct.y >= 2000 ? '20' : '19') + dd,
          type: 'DATE',
          ...(mod ? { mod } : {}),
        }),
      };
    }
    const ord = this.day(w, k);
    if (
      the &&
      ord !== null &&
      !/^\d+$/.test(n) &&
      (w.norms[k + 1] === 'century' || w.norms[k + 1] === 'centuries')
    ) {
      return { len: k + 2 - i, resolve: () => ({ value: String(ord - 1).padStart(2, '0'), type: 'DATE' }) };
    }
    if (the || mod) return null;
    const y = yearValue(n);
    if (y === null || y < 1800 || y > 2099) return null;
    const prev = w.norms[i - 1] ?? '';
    if (prev === '$' || prev === '£' || prev === '€' || prev === '#' || prev === 'no.' || prev === 'number')
      return null;
    const next = w.norms[i + 1] ?? '';
    if (next === '%' || next === 'percent' || next === 'per' || next === ':' || next === '.' + '') {
      if (next !== '.') return null;
    }
    // "2000 people", "about 1900 troops": a count, unless a determiner or date word shows a year ("the 1998 budget")
    if (
      (w.pos[i + 1] === 'NOUN' || w.pos[i + 1] === 'PROPN') &&
      !this.unit(w, i + 1) &&
      this.isMonth(w, i + 1) === null
    ) {
      if (prev === '' || QUANT_PREV.has(prev) || w.pos[i - 1] === 'NUM') return null;
      const yearish =
        YEAR_BEFORE_NOUN.has(prev) || ['DET', 'PRON', 'ADJ', 'PROPN'].includes(w.pos[i - 1] ?? '');
      if (!yearish && w.pos[i + 1] === 'NOUN' && next.endsWith('s')) return null;
    }
    if (/^\d/.test(prev) && prev.length <= 2) return null; // "23 2004" is a number list
    return { len: 1, resolve: () => ({ value: fmtY(y), type: 'DATE' }) };
  }

  /** [the] [this/last/next year's | fiscal] Nth [fiscal] quarter|half [of YYYY]; the latest/current quarter */
  private quarter(w: Words, i: number): Hit | null {
    let k = i;
    if (w.norms[k] === 'the' || w.norms[k] === 'that') k++;
    let yearRel: number | null = null;
    let year: number | null = null;
    if (
      (w.norms[k] === 'this' || w.norms[k] === 'last' || w.norms[k] === 'next') &&
      w.norms[k + 1] === 'year' &&
      w.norms[k + 2] === "'s"
    ) {
      yearRel = REL_WORDS[w.norms[k]!]!;
      k += 3;
    } else if (yearValue(w.norms[k]) !== null && w.norms[k + 1] !== ',') {
      year = yearValue(w.norms[k]);
      k++;
    }
    let latest = false;
    if (
      w.norms[k] === 'latest' ||
      w.norms[k] === 'same' ||
      w.norms[k] === 'comparable' ||
      w.norms[k] === 'corresponding'
    ) {
      latest = w.norms[k] === 'latest';
      k++;
    }
    let yearAgo = false;
    if (
      (w.norms[k] === 'year' && (w.norms[k + 1] === 'earlier' || w.norms[k + 1] === 'ago')) ||
      w.norms[k] === 'year-ago'
    ) {
      yearAgo = true;
      k += w.norms[k] === 'year' ? 2 : 1;
    }
    if (w.norms[k] === 'fiscal') k++;
    let ord = this.lex.value('ordinal', w.norms[k] ?? '');
    // "the last half of 1989", "the last quarter of 2011"
    if (
      ord === null &&
      w.norms[k] === 'last' &&
      (w.norms[k + 1] === 'half' || w.norms[k + 1] === 'quarter') &&
      w.norms[k + 2] === 'of'
    )
      ord = w.norms[k + 1] === 'half' ? '2' : '4';
    let count = 1;
    if (ord === null && /^(1st|2nd|3rd|4th)$/.test(w.norms[k] ?? '')) ord = w.norms[k]![0]!;
    if (
      (w.norms[k] === 'first' || w.norms[k] === 'last') &&
      this.number(w, k + 1) &&
      this.unit(w, k + 2)?.plural
    ) {
      // "first two quarters" = first half
      count = this.number(w, k + 1)!.val;
      if (w.norms[k] === 'last') ord = null;
      k += 1 + this.number(w, k + 1)!.len;
    } else if (ord !== null) k++;
    if (w.norms[k] === 'fiscal' || w.norms[k] === '-') k++;
    const u = this.unit(w, k);
    const isPeriod = w.norms[k] === 'period';
    if (!u && !isPeriod) return null;
    if (u && u.code !== 'Q' && u.code !== 'HALF') return null;
    const code = u ? u.code : 'Q';
    k++;
    if (w.norms[k] === 'of' && yearValue(w.norms[k + 1]) !== null) {
      year = yearValue(w.norms[k + 1]);
      k += 2;
    } else if (
      w.norms[k] === 'of' &&
      (w.norms[k + 1] === 'this' || w.norms[k + 1] === 'last' || w.norms[k + 1] === 'next') &&
      w.norms[k + 2] === 'year'
    ) {
      yearRel = REL_WORDS[w.norms[k + 1]!]!;
      k += 3;
    }
    const the = w.norms[i] === 'the' || w.norms[i] === 'that';
    // "the quarter", "the 1989 quarter", "that quarter", "the latest period": the quarter the text reports on —
    // the previous quarter of the text, else the last completed one
    if (ord === null && !yearAgo) {
      if (!the || yearRel !== null || (code !== 'Q' && !isPeriod)) return null;
      if (w.norms[k - 1] === 'quarters') return null;
      return {
        len: k - i,
        resolve: (c) => {
          const prevQ = c.prev && /^\d{4}-Q\d$/.test(c.prev) ? c.prev : null;
          if (isPeriod && !prevQ && !latest && year === null) return null;
          let v = latest || !prevQ ? (c.dct ? offsetFromDct(c.dct, -1, 'Q') : 'XXXX-QX') : prevQ;
          if (year !== null) v = `${fmtY(year)}${v.slice(4)}`;
          return { value: v, type: 'DATE', anchored: true };
        },
      };
    }
    if (ord === null && yearAgo) {
      return {
        len: k - i,
        resolve: (c) => {
          const base =
            c.prev && /^\d{4}-Q\d$/.test(c.prev) ? c.prev : c.dct ? offsetFromDct(c.dct, -1, 'Q') : null;
          const v = base ? shiftValue(base, -1, 'Y') : null;
          return { value: v ?? 'XXXX-QX', type: 'DATE', anchored: true };
        },
      };
    }
    const q = +ord!;
    const letter = code === 'HALF' ? 'H' : 'Q';
    if ((letter === 'Q' && (q < 1 || q > 4)) || (letter === 'H' && q > 2)) return null;
    const cnt = count;
    return {
      len: k - i,
      resolve: (c) => {
        const lab = cnt === 2 && letter === 'Q' ? `H${q}` : `${letter}${q}`;
        let y: string;
        if (year !== null) y = fmtY(year);
        else if (!c.dct) y = 'XXXX';
        else if (yearRel !== null) y = fmtY(c.dct.y + yearRel);
        else {
          const startMonth = letter === 'Q' ? (q - 1) * 3 + 1 : (q - 1) * 6 + 1;
          const t = c.tense();
          let yy = c.dct.y;
          if (startMonth > c.dct.m && t !== 'future') yy--;
          if (yearAgo) yy--;
          y = fmtY(yy);
        }
        return { value: `${y}-${lab}`, type: 'DATE' };
      },
    };
  }

  /** N units ago / earlier / later / from now; "a year earlier" follows the previous date of the text */
  private ago(w: Words, i: number): Hit | null {
    const num = this.number(w, i);
    let k = i;
    let val = 1;
    if (num) {
      val = num.val;
      k += num.len;
    }
    const u = this.unit(w, k);
    if (!u) return null;
    const bareYear =
      !num && u.code === 'Y' && !u.plural && w.norms[i - 1] !== 'a' && w.norms[i - 1] !== 'the';
    if (!num && !(u.plural && w.norms[k + 1] === 'ago') && !bareYear) return null;
    k++;
    if (w.norms[k] === 'or' && w.norms[k + 1] === 'so') k += 2;
    const after = w.norms[k];
    let dir: number;
    let anchored = false;
    if (after === 'ago') dir = -1;
    else if (after === 'earlier' || after === 'before') {
      dir = -1;
      anchored = true;
    } else if (after === 'later' || after === 'after') {
      dir = 1;
      anchored = true;
    } else if (after === 'from' && w.norms[k + 1] === 'now') {
      dir = 1;
      k++;
    } else if (after === 'hence') dir = 1;
    else return null;
    // "three days after the veto": an event anchor follows → a duration; the event stage dates it
    const follow = w.norms[k + 1];
    if (
      (after === 'after' || after === 'before') &&
      follow &&
      follow !== '.' &&
      follow !== ',' &&
      follow !== ';'
    )
      return null;
    if (after === 'earlier' && (follow === 'than' || follow === 'this' || follow === 'in')) return null;
    if (bareYear && after !== 'earlier' && after !== 'ago') return null;
    // "three days later", "a day earlier": TimeML marks the distance ("three days") as a duration
    if (
      anchored &&
      num &&
      !Number.isNaN(num.val) &&
      (u.code === 'D' || u.code === 'W' || u.code === 'H' || u.code === 'MIN')
    ) {
      const dv = durationValue(num.val, u.code);
      return { len: k - i, resolve: () => ({ value: dv, type: 'DURATION' }) };
    }
    k++;
    const code = u.code;
    const n = val;
    const resolveAgo = (c: Ctx): Resolved => {
      if (Number.isNaN(n)) {
        if (after === 'ago' && code === 'Y' && c.dct && w.norms[i] !== 'several')
          return { value: `${String(c.dct.y).slice(0, 3)}X`, type: 'DATE' };
        return { value: dir < 0 ? 'PAST_REF' : 'FUTURE_REF', type: 'DATE' };
      }
      if (code === 'D' && anchored && c.prev && /^\d{4}-\d{2}-\d{2}$/.test(c.prev)) {
        return { value: shiftValue(c.prev, dir * n, 'D')!, type: 'DATE' };
      }
      // "a year ago/earlier" after a quarter, month or day of the text: the same period a year before
      if (code === 'Y' && c.prev && c.dct && /-[QH]\d$/.test(c.prev)) {
        const s = shiftValue(c.prev, dir * n, 'Y');
        if (s) return { value: s, type: 'DATE' };
      }
      if (anchored && c.prev && /^\d{4}$/.test(c.prev) && code === 'Y') {
        return { value: fmtY(+c.prev + dir * n), type: 'DATE' };
      }
      return { value: offsetFromDct(c.dct, dir * Math.round(n), code), type: 'DATE' };
    };
    return { len: k - i, resolve: (c) => ({ ...resolveAgo(c), anchored: true }) };
  }

  /** [the] [past|next|first...] N units; N-unit; several years; "the nine months" */
  private duration(w: Words, i: number): Hit | null {
    let k = i;
    const the = w.norms[k] === 'the' || w.norms[k] === 'a';
    if (the && w.norms[k] === 'the') k++;
    let pre = '';
    if (DUR_PRE.has(w.norms[k] ?? '') && w.norms[k] !== 'the') {
      pre = w.norms[k]!;
      k++;
    }
    const num = this.number(w, k);
    if (!num) {
      // "the past year" is last year; "the next year or so" next year
      if (
        w.norms[i] === 'the' &&
        (pre === 'past' || pre === 'next') &&
        this.unit(w, k) &&
        !this.unit(w, k)!.plural
      ) {
        const u = this.unit(w, k)!;
        let len = k + 1 - i;
        if (w.norms[k + 1] === 'or' && w.norms[k + 2] === 'so') len += 2;
        const rel = pre === 'past' ? -1 : 1;
        return { len, resolve: (c) => ({ value: offsetFromDct(c.dct, rel, u.code), type: 'DATE' }) };
      }
      // bare plural unit after "for"/"in"/"over": "for years"
      const u = this.unit(w, k);
      const prev = w.norms[i - 1];
      if (
        u &&
        u.plural &&
        k === i &&
        (prev === 'for' || prev === 'over' || prev === 'in' || prev === 'within') &&
        u.code !== 'S' &&
        u.code !== 'MIN'
      ) {
        return { len: 1, resolve: () => ({ value: durationValue(null, u.code), type: 'DURATION' }) };
      }
      return null;
    }
    k += num.len;
    if (
      w.norms[k] === 'more' ||
      w.norms[k] === 'full' ||
      w.norms[k] === 'straight' ||
      w.norms[k] === 'trading' ||
      w.norms[k] === 'business' ||
      w.norms[k] === 'consecutive' ||
      w.norms[k] === 'calendar'
    )
      k++;
    const u = this.unit(w, k);
    if (!u) return null;
    let val = num.val;
    // "three-quarters of", "one-half": fractions, not durations
    if ((u.code === 'Q' && w.norms[k + 1] === 'of') || u.code === 'HALF') return null;
    // "a year" without a number word in a plural context is a set ("$5 a year") — the set rule decides
    if (w.norms[i] === 'a' && num.len === 1 && !pre) {
      const p = w.norms[i - 1] ?? '';
      if (/^\d/.test(p) || p === 'times' || p === 'once' || p === 'twice' || p === '%' || p === 'percent')
        return null;
    }
    // "a decade" is fine; "one second" as ordinal is not handled here
    // "a second term", "the second round": an ordinal, not a duration
    if (
      u.code === 'S' &&
      w.norms[k] === 'second' &&
      num.len === 1 &&
      !/^\d/.test(w.norms[k - 1]!) &&
      /^(NOUN|ADJ|PROPN|VERB|NUM)$/.test(w.pos[k + 1] ?? '')
    )
      return null;
    // numbers that are not counts of the unit: "1998 years" never
    if (val > 1000 && u.code !== 'S' && u.code !== 'MIN') return null;
    k++;
    if (w.norms[k] === 'or' && w.norms[k + 1] === 'so') k += 2;
    // "a minute and a half"
    if (this.seq(w, k, ['and', 'a', 'half']) && !Number.isNaN(val)) {
      val += 0.5;
      k += 3;
    }
    // ages are not times: "52 years old", "a two-year-old"
    if (w.norms[k] === 'old' || (w.norms[k] === 'of' && w.norms[k + 1] === 'age')) return null;
    if (w.norms[k] === 'ago' || w.norms[k] === 'earlier' || w.norms[k] === 'later' || w.norms[k] === 'hence')
      return null;
    const code = u.code;
    const vague = Number.isNaN(val);
    return {
      len: k - i,
      resolve: () => {
        if (vague && (pre === 'next' || pre === 'coming'))
          return { value: durationValue(null, code), type: 'DURATION' };
        return { value: durationValue(vague ? null : val, code), type: 'DURATION' };
      },
    };
  }

  /** every/each [other] [N] unit|weekday|month; daily, weekly...; "twice a year", "$5 a month" */
  private set(w: Words, i: number): Hit | null {
    const n = w.norms[i]!;
    const adv = this.lex.match('setadv', w.norms, i);
    if (adv && !(adv.len === 1 && (w.pos[i + 1] === 'NOUN' || w.pos[i + 1] === 'ADJ')))
      return { len: adv.len, resolve: () => ({ value: adv.value, type: 'SET' }) };
    if (n === 'every' || n === 'each') {
      let k = i + 1;
      let mult = 1;
      if (w.norms[k] === 'other') {
        mult = 2;
        k++;
      }
      const num = this.number(w, k);
      if (num && !Number.isNaN(num.val) && w.norms[k] !== 'a') {
        mult *= num.val;
        k += num.len;
      }
      const wd = this.isWeekday(w, k);
      if (wd !== null) return { len: k + 1 - i, resolve: () => ({ value: `XXXX-WXX-${wd}`, type: 'SET' }) };
      const m = this.isMonth(w, k);
      if (m !== null)
        return {
          len: k + 1 - i,
          resolve: () => ({ value: `XXXX-${String(m).padStart(2, '0')}`, type: 'SET' }),
        };
      const season = w.norms[k] ? this.lex.value('season', w.norms[k]!) : null;
      if (season) return { len: k + 1 - i, resolve: () => ({ value: `XXXX-${season}`, type: 'SET' }) };
      const u = this.unit(w, k);
      if (u && u.code !== 'WE')
        return { len: k + 1 - i, resolve: () => ({ value: durationValue(mult, u.code), type: 'SET' }) };
      if (u) return { len: k + 1 - i, resolve: () => ({ value: 'XXXX-WXX-WE', type: 'SET' }) };
      return null;
    }
    if (n === 'a' || n === 'per' || n === 'an') {
      const u = this.unit(w, i + 1);
      if (!u || u.plural) return null;
      const p = w.norms[i - 1] ?? '';
      if (
        n === 'per' ||
        /^\d/.test(p) ||
        p === 'times' ||
        p === 'once' ||
        p === 'twice' ||
        p === '%' ||
        p === 'percent' ||
        w.pos[i - 1] === 'NUM'
      )
        return { len: 2, resolve: () => ({ value: durationValue(1, u.code), type: 'SET' }) };
    }
    return null;
  }

  /** [in|the] season [of] [YYYY] */
  private season(w: Words, i: number): Hit | null {
    let k = i;
    if (w.norms[k] === 'the') k++;
    const s = w.norms[k] ? this.lex.value('season', w.norms[k]!) : null;
    if (!s) return null;
    if (w.pos[k] === 'VERB') return null;
    const prev = w.norms[i - 1] ?? '';
    k++;
    let year: number | null = null;
    const ya = this.yearAt(w, w.norms[k] === 'of' ? k + 1 : k);
    if (ya) {
      year = ya.y;
      k += ya.len + (w.norms[k] === 'of' ? 1 : 0);
    }
    // without a year, a season needs a time preposition before it ("in the autumn", "during summer"),
    // and "the fall of Rome", "the spring in his step" are not seasons
    if (year === null) {
      const before = w.norms[i] === 'the' ? (w.norms[i - 1] ?? '') : prev;
      if (!SEASON_PREP.has(before)) return null;
      if (w.norms[k] === 'of' || w.norms[k] === 'in' || w.pos[k] === 'NOUN') return null;
    }
    return {
      len: k - i,
      resolve: (c) => {
        if (year !== null) return { value: `${fmtY(year)}-${s}`, type: 'DATE' };
        if (!c.dct) return { value: `XXXX-${s}`, type: 'DATE' };
        const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[s] ?? 1;
        let y = c.dct.y;
        const t = c.tense();
        if (t === 'past' && start > c.dct.m) y--;
        return { value: `${fmtY(y)}-${s}`, type: 'DATE' };
      },
    };
  }
}

/** Does the word range hold a year in digits? */
function explicitYear(w: Words, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (yearValue(w.norms[k]) !== null) return true;
  return false;
}

/** true when a value names a calendar period (for "the previous date of the text") */
export function isCalendarValue(v: string): boolean {
  return /^\d{4}(-(\d{2}(-\d{2})?|Q\d|H\d|W\d{2}))?$/.test(v);
}

export { compareYmd };
