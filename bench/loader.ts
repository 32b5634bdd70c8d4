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
  /** The same two, in CPU time of this thread: steadier when other work holds the cores. */
  loaderCpuMs: number;
  remarkCpuMs: number;
  loaderSamples: Sample[];
  remarkSamples: Sample[];
}

export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Built once, like the parser's own module-level processor. */
const bare = unified().use(remarkParse).use(remarkGfm);

/** Exposed by `node --expose-gc`: collecting before each run keeps one run's garbage out of the next one's time. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** CPU time of this thread (Node ≥ 23.9), else of the process. */
const cpuNow = (): number => {
  const { user, system } = process.threadCpuUsage?.() ?? process.cpuUsage();
  return (user + system) / 1000;
};

function time(fn: () => unknown): Sample {
  gc();
  const cpu = cpuNow();
  const start = performance.now();
  fn();
  return { wallMs: performance.now() - start, cpuMs: cpuNow() - cpu };
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

  const warm = time(loader).wallMs + time(remark).wallMs;
  time(loader);
  time(remark);
  const iterations = Math.max(minIterations, Math.min(maxIterations, Math.floor(budgetMs / warm)));

  const loaderSamples: Sample[] = [];
  const remarkSamples: Sample[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      loaderSamples.push(time(loader));
      remarkSamples.push(time(remark));
    } else {
      remarkSamples.push(time(remark));
      loaderSamples.push(time(loader));
    }
  }
  const of = (samples: Sample[], key: keyof Sample) => median(samples.map((s) => s[key]));
  return {
    iterations,
    loaderMs: of(loaderSamples, 'wallMs'),
    remarkMs: of(remarkSamples, 'wallMs'),
    loaderCpuMs: of(loaderSamples, 'cpuMs'),
    remarkCpuMs: of(remarkSamples, 'cpuMs'),
    loaderSamples,
    remarkSamples,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
