// Actor resolution and coreference: entities and role-noun phrases become actors with CAMEO-style
// codes; surnames, titles, nominals ("the Syrian president"), acronyms and pronouns join their actor.
import type { Actor } from '../result.js';
import type { ActorMention, Doc, Token } from '../text/doc.js';
import { normWord, pickRow, type AgentInfo, type DictEntry, type KnowledgeBase, type NameHit } from './kb.js';

/** titles of peers and knights */
const PEERAGE = new Set(['lord', 'lady', 'baroness', 'baron', 'viscount', 'earl', 'sir', 'dame']);
import { keyPrefixes, prefixKeys, type Found } from './ner.js';

type Kind = ActorMention['kind'];

interface Rec {
  id: string;
  key: string;
  name: string;
  code: string | null;
  type: Actor['type'];
  mentions: ActorMention[];
  /** person: surname key and the titles it was given */
  surname: string | undefined;
  titles: Set<string>;
  /** org: initials for acronym coreference */
  initials: string | undefined;
  /** candidate rows of an org written with several country codes (picked by context) */
  pending: DictEntry[] | undefined;
}

const PRON_PERSON = new Set(['he', 'him', 'his', 'she', 'her', 'hers']);
const PRON_THING = new Set(['its']);
const DETS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'these',
  'those',
]);
const POSS = new Set(["'s", "'", '’s', '’']);
const LOC_PREP = new Set([
  'in',
  'at',
  'into',
  'near',
  'from',
  'to',
  'outside',
  'inside',
  'across',
  'around',
  'via',
  'through',
  'toward',
  'towards',
  'of',
]);
/** region and ethnic codes that are no state (they do not compete for a story's country) */
const NON_STATE = /^(EUR|WST|MEA|AFR|ASA|LAM|NAF|SAF|WAF|EAF|CAU|SCN|BLK|ARB|KUR|MUS|CHR|JEW)$/;
/** roles of institutions that news names without a country ("the police", "the army", "the government") */
const CONTEXT_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY', 'LEG', 'JUD']);
/** prepositions after a role noun that name whose it is ("police in X", "the army of X") */
const GROUP_PREP = new Set(['in', 'of', 'from', 'at']);
/** compass words before a place ("southern Serbia", "south-east Turkey") */
const COMPASS = /^(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?$/;
const QUOTE_OPEN = new Set(['“', '‘']);
const QUOTE_CLOSE = new Set(['”', '’']);

export class Resolver {
  private readonly kb: KnowledgeBase;
  /** the keys that open a longer role noun ("foreign" for "foreign minister") */
  private readonly agentPrefixes: Set<string>;
  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.agentPrefixes = keyPrefixes(kb.agents.keys());
  }

  run(doc: Doc, found: Found[], keys?: string[]): { actors: Actor[]; mentions: ActorMention[] } {
    const st = new State(doc, this.kb, this.agentPrefixes, keys);
    const inQuote = quoteMask(doc.tokens);
    const covered = new Int32Array(doc.tokens.length).fill(-1);
    found.forEach((f, n) => {
      for (let k = f.first; k < f.last; k++) covered[k] = n;
    });

    // 1. named entities
    const unknownOrgs: Found[] = [];
    for (const f of found) {
      if (f.type === 'PERSON') this.person(st, f);
      else if (f.type === 'ORG' && !f.hit) unknownOrgs.push(f);
      else if (f.hit) this.known(st, f);
    }
    // 2. role-noun phrases: "Syrian forces", "Russia's foreign minister", "Assad supporters"
    this.nominals(st, found, covered);
    // 3. organisations not in the knowledge base: acronyms of names in the article, appositions
    for (const f of unknownOrgs) this.unknownOrg(st, f);
    // "Municipality Association (AKK)": an acronym in brackets right after an organisation's name is that
    // organisation, whatever else the acronym may stand for
    for (const f of found) {
      const toks = st.doc.tokens;
      if (toks[f.first - 1]?.text !== '(' || toks[f.last]?.text !== ')' || f.last - f.first !== 1) continue;
      const text = toks[f.first]!.text;
      if (!isAcronym(text)) continue;
      const m = st.mentionAt(f.first);
      const org = st.mentionEndingAt(f.first - 1);
      const rec = org ? st.rec(org.actor) : null;
      if (!m || !rec || rec.type !== 'org' || m.actor === rec.id) continue;
      st.relink(m, rec);
    }
    // "ethnic Albanians in southern Serbia", "the Albanians of Serbia": an ethnic group is coded by the
    // country it lives in (CAMEO: an actor located in a country, with no other affiliation, is that country)
    this.locatedGroups(st);
    // 4. org names written with several country codes: the article's context picks
    st.settlePending();
    // 5. pronouns with a clear antecedent
    this.pronouns(st, inQuote);
    return st.finish();
  }

  private person(st: State, f: Found): void {
    const doc = st.doc;
    const toks = doc.tokens;
    const start = f.titleFirst >= 0 ? f.titleFirst : f.first;
    // "King Hassan of Morocco", "President Nestor Kirchner of Argentina": the country named right after
    const ofName = toks[f.last]?.norm === 'of' ? st.matchName(f.last + 1, toks.length) : null;
    const ofCountry =
      ofName && (ofName.hit.kind === 'country' || ofName.hit.kind === 'capital')
        ? ofName.hit.rows[0]!.code.slice(0, 3)
        : null;
    const title = f.titleFirst >= 0 ? this.titleInfo(st, f.titleFirst, f.first, ofCountry) : null;
    const nameKeys: string[] = [];
    for (let k = f.first; k < f.last; k++) nameKeys.push(normWord(toks[k]!.text));
    const surname = lastWord(nameKeys);
    let hit: NameHit | null = f.hit && f.hit.kind === 'person' ? f.hit : null;
    // an earlier full name in the article with this surname
    const single = f.last - f.first === 1 || (nameKeys.length <= 3 && nameKeys.includes('-'));
    // a bare surname is first the person of that surname already named in the article
    if (hit && single) {
      const prior = st.bySurname(surname);
      if (prior) hit = null;
      else {
        // several people share the surname: the one in office on the publication date
        const all = (this.kb.names.get(nameKeys.join(' ')) ?? []).filter((h) => h.kind === 'person');
        const date = doc.meta.published;
        const now = date ? all.filter((h) => pickRow(h.rows, date) && inOffice(h.rows, date)) : [];
        if (now.length === 1) hit = now[0]!;
      }
    }
    if (!hit) {
      const prior = st.bySurname(surname);
      if (prior) {
        if (single || sameName(nameKeys, keysOf(prior.name), keysOf(prior.key))) {
          st.add(prior, start, f.last, title?.code ?? prior.code, single ? 'name' : 'name');
          if (title) for (const t of title.words) prior.titles.add(t);
          return;
        }
      }
      // "Lord Butler", "Sir Alan": peers and knights go by names that are not a dictionary person's surname
      const peer = PEERAGE.has(toks[f.first - 1]?.norm ?? '');
      const sh = this.kb.surnames.get(surname);
      if (sh && sh.length === 1 && single && !peer) hit = sh[0]!;
    }
    if (hit) {
      const row = doc.meta.published
        ? pickRow(hit.rows, doc.meta.published)
        : (this.rowByTitle(st, f, hit.rows) ?? pickRow(hit.rows, null));
      const rec = st.get(`person:${hit.name}`, hit.name, 'person', row?.code ?? null);
      rec.surname ??= lastWord(nameKeys.length > 1 ? nameKeys : keysOf(hit.name));
      if (row?.note) for (const w of titleWordsOf(row.note)) rec.titles.add(w);
      // titles from other dictionaries' rows for the same name (a user file may have no notes)
      if (!rec.titles.size) {
        for (const h of this.kb.names.get(keysOf(hit.name).join(' ')) ?? []) {
          if (h.kind !== 'person') continue;
          const r = pickRow(h.rows, doc.meta.published);
          if (r?.note && r.code === row?.code) for (const w of titleWordsOf(r.note)) rec.titles.add(w);
        }
      }
      if (title) for (const t of title.words) rec.titles.add(t);
      st.add(rec, start, f.last, rec.code, 'name');
      if (f.last - f.first > 1) st.nameFromText(rec, f.first, f.last);
      return;
    }
    const name = doc.text.slice(toks[f.first]!.start, toks[f.last - 1]!.end);
    const code = title?.code ?? null;
    const rec = st.get(`person:${nameKeys.join(' ')}`, name, 'person', code);
    rec.surname = surname;
    if (title) for (const t of title.words) rec.titles.add(t);
    if (!rec.code && code) rec.code = code;
    st.add(rec, start, f.last, code ?? rec.code, 'name');
  }

  /** With no publication date, the office the text gives a person ("Kofi Annan, UN secretary-general",
   *  "President X") picks that office's row; "former" leaves the choice to the dates. */
  private rowByTitle(st: State, f: Found, rows: DictEntry[]): DictEntry | null {
    const toks = st.doc.tokens;
    const words: string[] = [];
    // the title before the name ("President X"), else the role words right before it ("rebel leader X"),
    // and the word before those ("ousted President X")
    let a = f.titleFirst >= 0 ? f.titleFirst : f.first;
    if (f.titleFirst < 0) while (a > f.first - 3 && a > 0 && /^(ADJ|NOUN|PROPN)$/.test(toks[a - 1]!.pos)) a--;
    for (let k = Math.max(0, a - 1); k < f.first; k++) words.push(toks[k]!.norm);
    if (toks[f.last]?.text === ',') {
      for (let k = f.last + 1; k < f.last + 8 && toks[k] && !/^[,.;:]$/.test(toks[k]!.text); k++)
        words.push(toks[k]!.norm);
    }
    const text = words.join(' ').replace(/ - /g, '-');
    if (!text || /\b(former|ex|late|ousted|deposed|exiled|toppled)\b/.test(text)) return null;
    const titles = (text.match(TITLE_WORDS) ?? []).map((t) => t.toLowerCase());
    if (!titles.length) return null;
    let best: DictEntry | null = null;
    for (const r of rows) {
      const note = (r.note ?? '').toLowerCase();
      if (!titles.some((t) => note.includes(t))) continue;
      if (!best || (r.from ?? '') > (best.from ?? '')) best = r;
    }
    return best;
  }

  /** The code a title phrase gives ("Syrian President" → SYRGOV, "Foreign Secretary" → ?GOV). */
  private titleInfo(
    st: State,
    a: number,
    b: number,
    ofCountry: string | null = null,
  ): { code: string | null; words: string[] } {
    const toks = st.doc.tokens;
    let country: string | null = null;
    let role: string | null = null;
    const words: string[] = [];
    let k = a;
    while (k < b) {
      const m = this.kb.maxLen.has(normWord(toks[k]!.text)) ? st.matchName(k, b) : null;
      if (m && (m.hit.kind === 'demonym' || m.hit.kind === 'country')) {
        country = m.hit.rows[0]!.code.slice(0, 3);
        k += m.len;
        continue;
      }
      const ag = st.matchAgent(k, b);
      if (ag) {
        role = ag.info.code;
        words.push(ag.key);
        k += ag.len;
        continue;
      }
      k++;
    }
    if (!role) return { code: null, words };
    country ??= ofCountry ?? st.contextCountry(a);
    return { code: country ? country + role : null, words };
  }

  private known(st: State, f: Found): void {
    const hit = f.hit!;
    const doc = st.doc;
    const toks = doc.tokens;
    const rows = hit.rows;
    const text = doc.text.slice(toks[f.first]!.start, toks[f.last - 1]!.end);
    switch (hit.kind) {
      case 'country':
      case 'region': {
        const code = rows[0]!.code;
        const rec = st.get(`code:${code}`, hit.name, 'country', code);
        st.add(rec, f.first, f.last, code, 'name');
        return;
      }
      case 'demonym': {
        // part of a role phrase ("Syrian forces") is handled by nominals(); here: a bare adjective
        const parts = splitHyphen(toks, f.first, f.last);
        for (const [a, b] of parts) {
          const m = st.matchName(a, b);
          const code = m ? m.hit.rows[0]!.code.slice(0, 3) : rows[0]!.code.slice(0, 3);
          if (st.nominalAt(b)) continue;
          const c = this.kb.countries.get(code);
          const rec = st.get(`code:${code}`, c?.name ?? hit.name, 'country', code);
          st.add(rec, a, b, code, 'demonym');
        }
        return;
      }
      case 'capital': {
        // a capital is an actor only when it acts: "Moscow's support", "Washington said"
        const prev = toks[f.first - 1];
        const next = toks[f.last];
        const afterPrep = prev && LOC_PREP.has(prev.norm) && prev.sent === toks[f.first]!.sent;
        const acts =
          f.possessive ||
          (next && (next.pos === 'VERB' || next.pos === 'AUX') && next.sent === toks[f.first]!.sent);
        if (afterPrep || !acts) return;
        const code = rows[0]!.code;
        const rec = st.get(`code:${code}`, text, code.startsWith('IGO') ? 'org' : 'group', code);
        st.add(rec, f.first, f.last, code, 'name');
        return;
      }
      case 'seat': {
        const code = rows[0]!.code;
        const rec = st.get(`code:${code}`, hit.name, 'org', code);
        st.add(rec, f.first, f.last, code, 'name');
        return;
      }
      default: {
        // org / group: dated rows, and possibly several country codes for one name
        const row = pickRow(rows, doc.meta.published);
        const dated = rows.filter(
          (r) => !row || (r.from === row.from && r.to === row.to) || (!r.from && !r.to),
        );
        const codes = new Set(dated.map((r) => r.code));
        const rec = st.get(
          `org:${hit.name}`,
          hit.name,
          hit.kind === 'group' ? 'org' : 'org',
          row?.code ?? null,
        );
        rec.initials ??= initialsOf(keysOf(hit.name));
        if (codes.size > 1) rec.pending = dated;
        st.add(rec, f.first, f.last, rec.code, isAcronym(text) ? 'acronym' : 'name');
        if (f.last - f.first > 1) st.nameFromText(rec, f.first, f.last);
        return;
      }
    }
  }

  private unknownOrg(st: State, f: Found): void {
    const doc = st.doc;
    const toks = doc.tokens;
    const text = doc.text.slice(toks[f.first]!.start, toks[f.last - 1]!.end);
    const keys: string[] = [];
    for (let k = f.first; k < f.last; k++) keys.push(normWord(toks[k]!.text));
    // an acronym of an organisation named in the article ("NSC")
    if (isAcronym(text)) {
      const rec = st.byInitials(text.replace(/\./g, '').toLowerCase());
      if (rec) {
        st.add(rec, f.first, f.last, rec.code, 'acronym');
        return;
      }
    }
    // "Russian news agency RIA": the role phrase right before names it
    const nom = st.nominalEndingAt(f.first);
    if (nom && nom.code) {
      const rec = st.get(`org:${keys.join(' ')}`, text, 'org', nom.code);
      st.add(rec, f.first, f.last, nom.code, isAcronym(text) ? 'acronym' : 'name');
      st.relink(nom.mention, rec);
      return;
    }
    // "Montenegro Municipality Association", "Kenya Wildlife Service": an organisation named after a country
    // is of that country (CAMEO codes it with the country's code)
    // (a state, not a region: "European Broadcasting Union" is no EUR actor)
    const lead = st.matchName(f.first, f.last - 1);
    const code = lead && lead.len < f.last - f.first ? lead.hit.rows[0]!.code.slice(0, 3) : null;
    const country =
      code &&
      (lead!.hit.kind === 'country' || lead!.hit.kind === 'demonym') &&
      st.kb.countries.get(code)?.iso2
        ? code
        : null;
    const rec = st.get(`org:${keys.join(' ')}`, text, 'org', country);
    rec.initials ??= initialsOf(keys);
    st.add(rec, f.first, f.last, rec.code, isAcronym(text) ? 'acronym' : 'name');
  }

  private locatedGroups(st: State): void {
    const toks = st.doc.tokens;
    for (const m of st.all()) {
      if (m.kind !== 'demonym' || !m.code) continue;
      const before = toks[m.first - 1]?.norm;
      let j = m.last;
      const prep = toks[j]?.norm;
      const ethnic = before === 'ethnic';
      if (!(ethnic && (prep === 'in' || prep === 'of')) && !(before === 'the' && prep === 'of')) continue;
      j++;
      if (toks[j]?.norm === 'the') j++;
      for (let n = 0; n < 2 && toks[j] && COMPASS.test(toks[j]!.norm); n++) j++;
      const place = st.mentionAt(j);
      if (!place || place.first !== j || place.kind !== 'name' || !place.code || place.code.length !== 3)
        continue;
      const c = place.code;
      if (c === m.code || !st.kb.countries.get(c)?.iso2) continue;
      const rec = st.get(`code:${c}`, st.kb.countries.get(c)?.name ?? c, 'country', c);
      st.relink(m, rec);
    }
  }

  private nominals(st: State, found: Found[], covered: Int32Array): void {
    const doc = st.doc;
    const toks = doc.tokens;
    // by token index (arrays: no hashing of the numbers)
    const byLast = new Array<Found | undefined>(toks.length + 1);
    for (const f of found) byLast[f.last] = f;
    let i = 0;
    while (i < toks.length) {
      // inside a name other than a demonym: no role phrase starts here
      const ag =
        covered[i]! >= 0 && found[covered[i]!]!.type !== 'NORP' ? null : st.matchAgent(i, toks.length);
      i = ag ? this.rolePhrase(st, found, covered, byLast, i, ag) : i + 1;
    }
  }

  /** The role-noun phrase whose first role noun ag starts at i: adds its mention, returns where to go on. */
  private rolePhrase(
    st: State,
    found: Found[],
    covered: Int32Array,
    byLast: (Found | undefined)[],
    i: number,
    ag: AgentMatch,
  ): number {
    const toks = st.doc.tokens;
    // the head is the last role noun of a chain: "government forces", "news agency"
    let end = i + ag.len;
    let info = ag.info;
    for (;;) {
      const nx = st.matchAgent(end, toks.length);
      if (!nx || toks[end]!.sent !== toks[i]!.sent) break;
      info = nx.info;
      end += nx.len;
    }
    // capitalised role words inside a name run belong to the name ("Syrian President Bashar")
    const titled =
      toks[i]!.text[0] !== toks[i]!.text[0]!.toLowerCase() &&
      covered[end] !== undefined &&
      covered[end]! >= 0 &&
      found[covered[end]!]!.type === 'PERSON';
    if (titled) return end;
    // look back over lower-case modifiers to a country, demonym, person or possessive
    let k = i - 1;
    while (
      k >= 0 &&
      toks[k]!.sent === toks[i]!.sent &&
      /^[a-z][a-z-]*$/.test(toks[k]!.text) &&
      (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'NOUN' || toks[k]!.pos === 'VERB') &&
      // "France sent troops": a verb right after a name is the name's predicate, not a modifier
      !(toks[k]!.pos === 'VERB' && toks[k - 1]?.pos === 'PROPN') &&
      !DETS.has(toks[k]!.norm) &&
      i - k <= 2
    )
      k--;
    let mod: Found | undefined;
    let modEnd = k + 1;
    const possessive = k >= 0 && POSS.has(toks[k]!.text);
    if (possessive) {
      mod = byLast[k];
    } else {
      mod = byLast[k + 1];
    }
    if (mod && toks[mod.first]!.sent !== toks[i]!.sent) mod = undefined;
    let code: string | null = null;
    let startTok = i;
    if (mod) {
      const c = this.countryOfFound(st, mod);
      if (c) {
        code = c + roleOf(info.code, c);
        // "the Syrian president" is one mention; in "Russia's foreign minister" the possessor is a
        // mention of its own (Russia), and the person's mention is the phrase after it
        startTok = possessive ? k + 1 : mod.first;
        modEnd = mod.last;
      }
    }
    void modEnd;
    // determiner before: "the Syrian president"
    const det =
      startTok > 0 && toks[startTok - 1]!.norm === 'the' && toks[startTok - 1]!.sent === toks[i]!.sent;
    if (det) startTok--;
    const plural = ag.plural || info.plural;
    // "the police arrested ...", "Troops fired on ...", "the government said": an institution named with no
    // country is the one of the story's context (CAMEO codes it with that country); a following
    // "in/of/from X" names it instead (the event coder reads that phrase)
    let inContext = false;
    if (
      !code &&
      !mod &&
      !info.person &&
      CONTEXT_ROLES.has(info.code) &&
      (det || startTok === st.doc.sentences[toks[i]!.sent]?.first) &&
      !GROUP_PREP.has(toks[end]?.norm ?? '')
    ) {
      const c = st.contextCountry(i, true);
      if (c && st.kb.countries.get(c)?.iso2) {
        code = c + info.code;
        inContext = true;
      }
    }
    st.addNominal(startTok, end, code, info, plural, (!!mod && !!code) || inContext, det);
    return end;
  }

  private countryOfFound(st: State, f: Found): string | null {
    if (f.hit) {
      const k = f.hit.kind;
      if (k === 'country' || k === 'demonym' || k === 'region' || k === 'capital')
        return f.hit.rows[0]!.code.slice(0, 3);
      if (k === 'person') {
        const row = pickRow(f.hit.rows, st.doc.meta.published);
        return row ? countryOf(row.code) : null;
      }
      return null;
    }
    if (f.type === 'PERSON') {
      const m = st.mentionAt(f.first);
      const rec = m ? st.rec(m.actor) : null;
      return rec?.code ? countryOf(rec.code) : null;
    }
    return null;
  }

  private pronouns(st: State, inQuote: Uint8Array): void {
    const toks = st.doc.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.pos !== 'PRON' && t.pos !== 'DET') continue;
      const person = PRON_PERSON.has(t.norm);
      const thing = PRON_THING.has(t.norm);
      if ((!person && !thing) || inQuote[i]) continue;
      const ante = person ? st.personAntecedent(i) : st.thingAntecedent(i);
      if (ante) st.add(ante, i, i + 1, ante.code, 'pronoun');
    }
  }
}

/** A role noun found at a token. */
interface AgentMatch {
  len: number;
  info: AgentInfo;
  plural: boolean;
  key: string;
}

/** Working state of one article. */
class State {
  readonly doc: Doc;
  readonly kb: KnowledgeBase;
  private readonly recs: Rec[] = [];
  private readonly byKey = new Map<string, Rec>();
  private readonly byId = new Map<string, Rec>();
  /** by token index: the first mention over the token */
  private readonly atTok: (ActorMention | undefined)[];
  private readonly mentions: ActorMention[] = [];
  private readonly keys: string[];
  private readonly agentPrefixes: Set<string>;
  /** by token index just past a role-noun phrase */
  private readonly nominalByEnd: ({ mention: ActorMention | null; code: string | null } | undefined)[];
  /** 1 at the first token of a role-noun phrase */
  private readonly nominalStarts: Uint8Array;
  private readonly pendingNominals: {
    a: number;
    b: number;
    code: string | null;
    info: AgentInfo;
    plural: boolean;
    det: boolean;
  }[] = [];
  /** role-noun matches by token (see matchAgent) */
  private readonly agentMemo: (AgentMatch[] | undefined)[];

  constructor(doc: Doc, kb: KnowledgeBase, agentPrefixes: Set<string>, keys?: string[]) {
    this.doc = doc;
    this.kb = kb;
    this.agentPrefixes = agentPrefixes;
    this.keys = keys ?? doc.tokens.map((t) => normWord(t.text));
    const n = doc.tokens.length;
    this.agentMemo = new Array<AgentMatch[] | undefined>(n);
    this.atTok = new Array<ActorMention | undefined>(n);
    this.nominalByEnd = new Array<{ mention: ActorMention | null; code: string | null } | undefined>(n + 1);
    this.nominalStarts = new Uint8Array(n + 1);
  }

  get(key: string, name: string, type: Actor['type'], code: string | null): Rec {
    let r = this.byKey.get(key);
    if (!r) {
      r = {
        id: `A${this.recs.length + 1}`,
        // every key starts with its kind ("person:", "org:", "code:", "nominal:")
        key: key.slice(key.indexOf(':') + 1),
        name,
        code,
        type,
        mentions: [],
        // every field set here, in one order: records keep one shape
        surname: undefined,
        titles: new Set(),
        initials: undefined,
        pending: undefined,
      };
      this.recs.push(r);
      this.byKey.set(key, r);
      this.byId.set(r.id, r);
    }
    return r;
  }

  rec(id: string): Rec | null {
    return this.byId.get(id) ?? null;
  }

  add(rec: Rec, first: number, last: number, code: string | null, kind: Kind): ActorMention {
    const toks = this.doc.tokens;
    const start = toks[first]!.start;
    const end = toks[last - 1]!.end;
    const m: ActorMention = {
      actor: rec.id,
      start,
      end,
      text: this.doc.text.slice(start, end),
      code,
      kind,
      first,
      last,
    };
    rec.mentions.push(m);
    this.mentions.push(m);
    for (let k = first; k < last; k++) this.atTok[k] ??= m;
    return m;
  }

  relink(m: ActorMention | null, rec: Rec): void {
    if (!m) return;
    const old = this.byId.get(m.actor);
    if (old) old.mentions = old.mentions.filter((x) => x !== m);
    m.actor = rec.id;
    m.code = rec.code;
    rec.mentions.push(m);
  }

  all(): readonly ActorMention[] {
    return this.mentions;
  }

  mentionAt(tok: number): ActorMention | null {
    return this.atTok[tok] ?? null;
  }

  /** the longest mention whose last token is tok - 1 */
  mentionEndingAt(end: number): ActorMention | null {
    let best: ActorMention | null = null;
    for (const m of this.mentions) if (m.last === end && (!best || m.first < best.first)) best = m;
    return best;
  }

  nameFromText(rec: Rec, first: number, last: number): void {
    const toks = this.doc.tokens;
    const t = this.doc.text.slice(toks[first]!.start, toks[last - 1]!.end);
    if (t.length > rec.name.length && rec.type !== 'person') rec.name = t;
  }

  bySurname(surname: string): Rec | null {
    let best: Rec | null = null;
    for (const r of this.recs) if (r.type === 'person' && r.surname === surname) best = r;
    return best;
  }

  byInitials(ini: string): Rec | null {
    for (const r of this.recs) if (r.type === 'org' && r.initials === ini && ini.length >= 2) return r;
    return null;
  }

  private prefix(i: number, max: number): string[] {
    let key = this.keys[i]!;
    const out = [key];
    for (let q = 1; q < max; q++) {
      key += ' ' + this.keys[i + q]!;
      out.push(key);
    }
    return out;
  }

  matchName(i: number, limit: number): { len: number; hit: NameHit } | null {
    const max = Math.min(this.kb.maxLen.get(this.keys[i]!) ?? 0, limit - i);
    if (max <= 0) return null;
    const pref = this.prefix(i, max);
    for (let len = max; len >= 1; len--) {
      const hits = this.kb.names.get(pref[len - 1]!);
      if (hits?.length) return { len, hit: hits[0]! };
    }
    return null;
  }

  matchAgent(i: number, limit: number): AgentMatch | null {
    if (!this.doc.tokens[i]) return null;
    const max = Math.min(this.kb.agentMaxLen.get(this.keys[i]!) ?? 0, limit - i);
    if (max <= 0) return null;
    // the same token is asked again (chains of role nouns, titles, nominalAt): its matches of every
    // length are computed once per article; the limit only cuts them
    let all = this.agentMemo[i];
    if (!all) this.agentMemo[i] = all = this.agentMatches(i);
    for (const m of all) if (m.len <= max) return m;
    return null;
  }

  /** Every role-noun match at token i, longest first. */
  private agentMatches(i: number): AgentMatch[] {
    const toks = this.doc.tokens;
    const t = toks[i]!;
    const out: AgentMatch[] = [];
    const max = Math.min(this.kb.agentMaxLen.get(this.keys[i]!) ?? 0, toks.length - i);
    const pref = prefixKeys(this.keys, i, max, this.agentPrefixes);
    for (let len = pref.length; len >= 1; len--) {
      if (toks[i + len - 1]!.sent !== t.sent) continue;
      const info = this.kb.agents.get(pref[len - 1]!);
      if (!info) continue;
      // acronym nouns (MP) keep their case; others must not be a capitalised name mid-sentence
      out.push({ len, info, plural: info.plural, key: info.noun.toLowerCase() });
    }
    return out;
  }

  nominalAt(tok: number): boolean {
    return (
      this.nominalStarts[tok] === 1 ||
      (this.matchAgent(tok, this.doc.tokens.length) !== null &&
        /^[a-z]/.test(this.doc.tokens[tok]?.text ?? ''))
    );
  }

  nominalEndingAt(tok: number): { mention: ActorMention | null; code: string | null } | null {
    return this.nominalByEnd[tok] ?? null;
  }

  /** A role-noun phrase: coreferent with a person, or a group actor of its own. */
  addNominal(
    a: number,
    b: number,
    code: string | null,
    info: AgentInfo,
    plural: boolean,
    hasCountry: boolean,
    det: boolean,
  ): void {
    const toks = this.doc.tokens;
    this.nominalStarts[a] = 1;
    if (!plural && info.person) {
      // apposition: "Palestinian leader Mahmoud Abbas"
      const nx = this.atTok[b];
      if (nx && nx.first === b && toks[b]!.sent === toks[a]!.sent) {
        const r = this.byId.get(nx.actor);
        if (r && r.type === 'person' && (!code || !r.code || countryOf(r.code) === code.slice(0, 3))) {
          r.code ??= code;
          r.titles.add(info.noun.toLowerCase());
          const m = this.add(r, a, b, code ?? r.code, 'title');
          this.nominalByEnd[b] = { mention: m, code: code ?? r.code };
          return;
        }
      }
      // "the Syrian president", "Russia's foreign minister", "Russian minister": a named person of that country with that title
      const head = info.noun.toLowerCase();
      const country = code ? code.slice(0, 3) : null;
      const cand = this.recs.filter((r) => {
        if (r.type !== 'person' || !r.code) return false;
        if (country && countryOf(r.code) !== country) return false;
        if (!country && !det) return false;
        if (!titleCompatible(r.titles, head)) return false;
        return true;
      });
      if (cand.length) {
        // the nearest mention, before or after
        const pos = toks[a]!.start;
        const dist = (r: Rec): number => Math.min(...r.mentions.map((m) => Math.abs(m.start - pos)));
        const r = cand.reduce((x, y) => (dist(y) < dist(x) ? y : x));
        const m = this.add(r, a, b, code ?? r.code, 'title');
        this.nominalByEnd[b] = { mention: m, code: code ?? r.code };
        return;
      }
      if (!code) return;
      // persons named later in the article may still claim it (a headline before the story)
      this.pendingNominals.push({ a, b, code, info, plural, det });
      this.nominalByEnd[b] = { mention: null, code };
      return;
    }
    if (!code || !hasCountry) {
      this.nominalByEnd[b] = { mention: null, code };
      return;
    }
    // apposition: "Russian news agency RIA" names the organisation right after it
    const next = this.atTok[b];
    if (!plural && next && next.first === b && toks[b]!.sent === toks[a]!.sent) {
      const r = this.byId.get(next.actor);
      if (
        r &&
        (r.type === 'org' || r.type === 'person') &&
        (!r.code || countryOf(r.code) === code.slice(0, 3))
      ) {
        r.code ??= code;
        const m = this.add(r, a, b, code, 'nominal');
        this.nominalByEnd[b] = { mention: m, code };
        return;
      }
    }
    const text = this.doc.text.slice(toks[a]!.start, toks[b - 1]!.end).replace(/^the\s+/i, '');
    const rec = this.get(
      `code:${code}:${info.noun}`,
      text,
      plural ? 'group' : info.person ? 'person' : 'group',
      code,
    );
    const m = this.add(rec, a, b, code, 'nominal');
    this.nominalByEnd[b] = { mention: m, code };
  }

  /** The country most present around token `tok` (same sentence first, then the article). */
  contextCountry(tok: number, clear = false): string | null {
    const toks = this.doc.tokens;
    const sent = toks[tok]?.sent ?? -1;
    const local = new Map<string, number>();
    /** weight of international organisations (they compete for "the parliament", "the commission") */
    let intl = 0;
    for (const m of this.mentions) {
      const c = m.code ? countryOf(m.code) : null;
      const d = Math.abs(toks[m.first]!.sent - sent);
      const w = d === 0 ? 4 : d === 1 ? 2 : 1;
      if (!c) {
        if (m.code && /^IGO/.test(m.code)) intl += w;
        continue;
      }
      local.set(c, (local.get(c) ?? 0) + w);
    }
    let best: string | null = null;
    let bw = 0;
    for (const [c, w] of local) if (w > bw) [best, bw] = [c, w];
    // clear: the country must outweigh all others together (a story about one country)
    if (clear && best) {
      let rest = intl;
      for (const [c, w] of local) if (c !== best && !NON_STATE.test(c)) rest += w;
      if (bw < 2 || bw <= rest) return null;
    }
    return best;
  }

  /** Orgs whose name is written with several country codes: nearby actors' countries decide. */
  settlePending(): void {
    // headline nominals first: a person named later in the story
    for (const n of this.pendingNominals) {
      const head = n.info.noun.toLowerCase();
      const country = n.code ? n.code.slice(0, 3) : null;
      const cand = this.recs.filter(
        (r) =>
          r.type === 'person' && r.code && countryOf(r.code) === country && titleCompatible(r.titles, head),
      );
      const toks = this.doc.tokens;
      if (cand.length) {
        const r = cand[0]!;
        this.add(r, n.a, n.b, n.code, 'title');
        continue;
      }
      const text = this.doc.text.slice(toks[n.a]!.start, toks[n.b - 1]!.end);
      const rec = this.get(`nominal:${n.code}:${head}`, text, 'person', n.code);
      rec.titles.add(head);
      this.add(rec, n.a, n.b, n.code, 'nominal');
    }
    for (const r of this.recs) {
      if (!r.pending) continue;
      const first = r.mentions[0];
      const at = first ? first.first : 0;
      const sent = this.doc.tokens[at]?.sent ?? 0;
      const toks = this.doc.tokens;
      const score = new Map<string, number>();
      for (const m of this.mentions) {
        if (m.actor === r.id || !m.code) continue;
        const c = countryOf(m.code);
        if (!c) continue;
        const d = Math.abs(toks[m.first]!.sent - sent);
        score.set(c, (score.get(c) ?? 0) + (d === 0 ? 5 : d <= 1 ? 2 : 0.2));
      }
      let best: DictEntry | null = null;
      let bs = -1;
      for (const row of r.pending) {
        const s = score.get(countryOf(row.code) ?? '') ?? 0;
        if (s > bs) [best, bs] = [row, s];
      }
      if (best) {
        r.code = best.code;
        for (const m of r.mentions) m.code = best.code;
      }
      r.pending = undefined;
    }
  }

  personAntecedent(i: number): Rec | null {
    const toks = this.doc.tokens;
    const sent = toks[i]!.sent;
    // same sentence: the first person named before the pronoun (the subject, usually); an object
    // pronoun ("X thanked her") is not the subject of its own clause
    const object =
      (toks[i]!.norm === 'him' || toks[i]!.norm === 'her') &&
      !/^(NOUN|ADJ|PROPN)$/.test(toks[i + 1]?.pos ?? '');
    const sFirst = this.doc.sentences[sent]?.first ?? 0;
    for (const m of this.mentions) {
      if (m.first >= i || toks[m.first]!.sent !== sent) continue;
      if (object && m.first === sFirst) continue;
      const r = this.byId.get(m.actor)!;
      if (r.type === 'person' && m.kind !== 'pronoun') return r;
    }
    for (let s = sent - 1; s >= Math.max(0, sent - 2); s--) {
      const inS = this.mentions.filter(
        (m) => toks[m.first]!.sent === s && this.byId.get(m.actor)!.type === 'person',
      );
      if (inS.length) {
        inS.sort((a, b) => a.first - b.first);
        return this.byId.get(inS[0]!.actor)!;
      }
    }
    return null;
  }

  thingAntecedent(i: number): Rec | null {
    const toks = this.doc.tokens;
    const sent = toks[i]!.sent;
    let best: ActorMention | null = null;
    for (const m of this.mentions) {
      if (m.first >= i || toks[m.first]!.sent < sent - 1) continue;
      const r = this.byId.get(m.actor)!;
      if (r.type !== 'org' && r.type !== 'country') continue;
      if (!best || m.first > best.first) best = m;
    }
    return best ? this.byId.get(best.actor)! : null;
  }

  finish(): { actors: Actor[]; mentions: ActorMention[] } {
    const used = this.recs.filter((r) => r.mentions.length);
    const firstAt = new Map<Rec, number>();
    for (const r of used) {
      let f = Infinity;
      for (const m of r.mentions) if (m.start < f) f = m.start;
      firstAt.set(r, f);
    }
    used.sort((a, b) => firstAt.get(a)! - firstAt.get(b)!);
    const ids = new Map<string, string>();
    used.forEach((r, n) => ids.set(r.id, `A${n + 1}`));
    const mentions: ActorMention[] = [];
    // a literal filled by push (one array shape for the later stages, also when no actor is found)
    const actors: Actor[] = [];
    for (const r of used) {
      sortByPosition(r.mentions);
      for (const m of r.mentions) {
        m.actor = ids.get(r.id)!;
        mentions.push(m);
      }
      const code = r.code;
      const country = code
        ? (countryOf(code) ?? (code.startsWith('IGO') || code.startsWith('NGO') ? null : null))
        : null;
      const role = code && country ? code.slice(3, 6) || null : null;
      actors.push({
        id: ids.get(r.id)!,
        name: r.name,
        code,
        country,
        role,
        type: r.type,
        mentions: r.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
      });
    }
    sortByPosition(mentions);
    return { actors, mentions };
  }
}

// ---------------------------------------------------------------------------------------------

const NON_COUNTRY = new Set(['IGO', 'NGO', 'MNC', 'UIS', 'INT']);

/** The country (or region) part of a code; null for IGO/NGO/MNC codes. */
export function countryOf(code: string): string | null {
  if (code.length < 3 || !isUpper(code, 0) || !isUpper(code, 1) || !isUpper(code, 2)) return null;
  const c = code.slice(0, 3);
  return NON_COUNTRY.has(c) ? null : c;
}

/** an ASCII capital letter at position i */
function isUpper(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** "GOV" for a country; regions keep their own role. */
function roleOf(role: string, _country: string): string {
  return role;
}

/** "Bashar Assad" and "Bashar al-Assad": the same words once particles and hyphens are set aside. */
function sameName(a: string[], ...others: string[][]): boolean {
  const strip = (k: string[]): string[] =>
    k.filter((w) => w !== '-' && !/^(al|el|ad|as|ash|an|ar|bin|ibn|de|van|von)$/.test(w));
  const x = strip(a);
  return others.some((o) => {
    const y = strip(o);
    return x.length > 0 && x.every((w) => y.includes(w));
  });
}

function inOffice(rows: DictEntry[], date: string): boolean {
  return rows.some((r) => (!r.from || r.from <= date) && (!r.to || r.to > date));
}

function lastWord(keys: string[]): string {
  for (let k = keys.length - 1; k >= 0; k--) if (/\p{L}/u.test(keys[k]!)) return keys[k]!;
  return keys[keys.length - 1] ?? '';
}

function keysOf(name: string): string[] {
  // pushed into a literal: map() of an empty list gives another array shape, which deopts the callers
  const keys: string[] = [];
  for (const w of name.split(/[\s-]+/)) if (w) keys.push(normWord(w));
  return keys;
}

/** words an acronym leaves out */
const NOT_INITIAL = new Set(['of', 'the', 'and', 'for', '&', '-', 'on', 'in']);

function initialsOf(keys: string[]): string {
  let initials = '';
  for (const k of keys) if (!NOT_INITIAL.has(k) && /\p{L}/u.test(k)) initials += k[0]!;
  return initials;
}

function isAcronym(text: string): boolean {
  const l = text.replace(/[^\p{L}]/gu, '');
  return l.length >= 2 && l.length <= 7 && l === l.toUpperCase() && !/\s/.test(text);
}

const TITLE_WORDS =
  /\b(president|prime minister|premier|foreign minister|defen[cs]e minister|interior minister|finance minister|minister|foreign secretary|home secretary|defen[cs]e secretary|secretary of state|secretary|chancellor|king|queen|emir|sultan|crown prince|leader|governor|mayor|ambassador|envoy|spokes(?:man|woman|person)|general|commander|chief)\b/gi;

function titleWordsOf(note: string): string[] {
  return (note.match(TITLE_WORDS) ?? []).map((s) => s.toLowerCase());
}

/** Can a person with these titles be called "the <head>"? ("minister" fits "foreign minister"). */
function titleCompatible(titles: Set<string>, head: string): boolean {
  for (const t of titles) {
    if (t === head) return true;
    if (t.endsWith(` ${head}`)) return true;
    if (head.endsWith(` ${t}`)) return true;
  }
  return false;
}

function splitHyphen(toks: Token[], a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  let s = a;
  for (let k = a; k < b; k++) {
    if (toks[k]!.text === '-') {
      if (k > s) out.push([s, k]);
      s = k + 1;
    }
  }
  if (b > s) out.push([s, b]);
  return out;
}

function quoteMask(toks: Token[]): Uint8Array {
  const mask = new Uint8Array(toks.length);
  let open = false;
  for (let i = 0; i < toks.length; i++) {
    const tx = toks[i]!.text;
    // every quote mark is one character
    if (tx.length === 1) {
      if (QUOTE_OPEN.has(tx) || (tx === '"' && !open)) {
        open = true;
        continue;
      }
      if (QUOTE_CLOSE.has(tx) || (tx === '"' && open)) {
        open = false;
        continue;
      }
    }
    if (open) mask[i] = 1;
  }
  return mask;
}

/** Sort spans by start, longer first at the same start; most lists are already in that order. */
function sortByPosition(list: { start: number; end: number }[]): void {
  for (let k = 1; k < list.length; k++) {
    const a = list[k - 1]!;
    const b = list[k]!;
    if (a.start > b.start || (a.start === b.start && b.end > a.end)) {
      list.sort((x, y) => x.start - y.start || y.end - x.end);
      return;
    }
  }
}
