/**
 * Builds every fixture site of sites.ts once per test run (one after the
 * other, through scripts/site.ts like every build outside npm run build),
 * serves each with `astro preview` on a free port, and hands their
 * addresses to the workers in $E2E_SITES. The returned function stops the
 * servers.
 *
 * $E2E_ONLY_SITES=default,base builds and serves only those.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateNote } from '../../../bench/generate.ts';
import { makeVault } from '../../build/support/vault.ts';
import { buildSite, previewSite, type Preview } from '../../../scripts/site.ts';
import { ROOT, SITES_DIR } from './browser.mjs';
import { SITES, type RunningSite, type SiteSpec } from './sites.ts';

const BUILD_TIMEOUT = 5 * 60_000;

const log = (message: string) => console.log(`[e2e sites] ${message}`);

/** The variables a fixture site is built and previewed with: its own, none inherited. */
function siteVars(spec: SiteSpec): Record<string, string | undefined> {
  return { TIMELINE_NOTE: spec.note, BASE_PATH: spec.base, SITE_URL: spec.site };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const only = process.env['E2E_ONLY_SITES']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entries = Object.entries(SITES as Record<string, SiteSpec>).filter(([name]) => !only || only.includes(name));
  if (only)
    for (const name of only)
      if (!(name in SITES)) throw new Error(`E2E_ONLY_SITES: no fixture site "${name}" in tests/e2e/sites.ts`);

  const running: Record<string, RunningSite> = {};
  const previews: Preview[] = [];
  try {
    for (const [name, spec] of entries) {
      const dir = join(SITES_DIR, name);
      mkdirSync(dir, { recursive: true });
      if (spec.generate) writeFileSync(join(ROOT, spec.note), generateNote({ entries: spec.generate }));
      if (spec.vault) {
        for (const old of readdirSync(dir))
          if (old.startsWith('timeline-vault-')) rmSync(join(dir, old), { recursive: true });
        spec.note = makeVault(dir).note;
      }
      const started = Date.now();
      await buildSite(siteVars(spec), {
        outDir: join(dir, 'dist'),
        logFile: join(dir, 'build.log'),
        timeout: BUILD_TIMEOUT,
      });
      log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
    await Promise.all(
      entries.map(async ([name, spec]) => {
        const dir = join(SITES_DIR, name);
        const base = spec.base ?? '/';
        const preview = await previewSite(join(dir, 'dist'), {
          vars: siteVars(spec),
          base,
          logFile: join(dir, 'preview.log'),
        });
        previews.push(preview);
        log(`serving ${name} at ${preview.origin}${base}`);
        running[name] = {
          name,
          origin: preview.origin,
          base,
          outDir: join(dir, 'dist'),
          ...(spec.site ? { site: spec.site } : {}),
        };
      }),
    );
  } catch (error) {
    await Promise.all(previews.map((preview) => preview.stop()));
    throw error;
  }
  process.env['E2E_SITES'] = JSON.stringify(running);

  return async () => {
    await Promise.all(previews.map((preview) => preview.stop()));
  };
}
