/** A site path under the configured base (`BASE_PATH`), e.g. `eraPath('序曲')`. */
export function sitePath(path = ''): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${path.replace(/^\//u, '')}`;
}

/** The page of one era. Slugs keep Unicode; the browser percent-encodes on request. */
export function eraPath(slug: string): string {
  return sitePath(`eras/${slug}/`);
}

/** Whether a link leaves the site (it then gets rel="noopener noreferrer"). */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/iu.test(href) || href.startsWith('//');
}
