// Test helpers: a Doc with the text layers only, and actor mentions / places / times set by hand,
// so the events stage can be tested without the other stages.
import { Pipeline } from '../../src/pipeline.js';
import type { ActorMention, Doc } from '../../src/text/doc.js';
import type { Event, Place } from '../../src/result.js';
import { createEventsStage } from '../../src/events/index.js';

const text = new Pipeline({ only: [] });
const stage = createEventsStage();

export interface Fixture {
  /** [surface, code, kind?, occurrence?] */
  actors?: [string, string | null, ActorMention['kind']?, number?][];
  /** [surface, ISO2 country] */
  places?: [string, string][];
  published?: string | null;
  title?: string;
}

function find(doc: Doc, surface: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`fixture: "${surface}" not found`);
  }
  return { start: at, end: at + surface.length };
}

export function build(body: string, fx: Fixture = {}): Doc {
  const full = fx.title ? `${fx.title}\n\n${body}` : body;
  const doc = text.annotate({
    text: full,
    title: fx.title ?? null,
    published: fx.published === undefined ? '2020-03-10' : fx.published,
    origin: 'test',
  } as never);
  let n = 0;
  for (const [surface, code, kind, nth] of fx.actors ?? []) {
    const { start, end } = find(doc, surface, nth ?? 0);
    const first = doc.tokenAt(start);
    let last = first;
    while (last < doc.tokens.length && doc.tokens[last]!.start < end) last++;
    doc.mentions.push({
      start,
      end,
      text: surface,
      actor: `A${++n}`,
      code,
      kind: kind ?? 'name',
      first,
      last,
    });
  }
  doc.mentions.sort((a, b) => a.start - b.start);
  for (const [surface, country] of fx.places ?? []) {
    const { start, end } = find(doc, surface);
    const p: Place = {
      start,
      end,
      text: surface,
      name: surface,
      geonameid: null,
      country,
      lat: null,
      lon: null,
      feature: 'P.PPL',
    };
    doc.places.push(p);
  }
  return doc;
}

export function code(body: string, fx: Fixture = {}): Event[] {
  const doc = build(body, fx);
  stage.run(doc);
  return doc.events;
}

/** "161 FRA>SYR" per event (mode appended unless actual), for compact assertions. */
export function brief(events: Event[]): string[] {
  return events.map(
    (e) => `${e.code} ${e.source.code}>${e.target?.code ?? '-'}${e.mode === 'actual' ? '' : ' ' + e.mode}`,
  );
}
