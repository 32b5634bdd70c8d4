/**
 * One Lighthouse run: the `lighthouse` CLI (default config: mobile emulation,
 * simulated throttling, the four categories) against a URL, in headless
 * Chromium, writing JSON and HTML reports. Runs on the same Node as the audit.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The e2e tests' Chromium flags (root, no GPU, no network of its own), headless. */
export const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export interface FailedAudit {
  category: Category;
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  /** Up to three offending nodes/items, as Lighthouse names them. */
  items: string[];
}

export interface LighthouseRun {
  scores: Record<Category, number>;
  /** Audits scored below 1 that count towards a category below 100. */
  failed: FailedAudit[];
  /** Core metrics, for the performance line. */
  metrics: { fcp?: number; lcp?: number; tbt?: number; cls?: number; si?: number };
  /** Lighthouse's CPU benchmark of the host for this run; it warns below 1,000. */
  benchmarkIndex: number;
  /** Lighthouse's own "slower CPU than Lighthouse expects" warning was raised. */
  slowHost: boolean;
  reportBase: string;
}

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  details?: { items?: Array<Record<string, unknown>> };
}
interface LhResult {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, LhAudit>;
  runtimeError?: { code: string; message: string };
  environment?: { benchmarkIndex?: number };
  runWarnings?: string[];
}

/** The lighthouse CLI's script, resolved from the project as Node would. */
function lighthouseCli(root: string): string {
  try {
    return createRequire(join(root, 'package.json')).resolve('lighthouse/cli/index.js');
  } catch {
    throw new Error('lighthouse is not installed: npm install -D lighthouse');
  }
}

export async function runLighthouse(
  root: string,
  url: string,
  reportBase: string,
  chromePath: string,
): Promise<LighthouseRun> {
  const cli = lighthouseCli(root);
  const args = [
    cli,
    url,
    '--output=json',
    '--output=html',
    `--output-path=${reportBase}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--quiet',
  ];
  const stderr: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const jsonFile = `${reportBase}.report.json`;
  if (code !== 0 || !existsSync(jsonFile)) {
    throw new Error(
      `lighthouse exited ${code} for ${url}\n${stderr.join('').trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  const lhr = JSON.parse(readFileSync(jsonFile, 'utf8')) as LhResult;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);

  const scores = {} as Record<Category, number>;
  const failed: FailedAudit[] = [];
  for (const category of CATEGORIES) {
    const c = lhr.categories[category];
    scores[category] = c?.score == null ? 0 : Math.round(c.score * 100);
    if (!c || scores[category] === 100) continue;
    for (const ref of c.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue;
      if (
        a.scoreDisplayMode === 'informative' ||
        a.scoreDisplayMode === 'notApplicable' ||
        a.scoreDisplayMode === 'manual'
      )
        continue;
      const failure: FailedAudit = { category, id: a.id, title: a.title, score: a.score, items: describeItems(a) };
      if (a.displayValue) failure.displayValue = a.displayValue;
      failed.push(failure);
    }
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue;
  const metrics: LighthouseRun['metrics'] = {};
  const put = (key: keyof LighthouseRun['metrics'], id: string) => {
    const v = metric(id);
    if (v !== undefined) metrics[key] = v;
  };
  put('fcp', 'first-contentful-paint');
  put('lcp', 'largest-contentful-paint');
  put('tbt', 'total-blocking-time');
  put('cls', 'cumulative-layout-shift');
  put('si', 'speed-index');
  const benchmarkIndex = Math.round(lhr.environment?.benchmarkIndex ?? 0);
  const slowHost = (lhr.runWarnings ?? []).some((w) => /slower CPU/u.test(w));
  return { scores, failed, metrics, benchmarkIndex, slowHost, reportBase };
}

function describeItems(audit: LhAudit): string[] {
  const items = audit.details?.items ?? [];
  return items.slice(0, 3).map((item) => {
    const node = item['node'] as { snippet?: string; nodeLabel?: string; selector?: string } | undefined;
    if (node) return `${node.selector ?? ''} ${node.snippet ?? node.nodeLabel ?? ''}`.trim();
    for (const key of ['url', 'source', 'description', 'label']) {
      const v = item[key];
      if (typeof v === 'string') return v;
      if (v && typeof v === 'object' && 'url' in v) return String((v as { url: unknown }).url);
    }
    return JSON.stringify(item).slice(0, 160);
  });
}
