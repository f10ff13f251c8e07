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
        kept.push(line.replace(/[ \t]+$/, ''));
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
    if (seen >= REPEAT_MIN && wordCount(line) <= REPEAT_MAX_WORDS && !/[.!?"”]$/.test(line)) {
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

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A line of seven or more words ending like a sentence is story, whatever a rule says. */
function readsLikeSentence(line: string): boolean {
  return wordCount(line) >= 7 && /[.!?"”’)]$/.test(line);
}
