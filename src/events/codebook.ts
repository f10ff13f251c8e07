// The CAMEO codebook (data/events/cameo.tsv): label, root, QuadClass, Goldstein and PLOVER type per code.
import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';

export interface CodeInfo {
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  plover: string | null;
  ploverMode: string | null;
  label: string;
}

let book: Map<string, CodeInfo> | null = null;

/** All codes of the codebook, keyed by code ("0241"). Loaded once. */
export function codebook(): Map<string, CodeInfo> {
  if (book) return book;
  const m = new Map<string, CodeInfo>();
  for (const line of readFileSync(dataPath('events', 'cameo.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, root, quad, goldstein, plover, mode, label] = line.split('\t');
    if (!code || !root) continue;
    m.set(code, {
      code,
      root,
      quad: Number(quad),
      goldstein: Number(goldstein),
      plover: plover && plover !== '-' ? plover : null,
      ploverMode: mode && mode !== '-' ? mode : null,
      label: label ?? '',
    });
  }
  book = m;
  return m;
}

/** The codebook entry of a code, falling back to its parent (3 digits, then root). */
export function codeInfo(code: string): CodeInfo | null {
  const b = codebook();
  return b.get(code) ?? b.get(code.slice(0, 3)) ?? b.get(code.slice(0, 2)) ?? null;
}

/** GDELT QuadClass of a root: 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4. */
export function quadOf(root: string): number {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}
