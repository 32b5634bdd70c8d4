import { slug as githubSlug } from 'github-slugger';

/**
 * Hands out readable, unique slugs. github-slugger does the Unicode-aware
 * part (it keeps `序曲`, drops punctuation); on top of it we fold runs of
 * dashes (`A - B` would give `a---b`) and count repeats ourselves, so that a
 * repeat never reintroduces a doubled dash.
 */
export class Slugger {
  readonly #taken = new Set<string>();
  /** The next number to try for each base: 10,000 entries named alike once took quadratic time. */
  readonly #next = new Map<string, number>();

  /** Marks slugs as used without handing them out (ids of another kind). */
  reserve(slugs: Iterable<string>): void {
    for (const s of slugs) this.#taken.add(s);
  }

  /** A unique slug for `text`; `fallback` when the text has no sluggable character. */
  slug(text: string, fallback: string): string {
    const base = tidy(githubSlug(text)) || fallback;
    let candidate = base;
    let n = this.#next.get(base) ?? 2;
    while (this.#taken.has(candidate)) candidate = `${base}-${n++}`;
    this.#next.set(base, n);
    this.#taken.add(candidate);
    return candidate;
  }
}

function tidy(slug: string): string {
  return slug.replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
}
