interface ImportMetaEnv {
  /** Where the integration mounts the timeline, below the site's base: `''` or `timeline/` (src/site/route.ts). */
  readonly TIMELINE_ROUTE?: string;
  /** False where the site's `trailingSlash` is `never`: page links then end without `/`. */
  readonly TIMELINE_TRAILING_SLASH?: boolean;
  /** False where the integration's `search` option is off: no search box, no search button. */
  readonly TIMELINE_SEARCH?: boolean;
}
