// An article as ingestion hands it to the pipeline: text already extracted from its format.
import { createHash } from 'node:crypto';

export interface Article {
  /** the record's own id, when the input gives one */
  id?: string;
  text: string;
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  url?: string;
  source?: string;
  /** where it came from, for messages: "file.jsonl:12", "page.html", "-" */
  origin: string;
}

/** Content hash of a text: the id of an article that brings none. */
export function articleId(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}
