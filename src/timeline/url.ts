import { defaultSchema } from 'hast-util-sanitize';

const ALLOWED = new Set((defaultSchema.protocols?.['href'] ?? ['http', 'https', 'mailto']).map((p) => p.toLowerCase()));

/**
 * The URL if a reader may follow it: relative, or with a protocol that
 * rehype-sanitize's default schema allows for `href` (http, https, mailto…).
 * `javascript:`, `vbscript:` and `data:` give null.
 */
export function safeUrl(url: string): string | null {
  // Browsers ignore control characters and spaces inside a scheme: so do we.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/gu, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(squeezed);
  if (!scheme) return url;
  return ALLOWED.has(scheme[1]!.toLowerCase()) ? url : null;
}
