// What every `sitrep eval` command prints the same way: scores to three places, the scores as JSON,
// and the error listing grouped by kind.

export const f3 = (x: number): string => x.toFixed(3);

/** The scores as JSON, without the error list (that one is for --errors). */
export function printJson(scores: { errors: unknown }): void {
  const { errors, ...rest } = scores;
  void errors;
  process.stdout.write(JSON.stringify(rest, null, 2) + '\n');
}

/** `-- kind (count)` and the first n errors of each kind (n from --errors, 30 when it has no number). */
export function errorLines<E extends { kind: string }>(
  errors: E[],
  kinds: readonly E['kind'][],
  option: string | true,
  line: (e: E) => string,
): string[] {
  const n = typeof option === 'string' ? +option : 30;
  const out: string[] = [];
  for (const kind of kinds) {
    const list = errors.filter((e) => e.kind === kind);
    out.push(`-- ${kind} (${list.length})`);
    for (const e of list.slice(0, n)) out.push(line(e));
  }
  return out;
}
