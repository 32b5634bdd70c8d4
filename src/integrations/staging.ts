/**
 * No half sites: `astro build` writes into a staging folder, out of the
 * way in Astro's cache folder, and the site moves into `outDir` (`dist/`)
 * only when every step is done (pages, media, search, sitemap). A build
 * that fails, is refused or is stopped leaves `dist/` holding the previous
 * complete site, never a mix, and never the data chunks Astro's renderer
 * writes on the way (every frontmatter field, the note's absolute path). A
 * build refused because the note is marked unpublished removes `dist/`:
 * nothing of a note its author withdrew stays ready to deploy.
 *
 * Must be the last integration: its `astro:build:done` runs after theirs.
 */
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the finished site goes, for {@link discardSite}; the loader and the integration meet on a global. */
const FINAL = Symbol.for('obsidian-timeline.outDir');

function holder(): Record<symbol, string | undefined> {
  return globalThis as unknown as Record<symbol, string | undefined>;
}

/**
 * Removes the site a previous build left in `outDir`, when this build is
 * refused because the note is marked unpublished. Only during `astro build`.
 */
export function discardSite(): string | null {
  const out = holder()[FINAL];
  if (!out || !existsSync(out)) return null;
  rmSync(out, { recursive: true, force: true });
  return out;
}

/** Moves `from` to `to`, replacing it: a rename where both are on one disk, else a copy. */
function replace(from: string, to: string): void {
  const old = `${to.replace(/\/+$/u, '')}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(to)) renameSync(to, old);
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

export default function staging(): AstroIntegration {
  let final = '';
  let stage = '';
  return {
    name: 'obsidian-timeline-staging',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        final = fileURLToPath(config.outDir);
        stage = fileURLToPath(new URL('timeline-staging/', config.cacheDir));
        // What a stopped build left: never published, never reused.
        rmSync(stage, { recursive: true, force: true });
        holder()[FINAL] = final;
        updateConfig({ outDir: pathToFileURL(stage) });
      },
      'astro:build:done': ({ logger }) => {
        if (!stage) return;
        // The renderer's chunks (the data store, with every field of the note) are no part of the site.
        rmSync(`${stage}.prerender`, { recursive: true, force: true });
        replace(stage, final);
        logger.info(`the site is complete: moved into ${final}`);
      },
    },
  };
}
