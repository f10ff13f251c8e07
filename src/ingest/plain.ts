// Plain text: the first line is the headline when it looks like one.
import type { Article } from './article.js';

export function fromPlainText(text: string, origin: string): Article {
  const title = detectHeadline(text);
  return title ? { text, title, origin } : { text, origin };
}

/**
 * A headline is a short first line standing alone (followed by a blank line or by a longer
 * paragraph) that does not end like a sentence.
 */
export function detectHeadline(text: string): string | null {
  const t = text.replace(/^\s+/, '');
  const nl = t.indexOf('\n');
  if (nl < 0) return null;
  const first = t.slice(0, nl).trim();
  const words = first.split(/\s+/).length;
  if (!first || words > 25 || first.length > 200) return null;
  if (/[.,;:]$/.test(first) && !/\b[A-Z][a-z]{0,3}\.$/.test(first)) return null;
  const rest = t.slice(nl + 1);
  const blankAfter = /^[ \t]*\n/.test(rest);
  const nextLine = rest.trim().split('\n')[0] ?? '';
  return blankAfter || nextLine.length > first.length * 2 ? first : null;
}
