// Clock times and numeric dates through chrono-node ("7:15 p.m. EST", "noon Thursday", "02/07/2012",
// "5 p.m. Nov. 9"). Chrono runs only on sentences that hold a clock-like token, and its result is refined
// by our rules: the year of a month/day and the day of a weekday come from the clause tense, not from
// chrono's nearest-date choice; the value is built only from the components chrono is certain of.
// the English locale only: the package root also loads 15 other locales (~250 ms of start-up)
import * as chrono from 'chrono-node/en';
import type { Doc } from '../text/doc.js';
import { fmtY, fmtYmd, type Ymd } from './calendar.js';
import { monthYear, weekdayDate, type Ctx, type Resolved } from './grammar.js';

export const CLOCK_WORDS = new Set([
  'noon',
  'midnight',
  'a.m.',
  'p.m.',
  'am',
  'pm',
  'noon',
  'midnight',
  'gmt',
  'utc',
  'est',
  'edt',
  'bst',
  'cet',
  'a.m',
  'p.m',
]);

/** Does token k look like part of a clock time or a numeric date? */
export function isClockToken(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  const c = t.norm.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (t.norm.length < 3) return false;
  } else if (t.norm === 'noon' || t.norm === 'midnight') return true;
  else if (CLOCK_WORDS.has(t.norm)) {
    // "p.m.", "GMT" after a number ("5 p.m."), not the verb "am"
    const p = doc.tokens[k - 1];
    return !!p && /^\d{1,2}([:.]\d\d)?$/.test(p.norm);
  } else return false;
  if (/^\d{1,2}[:.]\d{2}(am|pm|a\.m\.|p\.m\.)?$/.test(t.norm)) return /:/.test(t.norm) || /[ap]/.test(t.norm);
  if (/^\d{1,2}(am|pm)$/.test(t.norm)) return true;
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(t.norm)) return true;
  return false;
}

export interface ClockHit {
  start: number;
  end: number;
  resolve(ctx: Ctx): Resolved | null;
}

const LEADING = /^(at|on|in|by|from|since|until|around|about|before|after)\s+/i;
const pad = (n: number): string => String(n).padStart(2, '0');

let parser: chrono.Chrono | null = null;

/** chrono's English parsers for clock times and calendar formats only (the word-based ones are ours). */
const CLOCK_PARSERS = new Set([
  'ENTimeExpressionParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'SlashDateFormatParser',
  'ISOFormatParser',
  'ENCasualTimeParser',
]);

function clockParser(): chrono.Chrono {
  const c = chrono.casual.clone();
  const kept = c.parsers.filter((p) => CLOCK_PARSERS.has(p.constructor.name));
  // should a chrono release rename its parsers, keep them all rather than none
  if (kept.length >= 3) c.parsers = kept;
  return c;
}

/** chrono's results on [start, end) of the text, as doc offsets. */
export function clockTimes(doc: Doc, start: number, end: number, dct: Ymd | null): ClockHit[] {
  parser ??= clockParser();
  const text = doc.text.slice(start, end);
  const ref = dct ? new Date(Date.UTC(dct.y, dct.m - 1, dct.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: ClockHit[] = [];
  for (const r of parser.parse(text, { instant: ref, timezone: 0 })) {
    const c = r.start;
    let s = r.index;
    let txt = r.text;
    const lead = LEADING.exec(txt);
    if (lead) {
      s += lead[0].length;
      txt = txt.slice(lead[0].length);
    }
    const known = (k: Parameters<typeof c.isCertain>[0]): number | null => (c.isCertain(k) ? c.get(k) : null);
    const hour = known('hour');
    const year = known('year');
    const month = known('month');
    const day = known('day');
    const weekday = known('weekday');
    // only clock times and fully numeric dates are chrono's; words are our grammar's
    if (hour === null && !(year !== null && month !== null && day !== null)) continue;
    const minute = known('minute') ?? 0;
    out.push({
      start: start + s,
      end: start + s + txt.length,
      resolve: (ctx) => {
        let date: string;
        if (month !== null && day !== null)
          date = `${year !== null ? fmtY(year) : monthYear(month, ctx, day)}-${pad(month)}-${pad(day)}`;
        else if (weekday !== null) date = weekdayDate(weekday === 0 ? 7 : weekday, ctx, null);
        else date = ctx.dct ? fmtYmd(ctx.dct) : 'XXXX-XX-XX';
        if (hour === null) return { value: date, type: 'DATE' };
        return { value: `${date}T${pad(hour)}:${pad(minute)}`, type: 'TIME' };
      },
    });
  }
  return out;
}
