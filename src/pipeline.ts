// The only place that knows the order of the stages.
// analyze(article) → Result: clean → Doc (paragraphs, tokens, sentences) → annotators → result JSON.
import { Doc } from './text/doc.js';
import { paragraphs } from './text/paragraphs.js';
import { tokenize } from './text/tokenize.js';
import { Cleaner } from './clean/cleaner.js';
import { createEventsStage } from './events/index.js';
import { createAttributionStage } from './attribution/index.js';
import { articleId } from './ingest/article.js';
import type { Article } from './ingest/article.js';
import type { Result } from './result.js';
import { createActorsStage } from './actors/index.js';
import { createPlacesStage } from './places/index.js';
import { createTimesStage } from './times/index.js';

/** A stage adds one layer to the Doc. Knowledge it needs is loaded when the stage is created. */
export interface Stage {
  readonly name: string;
  run(doc: Doc): void;
}

export interface PipelineOptions {
  /** publication date to use when the article has none (YYYY-MM-DD) */
  published?: string;
  /** extra cruft rule files (see data/cruft.tsv for the format) */
  cruftFiles?: string[];
  /** extra actor dictionaries: sitrep actor files or PETRARCH/Phoenix .txt dictionaries */
  dictionaries?: string[];
  /** run only these annotator stages (by name); all when unset. Used by tests and the benchmark. */
  only?: string[];
  /** when given, each stage's cumulative run time (ms) is added here under its name */
  profile?: Map<string, number>;
}

export class Pipeline {
  private readonly cleaner: Cleaner;
  private readonly stages: Stage[];
  private readonly options: PipelineOptions;

  constructor(options: PipelineOptions = {}) {
    this.options = options;
    this.cleaner = Cleaner.load(options.cruftFiles ?? []);
    this.stages = createStages(options);
  }

  /** The Doc after all stages, for callers that want the internal layers (tests, eval). */
  annotate(article: Article): Doc {
    const { text, removed } = this.cleaner.clean(article.text);
    const published = article.published ?? this.options.published ?? null;
    const doc = new Doc(text, {
      id: article.id ?? articleId(article.text),
      title: article.title ?? null,
      published,
      source: article.source ?? null,
      url: article.url ?? null,
    });
    doc.removed = removed;
    if (article.title && text.startsWith(article.title)) {
      doc.headline = { start: 0, end: article.title.length };
    }
    doc.paragraphs = paragraphs(text);
    tokenize(doc);
    const profile = this.options.profile;
    for (const stage of this.stages) {
      if (!profile) {
        stage.run(doc);
        continue;
      }
      const t0 = performance.now();
      stage.run(doc);
      profile.set(stage.name, (profile.get(stage.name) ?? 0) + performance.now() - t0);
    }
    // checked after the stages: the times stage may find the date in a dateline
    if (!doc.meta.published) doc.warnings.unshift('no publication date: relative dates are left unresolved');
    return doc;
  }

  analyze(article: Article): Result {
    return toResult(this.annotate(article));
  }
}

/** The annotators by name, in order. Each later stage may read the layers of the earlier ones. */
const STAGES: [string, (options: PipelineOptions) => Stage][] = [
  ['actors', createActorsStage],
  ['places', createPlacesStage],
  ['times', createTimesStage],
  ['events', createEventsStage],
  // attribution (quotes + figures) stays last: it reads every earlier layer
  ['attribution', createAttributionStage],
];

/** Only the stages asked for are created, so their knowledge is loaded only when needed. */
function createStages(options: PipelineOptions): Stage[] {
  return STAGES.filter(([name]) => !options.only || options.only.includes(name)).map(([, create]) =>
    create(options),
  );
}

export function toResult(doc: Doc): Result {
  return {
    id: doc.meta.id,
    title: doc.meta.title,
    published: doc.meta.published,
    source: doc.meta.source,
    url: doc.meta.url,
    text: doc.text,
    removed: doc.removed,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    paragraphs: doc.paragraphs,
    entities: doc.entities,
    actors: doc.actors,
    places: doc.places,
    times: doc.times,
    events: doc.events,
    quotes: doc.quotes,
    figures: doc.figures,
    warnings: doc.warnings,
  };
}
