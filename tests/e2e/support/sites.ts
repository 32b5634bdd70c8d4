/**
 * The fixture sites that the e2e tests run against: name → how to build it.
 * Each is built once per test run by global-setup.ts (`npm run build` with
 * these variables, into tests/.sites/<name>/dist) and served by
 * `astro preview` on a free port. To add one, add an entry here and pick it
 * in a spec with `test.use({ siteName: '<name>' })`.
 */
export interface SiteSpec {
  /** TIMELINE_NOTE: the note to build, relative to the project root. */
  note: string;
  /** BASE_PATH: where the site is served from; `/` when left out. */
  base?: string;
  /** SITE_URL: the public origin, for canonical URLs; unset when left out. */
  site?: string;
  /** Writes `note` first: a synthetic note with this many entries (bench/generate.ts). */
  generate?: number;
  /** Makes the fixture vault first (tests/build/support/vault.ts) and builds its note; `note` is then unused. */
  vault?: boolean;
}

export const SITES = {
  default: { note: 'content/llm-history.md' },
  base: { note: 'content/llm-history.md', base: '/some/sub/path/', site: 'https://timeline.example' },
  // Script, event handlers, javascript: links… in every place a note can hold them (safety.spec.ts).
  hostile: { note: 'tests/fixtures/hostile/input.md' },
  // Notes in Japanese and in Traditional Chinese: their own `lang`, interface words and search (search.spec.ts).
  japanese: { note: 'tests/fixtures/japanese/input.md' },
  traditional: { note: 'tests/fixtures/traditional/input.md' },
  // Six overlapping civilisations, 3500 BC – AD 476, 59 entries: the axis drawn to scale (axis.spec.ts).
  ancient: { note: 'tests/fixtures/ancient/input.md' },
  // 1,000 entries in 10 eras: more than one sheet can show (poster.spec.ts).
  crowded: { note: 'tests/.sites/crowded/note.md', generate: 1000 },
  // 10,000 entries in 100 eras: the poster's two notices still leave one sheet (poster.spec.ts).
  huge: { note: 'tests/.sites/huge/note.md', generate: 10_000 },
  // The fixture vault with links in and out, a FIFO, non-image files and the SVG attack corpus (vault.spec.ts).
  vault: { note: '', vault: true },
} satisfies Record<string, SiteSpec>;

export type SiteName = keyof typeof SITES;

/** A site that global-setup.ts built and serves; passed to workers in $E2E_SITES. */
export interface RunningSite {
  name: string;
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** e.g. `/` or `/some/sub/path/` */
  base: string;
  /** SITE_URL it was built with, if any. */
  site?: string;
  /** Absolute path of its build output. */
  outDir: string;
}
