// npm run bench [-- CORPUS.jsonl] : throughput and memory of the full pipeline against a wink-nlp baseline,
// both measured in this run (the machine is shared and noisy: compare ratios, not absolute figures).
// Each measurement runs in a fresh child process so that peak RSS belongs to it alone; the two
// alternate for a few rounds (5 unless --rounds=N) and the best round of each counts; the ratio of each round is
// printed too, so that one lucky or unlucky run shows as such.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import { Pipeline } from '../src/pipeline.js';

interface Run {
  mode: string;
  articles: number;
  mb: number;
  seconds: number;
  maxRssMb: number;
  stages?: Record<string, number>;
}

const DEFAULT_CORPUS = fileURLToPath(new URL('../../../shared/corpus/bbc.jsonl', import.meta.url));

function load(path: string): { text: string; title?: string; id?: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; title?: string; id?: string });
}

/** One measurement, inside a child process. */
function measure(mode: string, corpus: string): Run {
  const t0 = performance.now();
  const records = load(corpus);
  const bytes = records.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
  const stages = new Map<string, number>();
  if (mode === 'baseline') {
    // reading + tokenising with wink-nlp only: the floor any pipeline on wink pays
    // wink-nlp as it comes (its default annotation pipeline), not the pipeline's own trimmed instance
    const require = createRequire(import.meta.url);
    const create = require('wink-nlp') as typeof winkNLP;
    const nlp = create(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0]);
    for (const r of records) {
      const d = nlp.readDoc(r.text);
      d.tokens().out(nlp.its.pos);
      d.sentences().out(nlp.its.span);
    }
  } else {
    // 'text': ingest, cleaning, paragraphs, tokens and sentences only (the foundation, no annotators)
    const pipeline = new Pipeline(mode === 'text' ? { only: [] } : { profile: stages });
    for (const r of records) {
      const a: { text: string; origin: string; title?: string; id?: string } = {
        text: r.text,
        origin: 'bench',
      };
      if (r.title) a.title = r.title;
      if (r.id) a.id = r.id;
      JSON.stringify(pipeline.analyze(a));
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const run: Run = {
    mode,
    articles: records.length,
    mb: bytes / 1024 / 1024,
    seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  if (stages.size) run.stages = Object.fromEntries([...stages].map(([k, ms]) => [k, ms / records.length]));
  return run;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(JSON.stringify(measure(args[1]!, args[2]!)));
    return;
  }
  const corpus = args.find((a) => !a.startsWith('--')) ?? DEFAULT_CORPUS;
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5);
  const self = fileURLToPath(import.meta.url);
  const best: Record<string, Run> = {};
  const roundRatios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const seconds: Record<string, number> = {};
    for (const mode of ['baseline', 'text', 'full']) {
      const run = JSON.parse(
        execFileSync(process.execPath, [self, '--child', mode, corpus], { encoding: 'utf8' }),
      ) as Run;
      seconds[mode] = run.seconds;
      const prev = best[mode];
      if (!prev || run.seconds < prev.seconds) best[mode] = run;
    }
    roundRatios.push(seconds.full! / seconds.baseline!);
  }
  const b = best.baseline!;
  const f = best.full!;
  const row = (r: Run): string =>
    `${r.mode.padEnd(9)} ${(r.articles / r.seconds).toFixed(1).padStart(8)} articles/s ${(r.mb / r.seconds).toFixed(2).padStart(7)} MB/s ` +
    `${(((r.seconds * 1000) / r.articles) as number).toFixed(2).padStart(6)} ms/article  peak RSS ${r.maxRssMb.toFixed(0)} MB`;
  console.log(`corpus: ${corpus} (${b.articles} articles, ${b.mb.toFixed(1)} MB), best of ${rounds} rounds`);
  console.log(row(b));
  console.log(row(best.text!));
  console.log(row(f));
  if (f.stages) {
    for (const [name, ms] of Object.entries(f.stages))
      console.log(`  stage ${name.padEnd(12)} ${ms.toFixed(3)} ms/article`);
  }
  console.log(
    `ratio text/baseline: ${(best.text!.seconds / b.seconds).toFixed(2)}×, full/baseline: ${(f.seconds / b.seconds).toFixed(2)}× time, peak RSS ${f.maxRssMb.toFixed(0)} MB`,
  );
  const sorted = [...roundRatios].sort((x, y) => x - y);
  console.log(
    `full/baseline round by round: ${roundRatios.map((r) => r.toFixed(2) + '×').join(' ')} (median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}×)`,
  );
}

main();
