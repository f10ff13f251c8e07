// The actor stage: named entities (doc.entities), actors with CAMEO-style codes (doc.actors) and every
// actor mention with its token range (doc.mentions). The knowledge base is loaded once per stage.
import type { PipelineOptions, Stage } from '../pipeline.js';
import type { Entity } from '../result.js';
import type { Doc } from '../text/doc.js';
import { loadKnowledgeBase, type KbOptions, type KnowledgeBase } from './kb.js';
import { builtinKnowledgeBase } from './kb-cache.js';
import { EntityFinder } from './ner.js';
import { numericEntities } from './numbers.js';
import { Resolver, countryOf } from './resolve.js';

export { loadKnowledgeBase, loadDictionary, pickRow, type DictEntry, type KnowledgeBase } from './kb.js';
export { countryOf } from './resolve.js';

export interface ActorsStageOptions extends PipelineOptions {
  /** knowledge-base options (tests point `dir` at fixtures) */
  kb?: KbOptions;
  /** an already loaded knowledge base */
  knowledge?: KnowledgeBase;
}

export class ActorsStage implements Stage {
  readonly name = 'actors';
  readonly kb: KnowledgeBase;
  private readonly finder: EntityFinder;
  private readonly resolver: Resolver;

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.finder = new EntityFinder(kb);
    this.resolver = new Resolver(kb);
  }

  run(doc: Doc): void {
    const found = this.finder.find(doc);
    const toks = doc.tokens;
    // built by push into a literal, not by found.map(): an empty map() result is an array of another
    // elements kind, and the later stages that loop over doc.entities would see two array shapes
    const entities: Entity[] = [];
    for (const f of found) {
      const start = toks[f.first]!.start;
      const end = toks[f.last - 1]!.end;
      entities.push({ start, end, text: doc.text.slice(start, end), type: f.type });
    }
    doc.entities = entities;
    const numbers = numericEntities(doc);
    if (numbers.length) {
      doc.entities = [...doc.entities, ...numbers].sort((a, b) => a.start - b.start || b.end - a.end);
    }
    const { actors, mentions } = this.resolver.run(doc, found, this.finder.lastKeys);
    doc.actors = actors;
    doc.mentions = mentions;
    doc.focusCountry ??= this.focus(doc);
  }

  /** ISO2 of the country most mentioned through actors (the places stage may refine it). */
  private focus(doc: Doc): string | null {
    const count = new Map<string, number>();
    for (const m of doc.mentions) {
      const c = m.code ? countryOf(m.code) : null;
      if (c) count.set(c, (count.get(c) ?? 0) + (m.kind === 'pronoun' ? 0 : 1));
    }
    let best: string | null = null;
    let n = 0;
    for (const [c, k] of count) if (k > n) [best, n] = [c, k];
    if (!best) return null;
    return this.kb.countries.get(best)?.iso2 || null;
  }
}

/** The actor stage for the pipeline (first annotator). */
export function createActorsStage(options: ActorsStageOptions = {}): Stage {
  const dictionaries = [...(options.kb?.dictionaries ?? []), ...(options.dictionaries ?? [])];
  const kb =
    options.knowledge ??
    (!options.kb && !dictionaries.length
      ? builtinKnowledgeBase()
      : loadKnowledgeBase({ ...options.kb, dictionaries }));
  return new ActorsStage(kb);
}
