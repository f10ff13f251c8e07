// Who reports a span of text, and how sure the text is about it.
import type { Attribution, Certainty, Span } from '../result.js';
import type { Doc } from '../text/doc.js';
import { analysis } from './analysis.js';
import type { Hedge, QuoteX, Report } from './analysis.js';
import { isPronoun, npName } from './phrases.js';
import { timeIn } from './when.js';

export interface SourceOf {
  attribution: Attribution;
  /** the reporting clause, when the source comes from one in the same sentence */
  report: Report | null;
  /** true when the text hedges the claim but names nobody as its source */
  hedgeOnly?: boolean;
}

/**
 * The source of the claim at `span`: the speaker of the quote or reported clause holding it,
 * "according to X" in its sentence, or — for a hedged claim ("are believed to") with no source of its
 * own — the source of the previous sentence in the paragraph. Null when the text names no source and
 * does not hedge. A span that holds the reporting verb itself is not attributed to it.
 */
export function sourceOf(doc: Doc, span: Span): SourceOf | null {
  const an = analysis(doc);
  const s = doc.sentenceAt(span.start);
  if (s < 0) return null;
  const t = doc.tokens;
  const hedge = nearestHedge(doc, an.hedgesBySent.get(s), span);
  const touches = (r: Report | null): boolean =>
    !!r && t[r.verb]!.start < span.end && t[r.verbEnd - 1]!.end > span.start;

  // 1. inside a quote or a reported clause
  let best: QuoteX | null = null;
  for (const q of an.quotes) {
    if (q.start > span.start) break;
    if (q.kind === 'display' || !q.speaker || q.end < span.end || touches(q.report)) continue;
    if (!best || q.end - q.start < best.end - best.start) best = q;
  }
  if (best) {
    return {
      attribution: {
        actor: best.speaker_actor,
        text: sourceText(doc, best),
        certainty: hedge?.certainty ?? best.certainty,
      },
      report: best.report && best.report.sent === s ? best.report : null,
    };
  }
  // 2. "according to X" in the sentence
  for (const r of an.bySent.get(s) ?? []) {
    if (r.frame !== 'according' || !r.subj) continue;
    const a = t[r.verb]!.start;
    const b = t[r.subj.last - 1]!.end;
    if (a < span.end && b > span.start) continue;
    return {
      attribution: {
        actor: r.subj.mention?.actor ?? null,
        text: npName(doc, r.subj, true),
        certainty: hedge?.certainty ?? r.certainty,
      },
      report: r,
    };
  }
  if (!hedge) return null;
  // 3. a hedged claim: the source of the previous sentence of the paragraph, if any
  const para = doc.sentences[s]!.para;
  const prev = s - 1 >= 0 && doc.sentences[s - 1]!.para === para ? doc.sentences[s - 1]! : null;
  if (prev) {
    for (const q of an.quotes) {
      if (q.start >= prev.end) break;
      if (q.kind === 'display' || !q.speaker || q.end <= prev.start) continue;
      return {
        attribution: { actor: q.speaker_actor, text: sourceText(doc, q), certainty: hedge.certainty },
        report: null,
      };
    }
  }
  const text = doc.text.slice(t[hedge.first]!.start, t[hedge.last - 1]!.end);
  return { attribution: { actor: null, text, certainty: hedge.certainty }, report: null, hedgeOnly: true };
}

/** The source as the text names it ("the UN" → "UN"); a pronoun gives the resolved speaker's name. */
function sourceText(doc: Doc, q: QuoteX): string {
  const np = q.speakerNP;
  if (np && !isPronoun(doc, np)) return npName(doc, np, true);
  return q.speaker!;
}

function nearestHedge(doc: Doc, hedges: Hedge[] | undefined, span: Span): Hedge | null {
  if (!hedges) return null;
  let best: Hedge | null = null;
  let bestD = Infinity;
  for (const h of hedges) {
    const a = doc.tokens[h.first]!.start;
    const d = a >= span.end ? a - span.end : span.start >= a ? span.start - a : 0;
    if (d < bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

export function attributionFor(doc: Doc, span: Span): Attribution | null {
  return sourceOf(doc, span)?.attribution ?? null;
}

/** The time of a statement: a date right next to its reporting verb ("said early last month"). */
export function reportTime(doc: Doc, r: Report): string | null {
  const sent = doc.sentences[r.sent]!;
  const after = r.inverted && r.subj ? r.subj.last : r.verbEnd;
  let last = after;
  while (
    last < sent.last &&
    last - after < 6 &&
    doc.tokens[last]!.text !== ',' &&
    doc.tokens[last]!.norm !== 'that'
  )
    last++;
  return timeIn(doc, after, last);
}

export type { Certainty };
