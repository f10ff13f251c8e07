// Publication dates as given by inputs → YYYY-MM-DD.

/** YYYY-MM-DD from "2012-02-07", "2012-02-07T10:00:00Z", "2009-03-20 12:24:52-05"; undefined if not a date. */
export function isoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (m) return validDate(m[1]!, m[2]!, m[3]!);
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().slice(0, 10);
}

function validDate(y: string, m: string, d: string): string | undefined {
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d)
    return undefined;
  return `${y}-${m}-${d}`;
}
