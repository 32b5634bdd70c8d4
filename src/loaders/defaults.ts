/**
 * The loader options given to the integration (`timeline({ note, ... })`),
 * for `timelineCollections()` in the site's content config, which Astro
 * evaluates after the integrations' setup, in the same process.
 */
import type { TimelineLoaderOptions } from './timeline.ts';

const KEY = Symbol.for('obsidian-timeline.loader-options');

export function setLoaderDefaults(options: TimelineLoaderOptions): void {
  (globalThis as unknown as Record<symbol, TimelineLoaderOptions>)[KEY] = options;
}

export function loaderDefaults(): TimelineLoaderOptions {
  return (globalThis as unknown as Record<symbol, TimelineLoaderOptions | undefined>)[KEY] ?? {};
}
