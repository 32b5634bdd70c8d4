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

/**
 * How the site writes a page's address, from its Astro config:
 * `slash` `/timeline/overview/` (the default), `bare` `/timeline/overview`
 * (`trailingSlash: 'never'`), `html` `/timeline/overview.html`
 * (`build.format: 'file'` or `'preserve'`, whose pages are `overview.html`
 * files, as Starlight links them).
 */
export type PageForm = 'slash' | 'bare' | 'html';

/** The page form of a site's config. */
export function pageForm(config: { trailingSlash: string; build: { format: string } }): PageForm {
  // Astro writes injected pages as `<name>.html` with `preserve` too.
  if (config.build.format === 'file' || config.build.format === 'preserve') return 'html';
  return config.trailingSlash === 'never' ? 'bare' : 'slash';
}

const FORM = Symbol.for('obsidian-timeline.page-form');

/** Records the site's page form, for the Node side. */
export function setPageForm(form: PageForm): void {
  (globalThis as unknown as Record<symbol, PageForm>)[FORM] = form;
}

/** The site's page form, for the Node side: `slash` unless the integration said otherwise. */
export function buildPageForm(): PageForm {
  return (globalThis as unknown as Record<symbol, PageForm | undefined>)[FORM] ?? 'slash';
}

/**
 * A page path as the site writes its pages, from its `/`-ended form:
 * `/timeline/eras/x/#a` is `/timeline/eras/x#a` (`bare`) or
 * `/timeline/eras/x.html#a` (`html`). The site's root (`root`, its base)
 * stays as it is, the folder every host serves; a path that names a file
 * (`timeline.json`) too.
 */
export function pagePath(path: string, form: PageForm, root = '/'): string {
  const hash = path.indexOf('#');
  const page = hash < 0 ? path : path.slice(0, hash);
  const rest = hash < 0 ? '' : path.slice(hash);
  if (form === 'slash' || page === root || !page.endsWith('/')) return path;
  return `${page.slice(0, -1)}${form === 'html' ? '.html' : ''}${rest}`;
}
