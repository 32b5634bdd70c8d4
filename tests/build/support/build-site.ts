/**
 * A real `astro build` for the build tests, through the project's one site
 * helper (scripts/site.ts): a clean environment, a cache folder of its own.
 */
import { buildSiteSync } from '../../../scripts/site.ts';

/** Builds with exactly these variables of ours into a new temporary folder; throws with the build's output. */
export function buildSite(vars: Record<string, string>, timeout = 180_000): string {
  return buildSiteSync(vars, timeout).outDir;
}

/** The same, with the build's output (warnings included) for tests that check what it said. */
export function buildSiteWithLog(vars: Record<string, string>, timeout = 180_000): { outDir: string; log: string } {
  return buildSiteSync(vars, timeout);
}
