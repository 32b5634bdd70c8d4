/**
 * The loader's own cost beside its floor: `parseNote` against a bare
 * remark-parse + remark-gfm pass over the same text. Runs of the two are
 * interleaved (and their order alternated) so that noise on this shared
 * machine lands on both, and the median of each is compared.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseNote } from '../src/timeline/index.ts';

export interface LoaderResult {
  iterations: number;
  /** Median milliseconds of one `parseNote`. */
  loaderMs: number;
  /** Median milliseconds of one bare remark parse + runSync. */
  remarkMs: number;
  loaderSamples: number[];
  remarkSamples: number[];
}

/** Built once, like the parser's own module-level processor. */
const bare = unified().use(remarkParse).use(remarkGfm);

/** Exposed by `node --expose-gc`: collecting before each run keeps one run's garbage out of the next one's time. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time(fn: () => unknown): number {
  gc();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Times both on `text`. After a warm-up of both (so the JIT has seen them),
 * runs as many pairs as fit in `budgetMs`, within `[minIterations, maxIterations]`.
 */
export function compareLoader(
  text: string,
  { file = 'bench.md', budgetMs = 8000, minIterations = 5, maxIterations = 40 } = {},
): LoaderResult {
  const loader = () => parseNote(text, { file });
  const remark = () => bare.runSync(bare.parse(text));

  const warm = time(loader) + time(remark);
  time(loader);
  time(remark);
  const iterations = Math.max(minIterations, Math.min(maxIterations, Math.floor(budgetMs / warm)));

  const loaderSamples: number[] = [];
  const remarkSamples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      loaderSamples.push(time(loader));
      remarkSamples.push(time(remark));
    } else {
      remarkSamples.push(time(remark));
      loaderSamples.push(time(loader));
    }
  }
  return { iterations, loaderMs: median(loaderSamples), remarkMs: median(remarkSamples), loaderSamples, remarkSamples };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
