/**
 * The link from the published timeline back to the note in the author's
 * digital garden: `GARDEN_URL` + the note's `permalink` (or `dg-permalink`).
 */

/**
 * A permalink's path with every segment percent-encoded once: spaces,
 * CJK and full-width punctuation become `%XX`, slashes stay, and a segment
 * that is already encoded is not encoded again.
 */
export function encodePermalink(permalink: string): string {
  return permalink
    .trim()
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // A lone `%`: the segment is taken as written.
      }
      return encodeURIComponent(decoded);
    })
    .join('/');
}

/**
 * The note's address in the garden, or null when either part is missing.
 * A permalink that is already an absolute http(s) URL is used as it is.
 * Throws when `gardenUrl` is not an http(s) URL: a misconfigured variable
 * should stop the build rather than publish a broken link.
 */
export function sourceUrl(gardenUrl: string | undefined, permalink: string | null | undefined): string | null {
  const garden = gardenUrl?.trim();
  const link = permalink?.trim();
  if (!garden || !link) return null;
  if (/^https?:\/\//iu.test(link)) return new URL(link).href;
  let origin: URL;
  try {
    origin = new URL(garden);
  } catch {
    throw new Error(`GARDEN_URL is not a URL: ${JSON.stringify(garden)}; give e.g. https://garden.example.org`);
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') {
    throw new Error(`GARDEN_URL must be an http(s) URL, not ${JSON.stringify(garden)}`);
  }
  // The garden may live under a path (https://example.org/garden/): keep it.
  const prefix = origin.pathname.replace(/\/+$/u, '');
  const path = encodePermalink(link.startsWith('/') ? link : `/${link}`);
  return `${origin.origin}${prefix}${path}`;
}
