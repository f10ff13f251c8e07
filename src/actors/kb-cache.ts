// The built-in actor knowledge base, precomputed by `npm run build`. Compiling data/actors (~1 MB of
// dictionaries, 100k names) takes ~0.2-0.5 s at every start; `npm run build` stores the compiled KB in
// dist/cache/actors-kb.bin (v8 serialisation, which keeps shared rows shared) and loading it takes a
// third of that. The file carries a fingerprint of every input (the files in data/actors, the country
// packages' data, the compiling code): when any differs, or the file is missing, the KB is compiled from
// the data as before, so the output never depends on the file. User dictionaries always compile.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { dataPath } from '../data.js';
import { KnowledgeBase, loadKnowledgeBase } from './kb.js';

const KB_FILE = fileURLToPath(new URL('../../cache/actors-kb.bin', import.meta.url));
const MAGIC = 'sitrep-actors-kb-1';

function fingerprint(): string {
  const h = createHash('sha1');
  h.update(MAGIC);
  h.update(process.versions.v8);
  const dir = dataPath('actors');
  for (const f of readdirSync(dir).sort()) {
    h.update(`\0${f}\0`);
    h.update(readFileSync(join(dir, f)));
  }
  const require = createRequire(import.meta.url);
  for (const m of [
    'i18n-iso-countries/langs/en.json',
    'i18n-iso-countries/codes.json',
    'i18n-nationality/langs/en.json',
  ])
    h.update(readFileSync(require.resolve(m)));
  for (const m of ['./kb.js', './phoenix.js', '../data.js'])
    h.update(readFileSync(fileURLToPath(new URL(m, import.meta.url))));
  return h.digest('hex');
}

/** Write the compiled built-in KB (called at build time). */
export function writeKbCache(file = KB_FILE): void {
  const fp = Buffer.from(fingerprint());
  const body = serialize({ ...loadKnowledgeBase() });
  const head = Buffer.alloc(4);
  head.writeUInt32LE(fp.length, 0);
  mkdirSync(join(file, '..'), { recursive: true });
  // a file of its own per writer, renamed into place: parallel builds never mix their bytes
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([head, fp, body]));
  renameSync(tmp, file);
}

/** The compiled built-in KB from the cache when it was made from the current inputs, else null. */
export function readKbCache(file = KB_FILE): KnowledgeBase | null {
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  const n = buf.readUInt32LE(0);
  if (buf.toString('latin1', 4, 4 + n) !== fingerprint()) return null;
  return Object.assign(new KnowledgeBase(), deserialize(buf.subarray(4 + n)) as Partial<KnowledgeBase>);
}

/** The built-in knowledge base: from the build's cache when it is current, else compiled from data/actors. */
export function builtinKnowledgeBase(): KnowledgeBase {
  return readKbCache() ?? loadKnowledgeBase();
}
