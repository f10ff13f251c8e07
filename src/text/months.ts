// English month names and their abbreviations ("Sept.", "Dec"), which several stages must tell apart from
// other words: a number next to a month is a date, not a count.
const NAMES = 'january february march april may june july august september october november december'.split(
  ' ',
);
const MONTHS = new Map<string, number>(
  NAMES.flatMap((m, i) => [[m, i + 1] as const, [m.slice(0, 3), i + 1] as const]),
);
MONTHS.set('sept', 9);

/** The month number (1–12) of a lower-case word, full or abbreviated, with or without a final dot; else null. */
export function monthOf(norm: string): number | null {
  return MONTHS.get(norm.endsWith('.') ? norm.slice(0, -1) : norm) ?? null;
}
