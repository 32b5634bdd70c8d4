/**
 * Where a publisher serves the author's other notes, so that `[[Note]]` and
 * `[[Folder/Note#Heading]]` land on the same page the author's garden has.
 * Each rule follows the publisher's own source:
 *
 * - Digital Garden (oleeskild/obsidian-digital-garden, `generateUrlPath` in
 *   src/utils/utils.ts): the note's vault path without `.md`, every folder
 *   and the name slugified by `@sindresorhus/slugify`, with a trailing `/`;
 *   `dg-permalink` (or `permalink`) in the note's frontmatter wins. Heading
 *   ids are `slugify(heading)`, else the heading as written (the garden
 *   template's `headerToId`).
 * - Quartz (jackyzha0/quartz, `slugifyFilePath` and `simplifySlug` in
 *   quartz/util/path.ts): the vault path without `.md`, case and folders
 *   kept, white space as `-`, `&` as `-and-`, `%` as `-percent`, `?` and `#`
 *   dropped; `index` names its folder. Heading ids are GitHub's slugs
 *   (rehype-slug).
 *
 * A note the vault does not hold is placed as if it stood at the vault's root.
 */
import slugify from '@sindresorhus/slugify';
import GithubSlugger from 'github-slugger';
import type { NoteTarget } from './notes.ts';

/** A publisher's URL rule, or the author's own: the URL of a linked note, or null to leave it plain text. */
export type WikiLinkRule = (note: NoteTarget) => string | null;

/** The publishers whose rules are built in. */
export const PUBLISHERS = ['digital-garden', 'quartz'] as const;
export type Publisher = (typeof PUBLISHERS)[number];

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

function pathOf(note: NoteTarget): string {
  return (note.path ?? `${note.target}.md`).replace(/\.md$/iu, '');
}

/** A path's segments, each percent-encoded, joined by `/`. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function digitalGarden(base: string): WikiLinkRule {
  return (note) => {
    const permalink = note.frontmatter['dg-permalink'] ?? note.frontmatter['permalink'];
    const path =
      typeof permalink === 'string' && permalink.trim()
        ? permalink.trim().replace(/^\/+|\/+$/gu, '')
        : pathOf(note)
            .split('/')
            .map((segment) => slugify(segment))
            .join('/');
    const anchor = note.heading ? `#${encodeURIComponent(slugify(note.heading) || note.heading)}` : '';
    return new URL(`${encodePath(path)}${path ? '/' : ''}${anchor}`, withSlash(base)).href;
  };
}

function quartzSlug(path: string): string {
  let slug = path
    .split('/')
    .map((segment) =>
      segment
        .replace(/\s/gu, '-')
        .replace(/&/gu, '-and-')
        .replace(/%/gu, '-percent')
        .replace(/\?/gu, '')
        .replace(/#/gu, ''),
    )
    .join('/')
    .replace(/\/$/u, '');
  if (slug.endsWith('_index')) slug = slug.replace(/_index$/u, 'index');
  // simplifySlug: a folder's index is the folder.
  return slug.replace(/(?:^|\/)index$/u, '');
}

function quartz(base: string): WikiLinkRule {
  return (note) => {
    const slug = quartzSlug(pathOf(note));
    const anchor = note.heading ? `#${encodeURIComponent(new GithubSlugger().slug(note.heading))}` : '';
    return new URL(encodePath(slug) + anchor, withSlash(base)).href;
  };
}

/** The rule of a built-in publisher whose site is at `base`. */
export function publisherRule(publisher: Publisher, base: string): WikiLinkRule {
  return publisher === 'quartz' ? quartz(base) : digitalGarden(base);
}
