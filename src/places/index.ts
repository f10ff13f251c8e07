// The places stage: fills doc.places and doc.focusCountry, and answers "where did this happen" for a span.
import type { Doc } from '../text/doc.js';
import type { Place } from '../result.js';
import type { PipelineOptions, Stage } from '../pipeline.js';
import { geoparse, toPlaces } from './geoparse.js';

/** per Doc: for each place in doc.places, whether it follows a locative preposition (in, at, near ...) */
const locatives = new WeakMap<Doc, boolean[]>();

export function createPlacesStage(options: PipelineOptions = {}): Stage {
  void options;
  return {
    name: 'places',
    run(doc: Doc): void {
      const { found, focus } = geoparse(doc);
      const kept = found.filter((m) => m.chosen);
      doc.places = toPlaces(doc, kept);
      // our focus comes from the places; when they leave it open, keep what the actor stage found
      doc.focusCountry = focus ?? doc.focusCountry;
      locatives.set(
        doc,
        kept.map((m) => m.locative),
      );
    },
  };
}

const SPECIFIC: Record<string, number> = { P: 3, S: 3, A: 1, L: 1, H: 1, T: 2 };

/**
 * "Where did this happen": the place inside [start, end) — a place after a locative preposition
 * (in/at/near/outside) first, else the most specific place (a city before a region before a country),
 * else null. The caller decides whether to fall back to doc.focusCountry.
 */
export function placeForSpan(doc: Doc, start: number, end: number): Place | null {
  const loc = locatives.get(doc) ?? [];
  let best: Place | null = null;
  let bestScore = -1;
  doc.places.forEach((p, i) => {
    if (p.start < start || p.end > end) return;
    const cls = p.feature?.[0] ?? 'A';
    let s = SPECIFIC[cls] ?? 1;
    if (p.feature === 'A.PCLI' || p.feature === 'L.CONT' || p.feature === 'L.RGN') s = 0;
    if (loc[i]) s += 10;
    if (s > bestScore) [best, bestScore] = [p, s];
  });
  return best;
}

export { gazetteer } from './gazetteer.js';
export { km } from './geoparse.js';
