// Figures: numeric claims about people and things ("More than 5,400 people have been killed").
// A number phrase (digits, words, vague counts, money) becomes a figure only with something counted:
// a counted noun from data/attribution/figure-units.tsv, an outcome word (killed, injured ...), a
// toll noun ("death toll"), or a currency. Years, dates, ages, scores and percentages are not figures.
import type { Figure } from '../result.js';
import type { Doc, Token } from '../text/doc.js';
import { reportTime, sourceOf } from './attribute.js';
import { FLAG_CURRENCY, FLAG_DIGIT, FLAG_NUMBER, lexicon } from './lexicon.js';
import { analysis } from './analysis.js';
import type { Bound } from './lexicon.js';
import { isMonthWord, timeIn } from './when.js';

interface NumPhrase {
  first: number;
  last: number;
  value: number;
  max: number | null;
  bound: Bound;
  currency: string | null;
}

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const SHORT_SCALES = new Set(['m', 'b', 'k', 'bn', 'mn', 'tn', 'mln']);
const HEDGE_VERBS = new Set([
  'have',
  'be',
  'get',
  'believe',
  'think',
  'fear',
  'say',
  'report',
  'estimate',
  'confirm',
  'know',
  'understand',
  'feared',
  'believed',
]);
/** nationality words that may stand between a number and its noun ("20 Syrian soldiers") */
const DEMONYM = /(?:an|ish|ese|i|ic|ch)$/;
const BARE_OUTCOMES = new Set(['killed', 'injured', 'missing', 'arrested', 'abducted']);
const SINGULAR = new Set(['was', 'is', 'has']);
const glued = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.end === b.start;

/** The number phrase that starts at token i, without its bound. */
function numberAt(tokens: Token[], i: number, end: number): Omit<NumPhrase, 'bound' | 'first'> | null {
  if (i >= end || !tokens[i]) return null;
  const lex = lexicon();
  let k = i;
  let currency: string | null = null;
  const c = lex.currencies.get(tokens[k]!.norm);
  if (c && !/^\p{L}+$/u.test(tokens[k]!.norm)) {
    if (k + 1 < end && DIGITS.test(tokens[k + 1]!.text)) {
      currency = c;
      k++;
    } else return null;
  }
  const tok = tokens[k];
  if (!tok) return null;
  let value: number | null = null;
  const max: number | null = null;
  const c0 = tok.text.charCodeAt(0);
  // DIGITS starts with a digit: number words skip the regex
  if (c0 >= 48 && c0 <= 57 && DIGITS.test(tok.text)) {
    value = Number(tok.text.replace(/,/g, ''));
    k++;
  } else {
    const w = lex.numbers.at(tokens, k, end);
    if (!w) return null;
    if (w.value.kind === 'vague')
      return { last: k + w.length, value: w.value.value, max: w.value.max, currency };
    if (w.value.kind === 'scale') return null;
    // "a"/"an" count only before a scale word or "dozen"
    const isArticle = tokens[k]!.norm === 'a' || tokens[k]!.norm === 'an';
    value = w.value.value;
    k += w.length;
    // twenty-five
    if (value >= 20 && value < 100 && tokens[k]?.text === '-' && glued(tokens[k - 1], tokens[k])) {
      const u = lex.numbers.at(tokens, k + 1, end);
      if (u && u.value.kind === 'unit' && u.value.value < 10) {
        value += u.value.value;
        k += 1 + u.length;
      }
    }
    if (isArticle) {
      const s = lex.numbers.at(tokens, k, end);
      if (!s || (s.value.kind !== 'scale' && tokens[k]!.norm !== 'dozen')) return null;
      if (tokens[k]!.norm === 'dozen') {
        value = 12;
        k++;
      }
    }
  }
  // scale words: 5.4 million, 5m, two hundred thousand
  while (k < end) {
    // "£3m." at the end of a sentence is one token
    const dotted = tokens[k]!.norm.endsWith('.') ? tokens[k]!.norm.slice(0, -1) : null;
    if (dotted && SHORT_SCALES.has(dotted) && glued(tokens[k - 1], tokens[k])) {
      value *= lex.numbers.at([{ ...tokens[k]!, norm: dotted }], 0)?.value.value ?? 1;
      k++;
      break;
    }
    const s = lex.numbers.at(tokens, k, end);
    if (!s || s.value.kind !== 'scale') break;
    if (SHORT_SCALES.has(tokens[k]!.norm) && !glued(tokens[k - 1], tokens[k])) break;
    value *= s.value.value;
    k += s.length;
  }
  return { last: k, value, max, currency };
}

export function findFigures(doc: Doc): Figure[] {
  const t = doc.tokens;
  const out: Figure[] = [];
  const flags = analysis(doc).flags;
  for (const sent of doc.sentences) {
    let k = sent.first;
    while (k < sent.last) {
      // cheap gate: digits, a currency sign or a number word (flags only: the token is not read)
      if (!(flags[k]! & (FLAG_DIGIT | FLAG_NUMBER | FLAG_CURRENCY))) {
        k++;
        continue;
      }
      const n = numberAt(t, k, sent.last);
      if (!n) {
        k++;
        continue;
      }
      const fig = figureAt(doc, k, n, sent.first, sent.last, out[out.length - 1] ?? null);
      if (fig) out.push(fig);
      k = Math.max(k + 1, n.last, fig ? doc.tokenAt(fig.start + fig.quantity.length) : 0);
    }
  }
  return out;
}

function figureAt(
  doc: Doc,
  k: number,
  n: Omit<NumPhrase, 'bound' | 'first'>,
  lo: number,
  hi: number,
  prevFigure: Figure | null,
): Figure | null {
  const lex = lexicon();
  const t = doc.tokens;
  let first = k;
  const value = n.value;
  let { last, max } = n;
  const numTok = n.currency ? k + 1 : k;
  // not claims: aged 45, page 5, 45-year-old, 5%, 3 March, March 3, in 2011
  if (lex.nonClaimBefore.endingBefore(t, k, lo)) return null;
  // a percentage is a figure only of something counted: "40% of the refugees"
  const pct = t[last]?.text === '%' ? 1 : t[last]?.norm === 'per' && t[last + 1]?.norm === 'cent' ? 2 : 0;
  if (pct && !n.currency) {
    let j = last + pct;
    if (t[j]?.norm !== 'of') return null;
    j++;
    while (j < hi && (t[j]!.pos === 'DET' || t[j]!.pos === 'ADJ')) j++;
    const u = j < hi ? lex.unitNouns.at(t, j, hi) : null;
    if (!u) return null;
    const pb = lex.bounds.endingBefore(t, k, lo);
    const from = pb ? k - pb.length : k;
    return build(
      doc,
      from,
      j + u.length,
      last + pct,
      value,
      null,
      pb?.value ?? 'exact',
      `percent of ${u.value}`,
      prevFigure,
    );
  }
  if (last < hi && lex.nonClaimAfter.at(t, last, hi)) return null;
  if (t[last] && glued(t[last - 1], t[last]) && (t[last]!.text === '-' || t[last]!.text === '%')) return null;
  if (isMonthWord(t[last]?.norm ?? '') || isMonthWord(t[k - 1]?.norm ?? '')) return null;
  const isYear =
    !n.currency && /^\d{4}$/.test(t[numTok]!.text) && value >= 1800 && value <= 2100 && last === numTok + 1;

  // bound: more than, at least, between X and Y, X to Y
  let bound: Bound = max !== null ? 'range' : 'exact';
  const b = lex.bounds.endingBefore(t, k, lo);
  if (b && max === null) {
    bound = b.value;
    first = k - b.length;
  } else if (t[k - 1]?.norm === 'between' && t[last]?.norm === 'and') {
    const m = numberAt(t, last + 1, hi);
    if (m) {
      bound = 'range';
      max = m.value;
      first = k - 1;
      last = m.last;
    }
  } else if (
    (t[last]?.norm === 'to' || (t[last]?.text === '-' && glued(t[last - 1], t[last]))) &&
    max === null
  ) {
    const m = numberAt(t, last + 1, hi);
    if (m && m.value > value) {
      bound = 'range';
      max = m.value;
      last = m.last;
    }
  }
  if (isYear && (bound === 'exact' || lex.yearBefore.endingBefore(t, k, lo))) return null;
  if (lex.yearBefore.endingBefore(t, first, lo) && isYear) return null;

  // what is counted
  let unit: string | null = n.currency;
  let noun: string | null = null;
  let end = last;
  let j = last;
  let skipped = 0;
  while (!unit && j < hi && skipped <= 4) {
    const x = t[j]!;
    const cur = lex.currencies.get(x.norm);
    if (cur && x.pos !== 'SYM' && j === last) {
      unit = cur;
      end = j + 1;
      break;
    }
    const toll = lex.tolls.at(t, j, hi);
    if (toll && j === last) {
      unit = toll.value;
      end = j + toll.length;
      break;
    }
    const u = lex.unitNouns.at(t, j, hi);
    if (u) {
      noun = u.value;
      end = j + u.length;
      if (x.norm !== 'more' && x.norm !== 'others') break;
    } else if (noun) break;
    else if (!(
      x.pos === 'ADJ' ||
      (x.pos === 'PROPN' && DEMONYM.test(x.text)) ||
      x.norm === 'of' ||
      x.norm === 'the' ||
      x.norm === 'other' ||
      x.norm === 'those'
    ))
      break;
    j++;
    skipped++;
  }
  if (unit) return build(doc, first, end, last, value, max, bound, unit, prevFigure);

  // what happened to them: after ("have been killed"), or before ("killing at least 20")
  let outcome: string | null = null;
  let j2 = end;
  while (j2 < hi && j2 - end < 9) {
    const x = t[j2]!;
    const o = lex.outcomes.at(t, j2, hi);
    if (o) {
      outcome = o.value;
      end = j2 + o.length;
      break;
    }
    if (x.pos === 'AUX' || x.pos === 'ADV' || x.pos === 'PART' || HEDGE_VERBS.has(x.lemma)) {
      j2++;
      continue;
    }
    break;
  }
  if (!outcome) {
    for (let p = first - 1; p >= lo && first - p <= 4; p--) {
      const x = t[p]!;
      const toll = lex.tolls.at(t, p, first);
      if (toll && !noun) {
        unit = toll.value;
        break;
      }
      const o = lex.outcomes.at(t, p, first);
      if (o && p + o.length <= first) {
        outcome = o.value;
        break;
      }
      if (!(
        x.pos === 'DET' ||
        x.pos === 'ADP' ||
        x.pos === 'AUX' ||
        x.pos === 'ADV' ||
        /^(rose|risen|stands|stood|reached|climbed|is|was|at|to|of)$/.test(x.norm)
      ))
        break;
    }
  }
  if (unit) return build(doc, first, Math.max(end, last), last, value, max, bound, unit, prevFigure);
  // without a counted noun ("20 were killed", "killing 20") only casualty outcomes count, and a singular
  // verb after the number ("Half-Life 2 was released") shows it is a name, not a count
  if (outcome && !noun && (!BARE_OUTCOMES.has(outcome) || (value !== 1 && SINGULAR.has(t[last]?.norm ?? ''))))
    outcome = null;
  if (outcome)
    return build(doc, first, end, last, value, max, bound, `${noun ?? 'people'} ${outcome}`, prevFigure);
  if (noun && lex.standalone.has(noun))
    return build(doc, first, end, last, value, max, bound, noun, prevFigure);
  return null;
}

function build(
  doc: Doc,
  first: number,
  end: number,
  numLast: number,
  value: number,
  max: number | null,
  bound: Bound,
  unit: string,
  prevFigure: Figure | null,
): Figure {
  const t = doc.tokens;
  const s = t[first]!.sent;
  const sent = doc.sentences[s]!;
  // the period: "since the uprising began in March", "since then"
  let since: string | null = null;
  let spanEnd = end;
  for (let k = end; k < sent.last && k - end < 12; k++) {
    if (t[k]!.norm === ';') break;
    if (t[k]!.norm !== 'since') continue;
    if (t[k + 1]?.norm === 'then') {
      since = prevFigure?.until ?? prevFigure?.since ?? null;
      spanEnd = k + 2;
    } else {
      let stop = k + 1;
      while (stop < sent.last && stop - k < 10 && t[stop]!.text !== ',' && t[stop]!.text !== ';') stop++;
      since = timeIn(doc, k + 1, stop);
      if (since) spanEnd = stop;
    }
    break;
  }
  const place = placeNear(doc, first, Math.max(spanEnd, end), sent.first, sent.last);
  const span = { start: t[first]!.start, end: t[Math.max(end, numLast) - 1]!.end };
  const src = sourceOf(doc, span);
  const until = src?.report ? reportTime(doc, src.report) : null;
  // a sentence-final "£3m." token carries the full stop: leave it out
  const endOf = (k: number): number => {
    const x = t[k]!;
    return x.text.length > 1 && x.text.endsWith('.') && x.sent === s && k === sent.last - 1
      ? x.end - 1
      : x.end;
  };
  const fullEnd = endOf(Math.max(spanEnd, end, numLast) - 1);
  return {
    start: span.start,
    end: fullEnd,
    text: doc.text.slice(span.start, fullEnd),
    quantity: doc.text.slice(t[first]!.start, endOf(numLast - 1)),
    value,
    max,
    bound,
    unit,
    place,
    since,
    until,
    source: src && !src.hedgeOnly ? src.attribution.text : null,
    certainty: src?.attribution.certainty ?? null,
  };
}

/** The place named nearest the figure in its sentence (doc.places), else "in X" after it. */
function placeNear(doc: Doc, first: number, end: number, lo: number, hi: number): string | null {
  const t = doc.tokens;
  const a = t[lo]!.start;
  const b = t[hi - 1]!.end;
  const at = t[first]!.start;
  let best: string | null = null;
  let bestD = Infinity;
  for (const p of doc.places) {
    if (p.end <= a || p.start >= b) continue;
    // a place inside the counted clause wins; then the nearest
    const d = p.start >= at && p.start <= t[Math.min(hi, end + 3) - 1]!.end ? 0 : Math.abs(p.start - at);
    if (d < bestD) {
      bestD = d;
      best = p.name;
    }
  }
  if (best || doc.places.length) return best;
  for (let k = first; k < hi - 1; k++) {
    if (t[k]!.norm !== 'in' && t[k]!.norm !== 'across' && t[k]!.norm !== 'throughout') continue;
    let j = k + 1;
    if (t[j]?.norm === 'the') j++;
    const s = j;
    while (j < hi && t[j]!.pos === 'PROPN' && !isMonthWord(t[j]!.norm)) j++;
    if (j > s) return doc.text.slice(t[s]!.start, t[j - 1]!.end);
  }
  return null;
}
