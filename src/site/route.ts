/**
 * Where the timeline is mounted inside a site (the integration's `route`
 * option): `''` at the site's root, `timeline/` under `/timeline/`. The
 * integration states it once, for the build's Node side (the loader, the
 * media and search steps) on a global, and for pages and browser scripts as
 * `import.meta.env.TIMELINE_ROUTE` (a Vite define).
 */
const KEY = Symbol.for('obsidian-timeline.route');

/** `'/'`, `'timeline'`, `'/timeline/'` → `''`, `'timeline/'`, `'timeline/'`; a setup mistake throws at once. */
export function normalizeRoute(route: string): string {
  const trimmed = route.trim().replace(/^\/+|\/+$/gu, '');
  if (/[?#\\]|\/\/|(^|\/)\.\.?(\/|$)/u.test(trimmed))
    throw new Error(`obsidian-timeline: route "${route}" is not a path; give one such as "/" or "/timeline/"`);
  return trimmed ? `${trimmed}/` : '';
}

/** Records the route for the build's Node side. */
export function setRoute(route: string): void {
  (globalThis as unknown as Record<symbol, string>)[KEY] = route;
}

/** The route, for the build's Node side: `''` unless the integration set one. */
export function buildRoute(): string {
  return (globalThis as unknown as Record<symbol, string | undefined>)[KEY] ?? '';
}

const SLASH = Symbol.for('obsidian-timeline.trailing-slash');

/** Records whether the site's pages end in `/` (Astro's `trailingSlash` is not `never`), for the Node side. */
export function setTrailingSlash(slash: boolean): void {
  (globalThis as unknown as Record<symbol, boolean>)[SLASH] = slash;
}

/** Whether page paths end in `/`, for the Node side: yes unless the integration said otherwise. */
export function buildTrailingSlash(): boolean {
  return (globalThis as unknown as Record<symbol, boolean | undefined>)[SLASH] ?? true;
}

/**
 * A page path as the site writes its pages: with `trailingSlash: 'never'`,
 * `/timeline/overview/` is `/timeline/overview` and `/timeline/eras/x/#a` is
 * `/timeline/eras/x#a`; the site's root stays `/`.
 */
export function pagePath(path: string, slash: boolean): string {
  if (slash) return path;
  return path.replace(/(?<=.)\/(?=#|$)/u, '');
}
