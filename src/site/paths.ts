/**
 * Every path of the site, in one place: the base (`BASE_PATH`) with its
 * trailing slash, era pages and their anchors, exports and media. The
 * functions that take `base` are pure (the loader and the parser pass
 * Astro's `config.base`); {@link sitePath} and {@link eraPath} read the base
 * Vite gives pages and browser scripts (`import.meta.env.BASE_URL`).
 */

import { pagePath } from './route.ts';

/** `base` with exactly one trailing slash: `/sub` and `/sub/` are `/sub/`. */
export function withTrailingSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** `path` under `base`: `pathWithBase('/sub', 'eras/x/')` is `/sub/eras/x/`. */
export function pathWithBase(base: string, path = ''): string {
  return `${withTrailingSlash(base)}${path.replace(/^\/+/u, '')}`;
}

/**
 * An era page under `base`, with an anchor. Pages write slugs as they are
 * (Unicode kept; the browser percent-encodes on request); links inside the
 * note's own HTML are `encoded`, as the parser writes every URL it makes.
 */
export function eraUrl(base: string, slug: string, anchor?: string, { encoded = false } = {}): string {
  const code = encoded ? encodeURIComponent : (text: string) => text;
  return pathWithBase(base, `eras/${code(slug)}/${anchor ? `#${code(anchor)}` : ''}`);
}

/** Folder of the note's images in the built site. */
export const MEDIA_DIR = '_media';

/** A copied image of the note: `_media/<hash>-<name>`, relative to the base. */
export function mediaFile(hash: string, name: string): string {
  return `${MEDIA_DIR}/${hash}-${name}`;
}

/** The timeline's own base, for pages and browser scripts: the site's base and the integration's route. */
function timelineBase(): string {
  return pathWithBase(import.meta.env.BASE_URL, import.meta.env.TIMELINE_ROUTE ?? '');
}

/** Whether the site's page paths end in `/` (its `trailingSlash` is not `never`). */
const slash = () => import.meta.env.TIMELINE_TRAILING_SLASH !== false;

/** A path under the timeline's base, for pages and browser scripts: `sitePath('overview/')`. */
export function sitePath(path = ''): string {
  return pagePath(pathWithBase(timelineBase(), path), slash());
}

/** The page of one era, for pages. */
export function eraPath(slug: string, anchor?: string): string {
  return pagePath(eraUrl(timelineBase(), slug, anchor), slash());
}

/** Whether a link leaves the site (it then gets rel="noopener noreferrer"). */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/iu.test(href) || href.startsWith('//');
}
