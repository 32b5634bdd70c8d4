/**
 * Build-time switches read from the environment. Read here, once, so that a
 * page never reaches into `process.env` itself.
 */

/**
 * `TIMELINE_PDF=1`: the build is `npm run pdf`'s, which prints
 * `poster.pdf` and `overview.pdf` into `dist/`; only then do the poster and
 * the overview link them.
 */
export function pdfLinks(): boolean {
  return process.env['TIMELINE_PDF'] === '1';
}
