interface ImportMetaEnv {
  /** Where the integration mounts the timeline, below the site's base: `''` or `timeline/` (src/site/route.ts). */
  readonly TIMELINE_ROUTE?: string;
  /** How page links end, from the site's `trailingSlash` and `build.format` (src/site/route.ts). */
  readonly TIMELINE_PAGE_FORM?: import('./site/route.ts').PageForm;
  /** False where the integration's `search` option is off: no search box, no search button. */
  readonly TIMELINE_SEARCH?: boolean;
  /** The integration's `remoteImages`: `block` allows images from the site only. */
  readonly TIMELINE_REMOTE_IMAGES?: 'allow' | 'block';
  /** The poster and the overview link their PDFs (`pdf` option, or `TIMELINE_PDF=1`). */
  readonly TIMELINE_PDF?: boolean;
  /** True where the site sets Astro's `security.csp`: the pages then add their needs to Astro's policy. */
  readonly TIMELINE_HOST_CSP?: boolean;
}
