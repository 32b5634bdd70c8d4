/**
 * The timeline's pages carry their own Content-Security-Policy, and nothing
 * site-wide is imposed: a host site without `security.csp` gets a policy
 * `<meta>` in each of the timeline's built pages only (src/csp/page.ts);
 * a host with `security.csp` has Astro write it, and the pages add what they
 * need to it (src/layouts/Base.astro, with `Astro.csp`).
 *
 * The policy allows the pages' inline scripts and styles by their hashes,
 * taken here: a step that rewrites them later (an HTML minifier) must be
 * listed before `timeline()`, so that it runs first.
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
            const result = withPolicy(await readFile(file, 'utf8'), options);
            if (result.html === null) {
              // Another step rewrote the page first (a minifier that drops optional tags): say so.
              if (result.reason === 'no-head')
                logger.warn(`${file}: no <head> to put the page's policy in; it has none`);
              continue;
            }
            if (result.refused)
              logger.warn(
                `${file}: the note's HTML got out of its element; ${result.refused} inline script(s) or style(s) after it are not allowed to run`,
              );
            await writeFile(file, result.html);
            pages++;
          }
        }
        logger.info(`a Content-Security-Policy in ${pages} of the timeline's pages`);
      },
    },
  };
}
