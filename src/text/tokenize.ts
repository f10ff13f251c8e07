// Tokens, POS, lemmas and sentences from wink-nlp, laid onto the Doc as spans.
// wink keeps every character (its tokens plus their preceding spaces rebuild the text),
// so offsets are computed by walking the text once.
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Doc, Sentence, Token } from './doc.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** The shared wink-nlp instance, loaded on first use (the model takes a few hundred ms to load). */
export function wink(): Wink {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const create = require('wink-nlp') as typeof winkNLP;
    // only the annotations the pipeline reads (sentences, POS and the lemmas that follow from it):
    // wink's own NER, negation and sentiment are never used and cost as much as the rest together
    nlp = create(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], ['sbd', 'pos']);
  }
  return nlp;
}

/** Fill doc.tokens and doc.sentences. Sentences never cross a paragraph break. */
export function tokenize(doc: Doc): void {
  const w = wink();
  const its = w.its;
  const wd = w.readDoc(doc.text);
  const values = wd.tokens().out(its.value) as string[];
  const spaces = wd.tokens().out(its.precedingSpaces) as string[];
  const pos = wd.tokens().out(its.pos) as string[];
  const lemmas = wd.tokens().out(its.lemma as never) as unknown as string[];
  const spans = wd.sentences().out(its.span) as unknown as [number, number][];

  const tokens: Token[] = [];
  // wink token index -> our token index (we drop whitespace tokens)
  const map = new Int32Array(values.length + 1);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    const text = values[i]!;
    const start = doc.text.startsWith(text, at) ? at : doc.text.indexOf(text, at);
    map[i] = tokens.length;
    if (start < 0) continue; // cannot happen with wink's lossless tokens; skip rather than misplace
    at = start + text.length;
    if (pos[i] === 'SPACE' || text.trim() === '') continue;
    tokens.push({
      start,
      end: at,
      text,
      norm: text.toLowerCase(),
      lemma: lemmas[i] ?? text.toLowerCase(),
      pos: pos[i] ?? 'X',
      sent: 0,
    });
  }
  map[values.length] = tokens.length;

  // each token's paragraph, in one pass (tokens and paragraphs are both in text order)
  const paraEnds = doc.paragraphs.map((p) => p.end);
  const tokenPara = new Int32Array(tokens.length);
  for (let k = 0, p = 0; k < tokens.length; k++) {
    while (p < paraEnds.length - 1 && tokens[k]!.start >= paraEnds[p]!) p++;
    tokenPara[k] = p;
  }
  // wink's sentences, split again at paragraph breaks
  const sentences: Sentence[] = [];
  const push = (first: number, last: number): void => {
    if (last > first) {
      sentences.push({
        start: tokens[first]!.start,
        end: tokens[last - 1]!.end,
        first,
        last,
        para: tokenPara[first]!,
      });
    }
  };
  for (const [a, b] of spans) {
    const first = map[a]!;
    const last = map[b + 1]!;
    let s = first;
    for (let k = first + 1; k < last; k++) {
      if (tokenPara[k - 1] !== tokenPara[k]) {
        push(s, k);
        s = k;
      }
    }
    push(s, last);
  }
  sentences.forEach((s, i) => {
    for (let k = s.first; k < s.last; k++) tokens[k]!.sent = i;
  });
  doc.tokens = tokens;
  doc.sentences = sentences;
}
