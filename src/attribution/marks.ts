// Quote marks → quoted spans. One pass over the characters of each paragraph.
// Double marks (straight or curly) are the outer level; single marks open a quote only outside a
// double quote (headline style 'like this') and are nested text inside one. A paragraph that ends
// inside a double quote continues into the next paragraph only when that paragraph opens with a
// quote mark; otherwise the quote stops at the end of its paragraph (no runaway quotes).
import type { Span } from '../result.js';

export interface RawQuote {
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark, -1 when the quote was never closed */
  close: number;
  /** inner span: the quoted words without the marks */
  start: number;
  end: number;
  single: boolean;
  /** index of the paragraph holding the opening mark */
  para: number;
}

const MARK = /["“”„«»'‘’]/g;
const D_OPEN = new Set(['“', '„', '«']);
const D_CLOSE = new Set(['”', '»']);
const S_OPEN = new Set(['‘']);
const isSpace = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\u00a0' || c === '\r';
const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
const OPEN_BEFORE = new Set(['(', '[', '{', '—', '–', '-', '/', '“', '"', ':']);

function opensDouble(text: string, i: number, paraStart: number): boolean {
  const c = text[i]!;
  if (D_OPEN.has(c)) return true;
  const prev = i > paraStart ? text[i - 1] : undefined;
  const next = text[i + 1];
  if (c === '"') return !(isWord(prev) && !isWord(next)) && !isSpace(next);
  // a closing curly mark used as an opener: after a space, before a word
  if (c === '”') return (i === paraStart || isSpace(prev)) && isWord(next);
  return false;
}

function opensSingle(text: string, i: number, paraStart: number): boolean {
  const c = text[i]!;
  if (c !== "'" && !S_OPEN.has(c)) return false;
  const prev = i > paraStart ? text[i - 1] : undefined;
  return (i === paraStart || isSpace(prev) || OPEN_BEFORE.has(prev!)) && isLetter(text[i + 1]);
}

function closesSingle(text: string, i: number): boolean {
  const c = text[i]!;
  if (c !== "'" && c !== '’') return false;
  return !isSpace(text[i - 1]) && !isWord(text[i + 1]);
}

export function quoteSpans(text: string, paragraphs: Span[]): RawQuote[] {
  const out: RawQuote[] = [];
  let dOpen = -1;
  let dPara = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: ps, end: pe } = paragraphs[p]!;
    let i = ps;
    if (dOpen >= 0) {
      // continuing a quote from the previous paragraph: this paragraph opens with a quote mark
      i = ps + 1;
    }
    let sOpen = -1;
    for (MARK.lastIndex = i; ;) {
      const hit = MARK.exec(text);
      if (!hit || hit.index >= pe) break;
      i = hit.index;
      const c = hit[0];
      if (dOpen >= 0) {
        if (D_CLOSE.has(c) || c === '"' || (c === '“' && (isSpace(text[i + 1]) || i + 1 >= pe))) {
          if (i > dOpen + 1)
            out.push({ open: dOpen, close: i, start: dOpen + 1, end: i, single: false, para: dPara });
          dOpen = -1;
        }
      } else if (sOpen >= 0) {
        if (closesSingle(text, i)) {
          const inner = text.slice(sOpen + 1, i);
          if (inner.length >= 2 && /\p{L}/u.test(inner))
            out.push({ open: sOpen, close: i, start: sOpen + 1, end: i, single: true, para: p });
          sOpen = -1;
        }
      } else if (opensDouble(text, i, ps)) {
        dOpen = i;
        dPara = p;
      } else if (opensSingle(text, i, ps)) {
        sOpen = i;
      }
    }
    if (dOpen >= 0) {
      const next = paragraphs[p + 1];
      const c = next ? text[next.start] : undefined;
      const continues = c !== undefined && (D_OPEN.has(c) || c === '"');
      if (!continues) {
        // unclosed: the quote stops at the end of this paragraph
        let end = pe;
        while (end > dOpen + 1 && isSpace(text[end - 1])) end--;
        if (end > dOpen + 1)
          out.push({ open: dOpen, close: -1, start: dOpen + 1, end, single: false, para: dPara });
        dOpen = -1;
      }
    }
  }
  return out;
}
