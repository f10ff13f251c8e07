// Paragraph spans: blank-line separated blocks when the text has blank lines,
// otherwise one paragraph per non-empty line (scraped text often has no blank lines).
import type { Span } from '../result.js';

export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const sep = /\n[ \t\u00a0]*\n/.test(text) ? /\n(?:[ \t\u00a0]*\n)+/g : /\n+/g;
  let start = 0;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (const m of text.matchAll(sep)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}
