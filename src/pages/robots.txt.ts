/**
 * `/robots.txt`: lets every crawler in and, when the site's public URL is
 * known (`SITE_URL` → `site`), points at the sitemap that @astrojs/sitemap
 * writes. Without a site URL there is no sitemap (its URLs must be absolute),
 * so the file has no `Sitemap:` line.
 *
 * Crawlers read robots.txt only at the root of an origin: under a sub-path
 * (`BASE_PATH=/my-repo/`) this file is harmless but ignored, and the
 * sitemap must be submitted to search engines by hand.
 */
import type { APIRoute } from 'astro';

export const prerender = true;

/** The robots.txt text for a site URL and base path. */
function robotsTxt(site: URL | undefined, base: string): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) {
    const path = `${base.endsWith('/') ? base : `${base}/`}sitemap-index.xml`;
    lines.push('', `Sitemap: ${new URL(path.replace(/^\/*/u, '/'), site).href}`);
  }
  return `${lines.join('\n')}\n`;
}

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
