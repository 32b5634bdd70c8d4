/**
 * A breadth-first crawl of a fixture site: every page reachable from its
 * root, following every href, src and srcset, each fetched without
 * following redirects. Links to the site's public origin (SITE_URL, e.g. a
 * canonical link) are checked against the local server; other origins are
 * left alone.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { Site } from './fixtures.ts';

export interface CrawlResult {
  /** HTML pages visited, as absolute local URLs. */
  pages: string[];
  /** Every internal URL checked → where it was first found. */
  seen: Map<string, string>;
  /** `status url (from …)` for each internal URL that did not answer 200. */
  broken: string[];
}

/** Every URL the page refers to, from any element's href, src or srcset, with where it was found. */
export async function references(page: Page): Promise<Array<{ url: string; from: string }>> {
  return page.evaluate(() => {
    const found: Array<{ url: string; from: string }> = [];
    const add = (raw: string | null | undefined, from: string) => {
      const value = raw?.trim();
      if (!value || /^(#|mailto:|tel:|javascript:|data:)/i.test(value)) return;
      try {
        found.push({ url: new URL(value, document.baseURI).href, from });
      } catch {
        found.push({ url: value, from: `${from} (unparsable)` });
      }
    };
    for (const el of document.querySelectorAll('[href], [src], [srcset]')) {
      const tag = el.tagName.toLowerCase();
      add(el.getAttribute('href'), `<${tag} href>`);
      add(el.getAttribute('src'), `<${tag} src>`);
      for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
        add(candidate.trim().split(/\s+/)[0], `<${tag} srcset>`);
      }
    }
    return found;
  });
}

/** The local URL for an internal one (same origin, or the public SITE_URL origin); null for external. */
export function localURL(url: string, site: Site): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  u.hash = '';
  if (u.origin === site.origin) return u.href;
  if (site.site && u.origin === new URL(site.site).origin) return site.origin + u.pathname + u.search;
  return null;
}

export async function crawl(page: Page, request: APIRequestContext, site: Site, maxPages = 500): Promise<CrawlResult> {
  const seen = new Map<string, string>([[site.root, 'the site root']]);
  const broken: string[] = [];
  const pages: string[] = [];
  const queue = [site.root];

  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    const html = (response.headers()['content-type'] ?? '').includes('text/html');
    const status = response.status();
    await response.dispose();
    if (status !== 200) {
      broken.push(`${status} ${decodeURI(url)} (from ${seen.get(url)})`);
      continue;
    }
    if (!html) continue;
    if (pages.length >= maxPages)
      throw new Error(`crawl: more than ${maxPages} pages under ${site.root}; is it looping?`);
    pages.push(url);
    await page.goto(url);
    for (const { url: ref, from } of await references(page)) {
      const target = localURL(ref, site);
      if (target && !seen.has(target)) {
        seen.set(target, `${from} on ${decodeURI(url)}`);
        queue.push(target);
      }
    }
  }
  return { pages, seen, broken };
}
