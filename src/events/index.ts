// The events stage: fills doc.events with CAMEO/PLOVER coded events (see coder.ts and data/events/).
import type { PipelineOptions, Stage } from '../pipeline.js';
import type { Doc } from '../text/doc.js';
import { Coder, type CoderHooks } from './coder.js';
import { loadPatterns } from './patterns.js';

export { codebook, codeInfo, quadOf } from './codebook.js';
export { loadPatterns, parsePatterns } from './patterns.js';
export { Coder } from './coder.js';

export interface EventsStageOptions extends PipelineOptions {
  /** extra pattern files in the sitrep pattern language */
  patterns?: string[];
  hooks?: CoderHooks;
}

export function createEventsStage(options: EventsStageOptions = {}): Stage {
  const coder = new Coder(loadPatterns(options.patterns ?? []), options.hooks ?? {});
  return {
    name: 'events',
    run(doc: Doc): void {
      doc.events = coder.code(doc);
    },
  };
}
