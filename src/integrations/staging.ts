/**
 * No half sites: `astro build` writes into a staging folder of its own, out
 * of the way in `node_modules/.astro/`, and the site moves into `outDir` (`dist/`)
 * only when every step is done (pages, media, search, sitemap). A build
 * that fails, is refused or is stopped leaves `dist/` holding the previous
 * complete site, never a mix, and never the data chunks Astro's renderer
 * writes on the way (every frontmatter field, the note's absolute path). A
 * build refused because the note is marked unpublished removes `dist/`:
 * nothing of a note its author withdrew stays ready to deploy.
 *
 * Must be the last integration: its `astro:build:done` runs after theirs.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Removes what stopped builds left: staging folders of processes that no longer run. */
function removeStale(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^timeline-staging-(\d+)$/u.exec(name)?.[1]);
    if (!pid) continue;
    let running = pid !== process.pid;
    try {
      if (running) process.kill(pid, 0);
    } catch {
      running = false;
    }
    if (!running) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Moves `from` to `to`, replacing it. Renames where both are on one disk;
 * else the site is copied beside `to` first and then renamed into place, so
 * that `to` is never half written. A failure puts the old site back.
 */
function replace(from: string, to: string): void {
  const target = to.replace(/\/+$/u, '');
  // `--outDir build/site` where `build/` does not exist yet: Astro would have made it.
  mkdirSync(dirname(target), { recursive: true });
  const old = `${target}.old-${process.pid}`;
  const incoming = `${target}.new-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  rmSync(incoming, { recursive: true, force: true });
  try {
    renameSync(from, incoming);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, incoming, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(incoming, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    throw error;
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
        // Inside the project, one per build: Astro renders in `<outDir>/.prerender/` only for an outDir
        // inside the working folder (else in a `.astro/.prerender/` that builds running at once would share).
        const parent = join(fileURLToPath(config.root), 'node_modules', '.astro');
        stage = join(parent, `timeline-staging-${process.pid}`, '/');
        removeStale(parent);
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
