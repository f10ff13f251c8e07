// Event rows as CSV (RFC 4180, the layout of src/export/events.ts) and as GDELT 2.0 TSV (the event coder's
// formatter in src/export/), for GET /api/events?format=csv|gdelt.
import { CSV_COLUMNS, csvEventLine, gdeltRows, tsvLine } from '../export/events.js';
import type { Result } from '../result.js';
import type { StoredEvent } from '../store/store.js';

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\r\n';
}

export function csvRows(rows: StoredEvent[]): string {
  let out = '';
  for (const r of rows) out += csvEventLine(r) + '\r\n';
  return out;
}

/** GDELT 2.0 event-table rows (61 columns, via src/export) for stored events, looked up in their articles. */
export class GdeltExport {
  private nextId = 1;
  private last: { id: string; rows: Map<string, string[]> } | null = null;
  private readonly added = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);

  constructor(private readonly article: (id: string) => Result | null) {}

  /** GDELT files carry no header line (the columns are GDELT_COLUMNS in src/export/events.ts) */
  header(): string {
    return '';
  }

  rows(events: StoredEvent[]): string {
    let out = '';
    for (const e of events) {
      if (this.last?.id !== e.article_id) {
        const r = this.article(e.article_id);
        const rows = r ? gdeltRows(r, { dateAdded: this.added }) : [];
        this.last = { id: e.article_id, rows: new Map((r?.events ?? []).map((ev, i) => [ev.id, rows[i]!])) };
      }
      const row = this.last.rows.get(e.event_id);
      if (!row) continue;
      out += tsvLine([String(this.nextId++), ...row.slice(1)]) + '\n';
    }
    return out;
  }
}
