/**
 * What the reading, a11y and print specs expect of the default site, derived
 * from the real parser rather than a hard-coded list: the eras of
 * content/llm-history.md with their entries, and every page of the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseNote, type Entry } from '../../../src/timeline/index.ts';
import { ROOT } from './browser.mjs';

const FILE = 'content/llm-history.md';

export const timeline = parseNote(readFileSync(join(ROOT, FILE), 'utf8'), { file: FILE });

export interface EraInfo {
  slug: string;
  name: string;
  /** Site-relative path of the era page, e.g. `eras/序曲/`. */
  path: string;
  entries: Entry[];
}

export const ERAS: EraInfo[] = timeline.eras.map((era) => ({
  slug: era.slug,
  name: era.name || era.heading,
  path: `eras/${era.slug}/`,
  entries: era.items.filter((item): item is Entry => item.kind === 'entry'),
}));

export const ENTRIES: Entry[] = ERAS.flatMap((era) => era.entries);

export interface PageInfo {
  name: string;
  /** Site-relative path. */
  path: string;
  /** The HTTP status the page answers with. */
  status: number;
}

/** Every page of the site: home, each era, the overview, the poster, and a missing page (served with 404.html). */
export const PAGES: PageInfo[] = [
  { name: 'home', path: '', status: 200 },
  ...ERAS.map((era) => ({ name: `era ${era.name}`, path: era.path, status: 200 })),
  { name: 'overview', path: 'overview/', status: 200 },
  { name: 'poster', path: 'poster/', status: 200 },
  { name: '404', path: 'no-such-page/', status: 404 },
];

/** Whitespace collapsed, for comparing titles against rendered or extracted text. */
export const squash = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The visible text of `main`, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return squash(await page.getByRole('main').innerText());
}

/** Titles of `entries` that `text` lacks. */
export function missingTitles(text: string, entries: Entry[]): string[] {
  return entries.map((e) => squash(e.title)).filter((title) => !text.includes(title));
}
