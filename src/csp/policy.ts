/**
 * The Content-Security-Policy of the timeline's pages: nothing but the
 * site's own scripts runs, and nothing inline but what the page was built
 * with. Pagefind's search compiles WebAssembly, which `'wasm-unsafe-eval'`
 * allows (and nothing else); the note's remote images are allowed from
 * `https:` unless they are blocked (`remoteImages: 'block'`).
 */

export interface PolicyOptions {
  /** The entry search is on: its WebAssembly may compile. */
  search: boolean;
  /** `block`: images only from the site itself. */
  remoteImages: 'allow' | 'block';
}

/** The directives other than script-src and style-src, as Astro's `security.csp.directives` takes them. */
export function directives({ remoteImages }: Pick<PolicyOptions, 'remoteImages'>): string[] {
  return [
    "default-src 'self'",
    remoteImages === 'block' ? "img-src 'self'" : "img-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
  ];
}

/** Sources of script-src besides the page's hashes. */
export function scriptSources({ search }: Pick<PolicyOptions, 'search'>): string[] {
  return search ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"];
}

/** The whole policy of one page, with the hashes (`sha256-…`) of its own inline scripts and styles. */
export function pagePolicy(options: PolicyOptions, hashes: { scripts: string[]; styles: string[] }): string {
  const quote = (hash: string) => `'${hash}'`;
  return [
    ...directives(options),
    ['script-src', ...scriptSources(options), ...hashes.scripts.map(quote)].join(' '),
    ['style-src', "'self'", ...hashes.styles.map(quote)].join(' '),
  ].join('; ');
}
