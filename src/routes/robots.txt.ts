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
import { filePath } from '../site/paths.ts';

export const prerender = true;

/** The robots.txt text for a site URL. */
function robotsTxt(site: URL | undefined): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(filePath('sitemap-index.xml'), site).href}`);
  return `${lines.join('\n')}\n`;
}

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
