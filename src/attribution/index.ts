// The attribution stage: quotes with speakers (doc.quotes), numeric claims (doc.figures), and who
// reports each event (event.attribution, through attributionFor(), which other code may call too).
// Runs last; reads doc.mentions/doc.actors (speakers), doc.places and doc.times (figures) when present.
import type { PipelineOptions, Stage } from '../pipeline.js';
import type { Event, Figure, Quote, Span } from '../result.js';
import type { Doc } from '../text/doc.js';
import { analysis } from './analysis.js';
import { findFigures } from './figures.js';
import { lexicon } from './lexicon.js';

import { attributionFor } from './attribute.js';

export { attributionFor };

export class AttributionStage implements Stage {
  readonly name = 'attribution';

  constructor() {
    lexicon(); // load the knowledge files now, not on the first article
  }

  run(doc: Doc): void {
    doc.quotes = quotesOf(doc);
    doc.figures = findFigures(doc);
    // who reports each event ("the UN said", "according to activists"), kept apart from who did it
    for (const e of doc.events) e.attribution ??= attributionFor(doc, claimSpan(e));
  }
}

/** The words of an event's claim: its actors and trigger, not the whole sentence (which holds "X said"). */
function claimSpan(e: Event): Span {
  const parts = [e.trigger, e.source, ...(e.target ? [e.target] : [])].filter((p) => p.end > p.start);
  return { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
}

export function createAttributionStage(options: PipelineOptions = {}): Stage {
  void options;
  return new AttributionStage();
}

/** The public Quote objects (internal resolution details dropped). */
export function quotesOf(doc: Doc): Quote[] {
  return analysis(doc).quotes.map((q) => ({
    start: q.start,
    end: q.end,
    text: q.text,
    speaker: q.speaker,
    speaker_code: q.speaker_code,
    speaker_actor: q.speaker_actor,
    addressee: q.addressee,
    addressee_code: q.addressee_code,
    via: q.via,
    kind: q.kind,
  }));
}

/** One line per figure, for text views. */
export function formatFigure(f: Figure): string {
  const v = f.max !== null && f.max !== f.value ? `${f.value}–${f.max}` : String(f.value ?? '?');
  const ctx = [
    f.place && `in ${f.place}`,
    f.since && `since ${f.since}`,
    f.until && `as of ${f.until}`,
    f.source && `per ${f.source}`,
    f.certainty && f.certainty !== 'reported' && f.certainty,
  ].filter(Boolean);
  return `${f.bound} ${v} ${f.unit}${ctx.length ? ' (' + ctx.join(', ') + ')' : ''}`;
}

/** One line per quote, for text views. */
export function formatQuote(q: Quote): string {
  const who = q.speaker ?? (q.kind === 'display' ? '(displayed text)' : '(unknown speaker)');
  const extra = [
    q.kind !== 'direct' && q.kind,
    q.addressee && `to ${q.addressee}`,
    q.via && `via ${q.via}`,
  ].filter(Boolean);
  const text = q.text.replace(/\s+/g, ' ');
  return `${who}${extra.length ? ' (' + extra.join(', ') + ')' : ''}: “${text.length > 160 ? text.slice(0, 159) + '…' : text}”`;
}
