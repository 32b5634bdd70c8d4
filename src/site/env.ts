/**
 * Every environment variable the build reads, read and documented here
 * once; the config, the loader, pages and scripts ask this module.
 * Build-side only (Node): nothing here reaches a reader's browser.
 */
import { PUBLISHERS, type Publisher } from '../vault/publishers.ts';

/** The note built when `TIMELINE_NOTE` is not set, relative to the project root. */
export const DEFAULT_NOTE = 'content/llm-history.md';

export interface SiteEnv {
  /** `TIMELINE_NOTE`: the note to build (Markdown or Markwhen), absolute or relative to the project root. */
  note: string;
  /** `BASE_PATH`: the path the site is served under, e.g. `/my-repo/`. */
  basePath: string;
  /** `SITE_URL`: the public origin, for canonical URLs, the sitemap and `robots.txt`. */
  siteUrl: string | undefined;
  /** `GARDEN_URL`: the author's digital garden; the index links to the note there (+ its permalink). */
  gardenUrl: string | undefined;
  /** `WIKI_BASE_URL`: where the author's other notes are published, for `[[Other note]]`. */
  wikiBaseUrl: string | undefined;
  /** `WIKI_LINKS`: `digital-garden` or `quartz`: other notes' URLs follow that publisher's rules (src/vault/publishers.ts), under `WIKI_BASE_URL`. */
  wikiLinks: Publisher | undefined;
  /** `TIMELINE_PDF=1`: `npm run pdf`'s build, whose poster and overview link their PDFs. */
  pdfLinks: boolean;
  /** `POSTER_PAPER`: `a4` (default) or `letter` for `npm run pdf`, lowercased; checked there, so that a typo never stops a build. */
  posterPaper: string;
  /** `TIMELINE_VAULT`: the folder whose files the note may embed (default: the nearest above the note holding `.obsidian/`, else the note's). */
  vault: string | undefined;
  /** `MEDIA_MAX_MB`: the largest file published with the note, in bytes (default 25 MB). */
  maxMediaBytes: number;
  /** `REMOTE_IMAGES`: `allow` (default) or `block` remote images; `block` also narrows the CSP to the site's own images. */
  remoteImages: 'allow' | 'block';
  /** `ASTRO_CACHE_DIR`: Astro's cache folder, so that builds running at once never share one (tests, bench). */
  cacheDir: string | undefined;
}

/** An unset or blank variable is undefined. */
function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** The largest vault file published, by default: 25 MB. */
const DEFAULT_MAX_MEDIA_BYTES = 25 * 1024 * 1024;

/** A positive number of megabytes, in bytes; a setup mistake throws at once. */
function megabytes(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`${name} must be a positive number of megabytes, not "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

function wikiLinks(env: NodeJS.ProcessEnv): Publisher | undefined {
  const raw = value(env, 'WIKI_LINKS')?.toLowerCase();
  if (raw === undefined) return undefined;
  if (!(PUBLISHERS as readonly string[]).includes(raw))
    throw new Error(`WIKI_LINKS must be ${PUBLISHERS.join(' or ')}, not "${raw}"`);
  return raw as Publisher;
}

function remoteImages(env: NodeJS.ProcessEnv): 'allow' | 'block' {
  const raw = (value(env, 'REMOTE_IMAGES') ?? 'allow').toLowerCase();
  if (raw !== 'allow' && raw !== 'block') throw new Error(`REMOTE_IMAGES must be allow or block, not "${raw}"`);
  return raw;
}

/** Reads the environment (by default, the process's). */
export function readEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  return {
    note: value(env, 'TIMELINE_NOTE') ?? DEFAULT_NOTE,
    basePath: value(env, 'BASE_PATH') ?? '/',
    siteUrl: value(env, 'SITE_URL'),
    gardenUrl: value(env, 'GARDEN_URL'),
    wikiBaseUrl: value(env, 'WIKI_BASE_URL'),
    wikiLinks: wikiLinks(env),
    pdfLinks: value(env, 'TIMELINE_PDF') === '1',
    posterPaper: (value(env, 'POSTER_PAPER') ?? 'a4').toLowerCase(),
    cacheDir: value(env, 'ASTRO_CACHE_DIR'),
    vault: value(env, 'TIMELINE_VAULT'),
    maxMediaBytes: megabytes(env, 'MEDIA_MAX_MB') ?? DEFAULT_MAX_MEDIA_BYTES,
    remoteImages: remoteImages(env),
  };
}
