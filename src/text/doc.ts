// The Doc: one cleaned text and the layers that pipeline stages add to it.
// Every layer is made of spans into `text`; no stage keeps its own copy of the text,
// and no stage re-tokenises. A stage reads the layers of earlier stages and adds its own.
import type { Actor, Entity, Event, Figure, Mention, Place, Quote, Removal, Span, Time } from '../result.js';

export interface Token extends Span {
  /** the token as written */
  text: string;
  /** lower-cased form */
  norm: string;
  /** lemma from wink-nlp (lower case) */
  lemma: string;
  /** universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, ADP, PUNCT, SPACE ...) */
  pos: string;
  /** index of the sentence that holds the token */
  sent: number;
}

export interface Sentence extends Span {
  /** first token index (inclusive) */
  first: number;
  /** last token index (exclusive) */
  last: number;
  /** index of the paragraph that holds the sentence */
  para: number;
}

/** One mention of a resolved actor, as the actor stage leaves it for later stages. */
export interface ActorMention extends Mention {
  /** id of the actor in doc.actors */
  actor: string;
  /** the code this mention resolves to (a mention may carry a role the actor's main code lacks) */
  code: string | null;
  /** how the actor is named here */
  kind: 'name' | 'title' | 'nominal' | 'pronoun' | 'demonym' | 'acronym';
  /** token range [first, last) */
  first: number;
  last: number;
}

export interface ArticleMeta {
  id: string;
  title: string | null;
  /** YYYY-MM-DD, or null when unknown */
  published: string | null;
  source: string | null;
  url: string | null;
}

export class Doc {
  readonly text: string;
  readonly meta: ArticleMeta;
  removed: Removal[] = [];
  /** span of the headline inside `text`, when the input's first line was a headline */
  headline: Span | null = null;
  paragraphs: Span[] = [];
  sentences: Sentence[] = [];
  tokens: Token[] = [];

  entities: Entity[] = [];
  actors: Actor[] = [];
  mentions: ActorMention[] = [];
  places: Place[] = [];
  /** ISO2 country the article is mostly about, from places and actors; null when unclear */
  focusCountry: string | null = null;
  times: Time[] = [];
  events: Event[] = [];
  quotes: Quote[] = [];
  figures: Figure[] = [];
  warnings: string[] = [];

  constructor(text: string, meta: ArticleMeta) {
    this.text = text;
    this.meta = meta;
  }

  /** The token index whose span contains `offset`, or the next token after it; tokens.length if none. */
  tokenAt(offset: number): number {
    const t = this.tokens;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The sentence index holding `offset`, or -1. */
  sentenceAt(offset: number): number {
    const s = this.sentences;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = s[mid]!;
      if (offset < x.start) hi = mid - 1;
      else if (offset >= x.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
