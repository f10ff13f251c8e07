// The tense of the clause around a time expression, from wink's POS tags and lemmas.
// We look for the nearest verb group: first to the left of the expression (up to a clause break),
// then to the right. A group is the verb plus the auxiliaries, "to" and adverbs before it.
import type { Doc, Token } from '../text/doc.js';
import type { Lexicon } from './lexicon.js';

export type Tense = 'past' | 'future' | 'present' | null;

const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", 'used']);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'has', 'have', 'does', 'do']);
const CLAUSE_BREAK = new Set([';', ':', '—', '–', '"', '“', '”']);
const REPORTING = new Set(['say', 'tell', 'report', 'announce', 'state', 'add', 'claim']);
const WINDOW = 12;
/** verbs whose past tense is written like the present */
const SAME_PAST = new Set([
  'hit',
  'put',
  'set',
  'cut',
  'let',
  'hurt',
  'shut',
  'cost',
  'quit',
  'spread',
  'beat',
  'cast',
  'burst',
  'split',
  'thrust',
  'upset',
  'broadcast',
  'shed',
  'bid',
  'struck',
]);

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** A past-tense or past-participle surface form: the word differs from its lemma and is not -s/-ing. */
export function isPastForm(t: Token): boolean {
  if (PAST_AUX.has(t.norm)) return true;
  if (t.pos !== 'VERB') return false;
  if (t.norm === t.lemma) return false;
  if (t.norm.endsWith('ing')) return false;
  if (t.norm.endsWith('s') && t.norm.slice(0, -1).startsWith(t.lemma.slice(0, -1))) return false;
  return true;
}

/** Classify one verb group (tokens in text order). */
function classify(group: Token[], lex: Lexicon): Tense {
  const finite0 = group.find((t) => isVerb(t));
  // "had been due to expire", "was expected to": a past auxiliary keeps the clause in the past
  const pastAux = !!finite0 && PAST_AUX.has(finite0.norm);
  for (let k = 0; k < group.length; k++) {
    const t = group[k]!;
    if (lex.is('future', t.norm) && (t.norm !== 'going' || group[k + 1]?.norm === 'to')) return 'future';
    if (lex.is('futureto', t.norm) && group[k + 1]?.norm === 'to') return pastAux ? 'past' : 'future';
  }
  if (pastAux) return 'past';
  // "to meet", "to be agreed": an infinitive points forward
  if (group.some((t) => t.norm === 'to') && group[group.length - 1]!.pos !== 'ADP') return 'future';
  const finite = group.find((t) => isVerb(t));
  if (!finite) return null;
  if (isPastForm(finite)) return 'past';
  if (PRESENT_AUX.has(finite.norm)) {
    // present perfect reports the past; a progressive with a date usually plans ("is meeting on Friday")
    const main = group[group.length - 1]!;
    if ((finite.norm === 'has' || finite.norm === 'have') && main !== finite) return 'past';
    if (main.norm.endsWith('ing')) return 'future';
    return 'present';
  }
  if (REPORTING.has(finite.lemma)) return 'past';
  // "the blast hit", "troops cut the road": past and present look alike; news reports the past
  if (SAME_PAST.has(finite.norm) && group.length === 1) return 'past';
  // a bare participle ("arriving Tuesday", "starting at noon") has no tense of its own
  if (finite.norm.endsWith('ing') && finite === group[group.length - 1]) return null;
  return 'present';
}

/** Tense of the clause holding tokens [first, last). */
export function clauseTense(doc: Doc, first: number, last: number, lex: Lexicon): Tense {
  const tokens = doc.tokens;
  const sent = doc.sentences[tokens[first]!.sent]!;
  // left
  for (let j = first - 1; j >= Math.max(sent.first, first - WINDOW); j--) {
    const t = tokens[j]!;
    if (CLAUSE_BREAK.has(t.text)) break;
    if (isVerb(t)) return classify(groupEndingAt(doc, j, sent.first), lex);
  }
  // right
  for (let j = last; j < Math.min(sent.last, last + WINDOW); j++) {
    const t = tokens[j]!;
    if (CLAUSE_BREAK.has(t.text)) break;
    if (isVerb(t)) {
      let e = j;
      // an auxiliary takes the verbs after it ("will meet"); a main verb stands alone ("tried to scare")
      while (t.pos === 'AUX' && e + 1 < sent.last && (isVerb(tokens[e + 1]!) || tokens[e + 1]!.pos === 'ADV'))
        e++;
      return classify(groupEndingAt(doc, e, sent.first), lex);
    }
  }
  return null;
}

function groupEndingAt(doc: Doc, j: number, floor: number): Token[] {
  const tokens = doc.tokens;
  let s = j;
  while (s - 1 >= floor) {
    const p = tokens[s - 1]!;
    if (
      isVerb(p) ||
      p.norm === 'to' ||
      p.norm === 'not' ||
      p.norm === "n't" ||
      p.pos === 'ADV' ||
      p.norm === 'likely'
    )
      s--;
    else break;
  }
  return tokens.slice(s, j + 1);
}
