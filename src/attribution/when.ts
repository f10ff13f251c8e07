// Dates for figures: the start of a counted period ("since March") and the time of a statement
// ("the UN said early last month"). doc.times (the times stage) is used when it covers the words;
// a few common forms are read here when it does not, so the stage degrades gracefully.
import type { Doc } from '../text/doc.js';
import { monthOf } from '../text/months.js';

/** A month word, leaving out "mar" and "jun", which are more often other words in running text. */
export function isMonthWord(norm: string): boolean {
  return monthOf(norm) !== null && norm !== 'mar' && norm !== 'jun';
}

const pad = (n: number): string => String(n).padStart(2, '0');

interface Pub {
  y: number;
  m: number;
  d: number;
}

function pubOf(doc: Doc): Pub | null {
  const p = doc.meta.published;
  const m = p ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(p) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3] ?? 15) } : null;
}

/**
 * A past time value, normalised to YYYY, YYYY-MM or YYYY-MM-DD. Values the times stage left without a
 * year (XXXX-03) or placed after the publication date are moved to the latest year not after it.
 */
export function pastValue(doc: Doc, value: string): string | null {
  const m = /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const pub = pubOf(doc);
  let y = m[1] === 'XXXX' ? (pub?.y ?? null) : Number(m[1]);
  if (y === null) return null;
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (pub && mo !== null && (y > pub.y || (y === pub.y && mo > pub.m)) && (m[1] === 'XXXX' || y === pub.y))
    y -= 1;
  return mo === null ? String(y) : d === null ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`;
}

/** The first time value within the token range [first, last): from doc.times, else read from the words. */
export function timeIn(doc: Doc, first: number, last: number): string | null {
  if (first >= last) return null;
  const t = doc.tokens;
  const a = t[first]!.start;
  const b = t[last - 1]!.end;
  for (const x of doc.times) {
    if (x.end <= a || x.start >= b) continue;
    if (x.type !== 'DATE') continue;
    const v = pastValue(doc, x.value);
    if (v) return v;
  }
  if (doc.times.length) return null;
  return readTime(doc, first, last);
}

/** A few common forms, used only when the times stage left nothing. */
function readTime(doc: Doc, first: number, last: number): string | null {
  const t = doc.tokens;
  const pub = pubOf(doc);
  for (let k = first; k < last; k++) {
    const w = t[k]!.norm;
    const next = t[k + 1]?.norm ?? '';
    if (isMonthWord(w)) {
      const mo = monthOf(w)!;
      const yTok = k + 1 < last && /^\d{4}$/.test(next) ? Number(next) : null;
      if (yTok) return `${yTok}-${pad(mo)}`;
      if (!pub) return null;
      return pastValue(doc, `XXXX-${pad(mo)}`);
    }
    if (/^\d{4}$/.test(w) && Number(w) > 1800 && Number(w) < 2100) return w;
    if (!pub) continue;
    if ((w === 'last' || w === 'this') && (next === 'month' || next === 'year' || next === 'week')) {
      const back = w === 'last' ? 1 : 0;
      if (next === 'year') return String(pub.y - back);
      if (next === 'month') {
        const mi = pub.y * 12 + (pub.m - 1) - back;
        return `${Math.floor(mi / 12)}-${pad((mi % 12) + 1)}`;
      }
      return `${pub.y}-${pad(pub.m)}`;
    }
    if (w === 'yesterday' || w === 'today') {
      const dt = new Date(Date.UTC(pub.y, pub.m - 1, pub.d - (w === 'yesterday' ? 1 : 0)));
      return dt.toISOString().slice(0, 10);
    }
  }
  return null;
}
