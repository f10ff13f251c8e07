// Reader for PETRARCH/TABARI/Phoenix dictionaries, turned into sitrep DictEntry rows.
//
// Actor files (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
// Phoenix.MilNonState.actors.txt):
//   NAME_WITH_UNDERSCORES_ [CODE]        a base entry, code on the same line (optional)
//   +SYNONYM_                            another name of the current entry
//       [CODE >YYMMDD]                   a code line for the current entry: `>d` from d, `<d` until d,
//       [CODE YYMMDD-YYMMDD]             `a-b` between a and b, no date = the default code
//   # comment                            to the end of the line
// Dates are YYMMDD (two-digit years ≥ 50 are 19xx) or YYYYMMDD. A trailing `_` only marks a
// whole-word match in PETRARCH; `[---]` is PETRARCH's null code (recognise but do not code) and is
// dropped here.
//
// Agent files (Phoenix.agents.txt):
//   !PERSON! = MAN, MEN, WOMAN            substitution set, expanded wherever !PERSON! occurs
//   NOUN_ {PLURAL_FORMS} [~GOV]           role noun; `~GOV` = a role suffix; `IGO~` = a prefix code
// Without `{...}` PETRARCH forms the regular plural itself; we add it as an alias. `{}` = no plural.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import type { DictEntry } from './kb.js';

export type { DictEntry };

type Kind = DictEntry['kind'];

interface RawCode {
  code: string;
  from: string | null;
  to: string | null;
  problem?: string;
}

interface RawEntry {
  names: string[];
  codes: RawCode[];
  comment: string;
}

/** True when the non-comment lines look like a PETRARCH/Phoenix dictionary rather than a sitrep TSV. */
export function looksLikePhoenix(firstLines: string): boolean {
  let phoenix = 0;
  let tsv = 0;
  for (const raw of firstLines.split(/\r?\n/)) {
    const line = stripComment(raw).trim();
    if (!line) continue;
    if (line.includes('\t') && !line.includes('[') && line.split('\t').length >= 3) {
      tsv++;
      continue;
    }
    if (/^\+\S/.test(line)) phoenix++;
    else if (/^\[[A-Z~-]+[A-Z0-9~-]*(\s*[<>]?\s*\d{6,10}(-\d{6,10})?)?\]/.test(line)) phoenix++;
    else if (/^[A-Z0-9][A-Z0-9_.'&/()!,-]*(\s+\{[^}]*\})?\s*\[[^\]]+\]/.test(line)) phoenix++;
    else if (/^!\w+!\s*=/.test(line)) phoenix++;
    else if (/^[A-Z0-9][A-Z0-9.'&()-]*_[A-Z0-9_.'&()-]*$/.test(line)) phoenix++;
  }
  return phoenix > 0 && phoenix >= tsv;
}

/** Load one PETRARCH/Phoenix actor or agent dictionary as DictEntry rows (one row per code). */
export function loadPhoenixDictionary(path: string): DictEntry[] {
  return parsePhoenix(readFileSync(path, 'utf8'), basename(path));
}

/** Parse dictionary text; `source` (a file name) only steers the kind of the entries. */
export function parsePhoenix(text: string, source = ''): DictEntry[] {
  const lines = text.split(/\r?\n/);
  const subst = new Map<string, string[]>();
  const raw: RawEntry[] = [];
  let cur: RawEntry | null = null;
  let agentFile = /agent/i.test(source);
  const fileKind = kindOfFile(source);

  for (const full of lines) {
    const hash = full.indexOf('#');
    const comment = hash >= 0 ? full.slice(hash + 1).trim() : '';
    const line = (hash >= 0 ? full.slice(0, hash) : full).trim();
    if (!line) continue;
    const sub = line.charCodeAt(0) === 33 /* ! */ ? /^(!\w+!)\s*=\s*(.+)$/.exec(line) : null;
    if (sub) {
      subst.set(
        sub[1]!,
        sub[2]!
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      agentFile = true;
      continue;
    }
    if (line.startsWith('[')) {
      if (cur) {
        cur.codes.push(...readCodes(line));
        if (comment && !cur.comment) cur.comment = comment;
      }
      continue;
    }
    if (line.startsWith('+')) {
      if (cur) {
        const { name, codes } = splitNameLine(line.slice(1));
        if (name) cur.names.push(name);
        cur.codes.push(...codes);
      }
      continue;
    }
    const { name, codes } = splitNameLine(line);
    if (!name) continue;
    cur = { names: [name], codes, comment };
    raw.push(cur);
  }

  const out: DictEntry[] = [];
  for (const e of raw) {
    const codes = e.codes.filter((c) => c.code && c.code !== '---');
    if (codes.length === 0) continue;
    const isAgent = agentFile || codes.some((c) => c.code.includes('~'));
    if (isAgent) {
      pushAgent(out, e, codes, subst);
      continue;
    }
    const names = unique(e.names.flatMap((n) => displayNames(n, fileKind)));
    const [name, ...aliases] = names;
    if (!name) continue;
    const kind = entryKind(fileKind, codes);
    const hasDated = codes.some((c) => c.from || c.to);
    for (const c of codes) {
      const notes: string[] = [];
      if (e.comment) notes.push(e.comment);
      if (hasDated && !c.from && !c.to) notes.push('phoenix default code (outside its dated ranges)');
      if (c.problem) notes.push(c.problem);
      const entry: DictEntry = { name, aliases, code: c.code, from: c.from, to: c.to, kind };
      if (notes.length) entry.note = notes.join('; ');
      out.push(entry);
    }
  }
  return out;
}

function kindOfFile(source: string): Kind | null {
  if (/countr/i.test(source)) return 'country';
  if (/international/i.test(source)) return 'org';
  if (/milnonstate|nonstate/i.test(source)) return 'group';
  if (/agent/i.test(source)) return 'agent';
  return null;
}

/** Country files hold countries (bare 3-letter code, undated) and people (role codes, dated). */
function entryKind(fileKind: Kind | null, codes: RawCode[]): Kind {
  const dated = codes.some((c) => c.from || c.to);
  const bareCountry = codes.every((c) => /^[A-Z]{3}$/.test(c.code)) && !dated;
  if (fileKind === 'country') return bareCountry ? 'country' : 'person';
  if (fileKind === 'group') return 'group';
  if (fileKind === 'org') return dated ? 'person' : 'org';
  if (bareCountry) return 'country';
  return dated ? 'person' : 'org';
}

function splitNameLine(text: string): { name: string; codes: RawCode[] } {
  const b = text.indexOf('[');
  const namePart = (b >= 0 ? text.slice(0, b) : text).trim();
  return { name: namePart, codes: b >= 0 ? readCodes(text.slice(b)) : [] };
}

function readCodes(text: string): RawCode[] {
  const out: RawCode[] = [];
  let i = text.indexOf('[');
  while (i >= 0) {
    const j = text.indexOf(']', i + 1);
    if (j < 0) break;
    const inner = text.slice(i + 1, j).trim();
    const sp = inner.search(/\s/);
    const code = sp < 0 ? inner : inner.slice(0, sp);
    if (code) {
      const when = sp < 0 ? '' : inner.slice(sp).replace(/\s+/g, '');
      out.push(when ? { code, ...readWhen(when) } : { code, from: null, to: null });
    }
    i = text.indexOf('[', j + 1);
  }
  return out;
}

function readWhen(when: string): { from: string | null; to: string | null; problem?: string } {
  if (!when) return { from: null, to: null };
  const bad: string[] = [];
  const date = (s: string): string | null => {
    const d = phoenixDate(s);
    if (d === null) bad.push(s);
    return d;
  };
  let r: { from: string | null; to: string | null };
  if (when.startsWith('>')) r = { from: date(when.slice(1)), to: null };
  else if (when.startsWith('<')) r = { from: null, to: date(when.slice(1)) };
  else if (when.includes('-')) {
    const [a, b] = when.split('-');
    r = { from: date(a ?? ''), to: date(b ?? '') };
  } else r = { from: date(when), to: null };
  return bad.length ? { ...r, problem: `unreadable phoenix date ${bad.join(', ')}` } : r;
}

/** YYMMDD or YYYYMMDD → YYYY-MM-DD; a few known slips in the real files are repaired; else null. */
export function phoenixDate(s: string): string | null {
  let d = s.trim();
  if (!/^\d+$/.test(d)) return null;
  // slips seen in the Phoenix files: "19" typed before an 8-digit date, a doubled last digit
  if (d.length === 10 && d.startsWith('19') && /^(19|20)/.test(d.slice(2))) d = d.slice(2);
  if (d.length === 9 && /^(19|20)/.test(d)) d = d.slice(0, 8);
  let y: number;
  let rest: string;
  if (d.length === 6) {
    const yy = Number(d.slice(0, 2));
    y = yy >= 50 ? 1900 + yy : 2000 + yy;
    rest = d.slice(2);
  } else if (d.length === 8) {
    y = Number(d.slice(0, 4));
    rest = d.slice(4);
  } else return null;
  let m = Number(rest.slice(0, 2));
  let day = Number(rest.slice(2, 4));
  if (m > 12 || day > 31) return null;
  if (m === 0) m = 1;
  if (day === 0) day = 1;
  return `${y}-${pad(m)}-${pad(day)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Phoenix names are upper case. Our matcher treats an all-caps single word as an acronym (case-sensitive),
 * so names are title-cased except tokens that look like acronyms: dotted (U.N.), vowel-less (PKK, KDP),
 * and, in the IGO/armed-group files, single short words (UN, IAEA, UNHCR).
 */
function displayNames(raw: string, fileKind: Kind | null): string[] {
  const words = raw.split('_').join(' ').split(' ').filter(Boolean);
  if (words.length === 1) {
    const w = words[0]!;
    if (!/[A-Z]/.test(w) || /^([A-Z]\.){2,}$/.test(w)) return [w];
    const letters = w.replace(/[^A-Z]/g, '');
    if (letters.length >= 2 && !/[AEIOUY]/.test(letters)) return [w];
    if (fileKind === 'org' || fileKind === 'group') {
      if (letters.length <= 3) return [w];
      // NATO or Nato, HAMAS or Hamas: the file cannot tell; offer both
      if (letters.length <= 6) return [w, titleWord(w)];
    }
    return [titleWord(w)];
  }
  let out = '';
  for (const w of words) {
    if (out) out += ' ';
    out += /^([A-Z]\.){2,}$/.test(w) || (w.length <= 4 && !/[AEIOUY]/.test(w)) ? w : titleWord(w);
  }
  return [out];
}

/** AL-ASSAD → Al-Assad, O'NEILL → O'Neill: upper case at the start and after - ' ( / . */
function titleWord(w: string): string {
  if (!BOUNDARY.test(w)) return w.charAt(0) + w.slice(1).toLowerCase();
  return w
    .toLowerCase()
    .replace(/(^|[-'(/.])([a-z\u00e0-\u00ff])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

const BOUNDARY = /[-'(/.]/;

function unique(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    if (!x || seen.has(x)) continue;
    seen.add(x);
    out.push(x);
  }
  return out;
}

// ---- agents ----

function pushAgent(out: DictEntry[], e: RawEntry, codes: RawCode[], subst: Map<string, string[]>): void {
  const base = e.names[0]!;
  // "NOUN_ {PLURAL_A, PLURAL_B}" — the plural block sits between name and code
  const brace = /^(.*?)\s*\{([^}]*)\}\s*$/.exec(base);
  const noun = brace ? brace[1]! : base;
  const plurals = brace
    ? brace[2]!
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
  const forms = expand(noun, subst);
  const names: string[] = [];
  for (const f of forms) names.push(agentText(f));
  for (const syn of e.names.slice(1)) for (const f of expand(syn, subst)) names.push(agentText(f));
  if (plurals) for (const p of plurals) for (const f of expand(p, subst)) names.push(agentText(f));
  else if (!/!\w+!/.test(noun)) names.push(regularPlural(agentText(noun)));
  const [name, ...aliases] = unique(names);
  if (!name) return;
  for (const c of codes) {
    const prefix = c.code.endsWith('~') && !c.code.startsWith('~');
    const entry: DictEntry = {
      name,
      aliases,
      code: c.code.replace(/~/g, ''),
      from: c.from,
      to: c.to,
      kind: 'agent',
    };
    const notes: string[] = [];
    if (prefix) notes.push('prefix code (PETRARCH IGO~ style: the code goes before, not after)');
    if (e.comment) notes.push(e.comment);
    if (notes.length) entry.note = notes.join('; ');
    out.push(entry);
  }
}

function expand(text: string, subst: Map<string, string[]>): string[] {
  const m = /!\w+!/.exec(text);
  if (!m) return [text];
  const alts = subst.get(m[0]) ?? [''];
  const out: string[] = [];
  for (const a of alts)
    out.push(...expand(text.slice(0, m.index) + a + text.slice(m.index + m[0].length), subst));
  return out;
}

function agentText(s: string): string {
  return s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

function regularPlural(noun: string): string {
  const words = noun.split(' ');
  const last = words.pop() ?? '';
  let p: string;
  if (/(s|x|z|ch|sh)$/.test(last)) p = last + 'es';
  else if (/[^aeiou]y$/.test(last)) p = last.slice(0, -1) + 'ies';
  else p = last + 's';
  return [...words, p].join(' ');
}

function stripComment(line: string): string {
  const h = line.indexOf('#');
  return h >= 0 ? line.slice(0, h) : line;
}
