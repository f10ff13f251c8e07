// Shared by the times tests: a Doc annotated by the times stage.
import { Doc } from '../../src/text/doc.js';
import { paragraphs } from '../../src/text/paragraphs.js';
import { tokenize } from '../../src/text/tokenize.js';
import { createTimesStage } from '../../src/times/index.js';

const stage = createTimesStage({});

export function annotate(text: string, published: string | null = '2012-02-07'): Doc {
  const doc = new Doc(text, { id: 't', title: null, published, source: null, url: null });
  doc.paragraphs = paragraphs(text);
  tokenize(doc);
  stage.run(doc);
  return doc;
}
