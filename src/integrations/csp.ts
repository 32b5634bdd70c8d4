/**
 * The timeline's pages carry their own Content-Security-Policy, and nothing
 * site-wide is imposed: a host site without `security.csp` gets a policy
 * `<meta>` in each of the timeline's built pages only (src/csp/page.ts);
 * a host with `security.csp` has Astro write it, and the pages add what they
 * need to it (src/layouts/Base.astro, with `Astro.csp`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withPolicy } from '../csp/page.ts';
import type { PolicyOptions } from '../csp/policy.ts';

/**
 * @param patterns the timeline's routes (as injected), whose pages get the policy
 * @param options what the policy allows
 */
export default function csp(patterns: Set<string>, options: PolicyOptions): AstroIntegration {
  let hostCsp = false;
  return {
    name: 'timeline-csp',
    hooks: {
      'astro:config:setup': ({ config }) => {
        hostCsp = Boolean(config.security?.csp);
      },
      'astro:build:done': async ({ assets, logger }) => {
        if (hostCsp) return;
        let pages = 0;
        for (const [pattern, urls] of assets) {
          if (!patterns.has(pattern)) continue;
          for (const url of urls) {
            const file = fileURLToPath(url);
            if (!file.endsWith('.html')) continue;
            const html = await readFile(file, 'utf8');
            const next = withPolicy(html, options);
            if (next === null) continue;
            await writeFile(file, next);
            pages++;
          }
        }
        logger.info(`a Content-Security-Policy in each of the timeline's ${pages} pages`);
      },
    },
  };
}
