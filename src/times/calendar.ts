// Calendar arithmetic on plain year/month/day triples (UTC, no clock), and TIMEX3 value formatting.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** "2012-02-07" (or a longer ISO stamp) → Ymd; null for anything else. */
export function parseYmd(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function fmtY(y: number): string {
  return pad(y, 4);
}
export function fmtYM(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}
export function fmtYmd(x: Ymd): string {
  return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
}

function toUtc(x: Ymd): number {
  return Date.UTC(x.y, x.m - 1, x.d);
}
function fromUtc(t: number): Ymd {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function addDays(x: Ymd, n: number): Ymd {
  return fromUtc(toUtc(x) + n * 86400000);
}

/** Months added; the day is clamped to the month's length. */
export function addMonths(x: Ymd, n: number): Ymd {
  const idx = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(x.d, daysIn(y, m)) };
}

export function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO weekday, Monday = 1 ... Sunday = 7 */
export function isoWeekday(x: Ymd): number {
  const w = new Date(toUtc(x)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week: the week's year and number. */
export function isoWeek(x: Ymd): { y: number; w: number } {
  const thursday = addDays(x, 4 - isoWeekday(x));
  const jan1 = toUtc({ y: thursday.y, m: 1, d: 1 });
  return { y: thursday.y, w: Math.floor((toUtc(thursday) - jan1) / 604800000) + 1 };
}

export function fmtWeek(x: Ymd): string {
  const { y, w } = isoWeek(x);
  return `${pad(y, 4)}-W${pad(w)}`;
}

/** Monday of the ISO week "YYYY-Www". */
export function weekStart(y: number, w: number): Ymd {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(jan4, (w - 1) * 7 - (isoWeekday(jan4) - 1));
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return toUtc(a) - toUtc(b);
}

export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86400000);
}
