// A readable terminal view of one result.
import type { Result } from '../result.js';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s: string): string => (useColour ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string): string => (useColour ? `\x1b[2m${s}\x1b[0m` : s);

export function pretty(r: Result): string {
  const out: string[] = [];
  out.push(bold(r.title ?? '(no title)'));
  out.push(
    dim(
      [`id ${r.id}`, r.published && `published ${r.published}`, r.source, r.url].filter(Boolean).join(' · ') +
        ` · ${r.paragraphs.length} paragraphs, ${r.sentences.length} sentences`,
    ),
  );
  for (const w of r.warnings) out.push(dim(`note: ${w}`));
  if (r.removed.length) {
    out.push('', bold('Removed'));
    for (const x of r.removed)
      out.push(`  ${x.count}× ${JSON.stringify(x.text)} ${dim('(' + x.reason + ')')}`);
  }
  if (r.actors.length) {
    out.push('', bold('Actors'));
    for (const a of r.actors) {
      const also = [...new Set(a.mentions.map((m) => m.text))].filter((t) => t !== a.name);
      out.push(`  ${(a.code ?? '?').padEnd(9)} ${a.name}${also.length ? dim(' — ' + also.join(', ')) : ''}`);
    }
  }
  if (r.places.length) {
    out.push('', bold('Places'));
    const seen = new Set<string>();
    for (const p of r.places) {
      const key = `${p.text}|${p.geonameid}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = p.lat !== null && p.lon !== null ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : '';
      out.push(`  ${p.text} → ${p.name}${p.country ? ', ' + p.country : ''} ${dim(where)}`);
    }
  }
  if (r.times.length) {
    out.push('', bold('Times'));
    for (const t of r.times)
      out.push(`  ${JSON.stringify(t.text)} → ${t.value}${t.mod ? ' (' + t.mod + ')' : ''}`);
  }
  if (r.events.length) {
    out.push('', bold('Events'));
    for (const e of r.events) {
      const who = `${e.source.code ?? '?'} → ${e.target?.code ?? '—'}`;
      const when = e.date ?? 'date unknown';
      const where = e.place ? ` @ ${e.place.name}` : '';
      const mode = e.mode === 'actual' ? '' : ` [${e.mode}]`;
      out.push(`  ${e.code.padEnd(4)} ${who.padEnd(20)} ${when}${where}${mode}  ${dim(e.label)}`);
      out.push(`       ${dim(JSON.stringify(r.text.slice(e.start, e.end)))}`);
    }
  }
  if (r.quotes.length) {
    out.push('', bold('Quotes'));
    for (const q of r.quotes) {
      const who = q.speaker ?? (q.kind === 'display' ? '(displayed text)' : '(unknown speaker)');
      const extra = [
        q.kind !== 'direct' && q.kind,
        q.addressee && `to ${q.addressee}`,
        q.via && `via ${q.via}`,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${who}${extra ? dim(' (' + extra + ')') : ''}: “${clip(q.text, 160)}”`);
    }
  }
  if (r.figures.length) {
    out.push('', bold('Figures'));
    for (const f of r.figures) {
      const v = f.max !== null && f.max !== f.value ? `${f.value}–${f.max}` : String(f.value ?? '?');
      const ctx = [
        f.place && `in ${f.place}`,
        f.since && `since ${f.since}`,
        f.until && `until ${f.until}`,
        f.source && `per ${f.source}`,
        f.certainty && f.certainty !== 'reported' && f.certainty,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${f.bound} ${v} ${f.unit}${ctx ? dim(' (' + ctx + ')') : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
