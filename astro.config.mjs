// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import timeline from './src/integration.ts';
import staging from './src/integrations/staging.ts';
import { readEnv } from './src/site/env.ts';

// BASE_PATH, SITE_URL and ASTRO_CACHE_DIR: see src/site/env.ts.
const { basePath: base, siteUrl: site, cacheDir } = readEnv();

export default defineConfig({
  // Left out when unset (the config type does not take `site: undefined`).
  ...(site ? { site } : {}),
  // Tests that build in parallel give each build its own cache, and so its own
  // content data store (tests/build/support/build-site.ts sets ASTRO_CACHE_DIR).
  ...(cacheDir ? { cacheDir } : {}),
  base,
  trailingSlash: 'always',
  // Component styles as files, cached across pages, not repeated inline in each page's HTML.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts as files too, however small: no inline script on any page (tests/e2e/safety.spec.ts).
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  // Notes are rendered by our own pipeline; Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  // No security.csp here: the timeline's pages carry their own policy, as on a host site
  // (src/integrations/csp.ts; REMOTE_IMAGES=block allows images from the site only).
  // The timeline, as a site that installs the package adds it (its pages, media, search and
  // policy); the note and the rest come from the environment (src/site/env.ts).
  // The sitemap needs absolute URLs: only when SITE_URL gives the public origin.
  // staging() last: the finished site moves into dist/ after every other step.
  integrations: [timeline(), ...(site ? [sitemap()] : []), staging()],
});
