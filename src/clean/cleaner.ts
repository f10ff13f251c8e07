// Removes page and advertising cruft from article text, line by line, and logs every removal.
// Rules are data (data/cruft.tsv plus user files). A line is removed only when a rule matches the
// whole line, or when it is a short line repeated across the page; a line that reads like a
// sentence of the story is never removed.
import { readFileSync } from 'node:fs';
import type { Removal } from '../result.js';
import { dataPath } from '../data.js';

interface Rule {
  reason: string;
  re: RegExp;
}

export interface Cleaned {
  text: string;
  removed: Removal[];
}

/** short lines seen this often or more in one article are page furniture */
const REPEAT_MIN = 3;
const REPEAT_MAX_WORDS = 6;

export class Cleaner {
  private constructor(private readonly rules: Rule[]) {}

  static load(extraFiles: string[] = []): Cleaner {
    const rules = [dataPath('cruft.tsv'), ...extraFiles].flatMap((f) => parseRules(f));
    return new Cleaner(rules);
  }

  clean(input: string): Cleaned {
    const text = normalise(input);
    const lines = text.split('\n');
    const counts = new Map<string, number>();
    for (const line of lines) {
      const key = line.trim();
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const removed = new Map<string, Removal>();
    const kept: string[] = [];
    for (const line of lines) {
      const key = line.trim();
      const reason = key ? this.reasonToRemove(key, counts.get(key) ?? 0) : null;
      if (!reason) {
        const last = line.charCodeAt(line.length - 1);
        kept.push(last === 32 || last === 9 ? line.replace(/[ \t]+$/, '') : line);
        continue;
      }
      const r = removed.get(key);
      if (r) r.count++;
      else removed.set(key, { text: key, reason, count: 1 });
    }
    // removing lines leaves runs of blank lines: fold them to one blank line
    const out = kept
      .join('\n')
      .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n')
      .trim();
    return { text: out, removed: [...removed.values()] };
  }

  private reasonToRemove(line: string, seen: number): string | null {
    if (readsLikeSentence(line)) return null;
    for (const rule of this.rules) if (rule.re.test(line)) return rule.reason;
    if (seen >= REPEAT_MIN && !hasWords(line, REPEAT_MAX_WORDS + 1) && !/[.!?"”]$/.test(line)) {
      return 'repeated-line';
    }
    return null;
  }
}

function parseRules(file: string): Rule[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read cruft rules ${file}: ${(e as Error).message}`);
  }
  const rules: Rule[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`${file}:${i + 1}: expected "reason<TAB>pattern"`);
    try {
      rules.push({
        reason: line.slice(0, tab).trim(),
        re: new RegExp(`^(?:${line.slice(tab + 1).trim()})$`, 'i'),
      });
    } catch (e) {
      throw new Error(`${file}:${i + 1}: bad pattern: ${(e as Error).message}`);
    }
  });
  return rules;
}

/** Line endings and invisible characters that only get in the way; visible text is kept as is. */
function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, '');
}

/** Whether code unit c is whitespace as regex \s means it. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether the line has at least n words (runs of non-whitespace), counted without splitting it. */
function hasWords(line: string, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    if (isSpace(line.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words >= n) return true;
    }
  }
  return false;
}

/** A line of seven or more words ending like a sentence is story, whatever a rule says. */
function readsLikeSentence(line: string): boolean {
  // the cheap end test first: counting words splits the whole line
  return /[.!?"”’)]$/.test(line) && hasWords(line, 7);
}
