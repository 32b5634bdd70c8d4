/**
 * The vault's other notes, for `[[Other note]]` links: where a link points,
 * resolved as Obsidian resolves it, and the frontmatter a publisher reads to
 * place it (Digital Garden's `dg-permalink`). Only names and the frontmatter
 * of a linked note are read, never published; hidden folders are skipped,
 * symlinks are not followed, and the walk is bounded.
 */
import type { Dirent } from 'node:fs';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import matter from 'gray-matter';

/** A linked note, found in the vault or not. */
export interface NoteTarget {
  /** The link's target as written, without `.md`: `Yuri Gagarin`, `People/Yuri Gagarin`. */
  target: string;
  /** The heading after `#`, or ''. */
  heading: string;
  /** The note's vault-relative path with `/` (`People/Yuri Gagarin.md`), or null when the vault has no such note. */
  path: string | null;
  /** The note's frontmatter (empty when not found or unreadable). */
  frontmatter: Record<string, unknown>;
}

/** How many folder entries the walk reads at most. */
const MAX_ENTRIES = 50_000;
/** How much of a linked note is read for its frontmatter. */
const FRONTMATTER_BYTES = 64 * 1024;

/** Every `.md` note of the vault, vault-relative with `/`, breadth first (so shallower first). */
function listNotes(root: string): string[] {
  const notes: string[] = [];
  const queue = [root];
  let seen = 0;
  while (queue.length && seen < MAX_ENTRIES) {
    const dir = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      seen++;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = resolve(dir, entry.name);
      if (entry.isDirectory()) queue.push(full);
      else if (entry.isFile() && /\.md$/iu.test(entry.name)) notes.push(relative(root, full).split(sep).join('/'));
    }
  }
  return notes;
}

function readFrontmatter(file: string): Record<string, unknown> {
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(FRONTMATTER_BYTES);
      const length = readSync(fd, buffer, 0, FRONTMATTER_BYTES, 0);
      const text = buffer.subarray(0, length).toString('utf8');
      if (!/^---\r?\n/u.test(text)) return {};
      const data = matter(text, {}).data as unknown;
      return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    } finally {
      closeSync(fd);
    }
  } catch {
    return {};
  }
}

/**
 * Finds linked notes in the vault at `root` as Obsidian does: a link with a
 * folder (`People/Yuri Gagarin`) names the note whose path ends so; a bare
 * name, the note of that name nearest the vault's root. Case is ignored, as
 * Obsidian ignores it on every system. The vault is listed on first use.
 */
export function noteFinder(root: string): (target: string, heading: string) => NoteTarget {
  let notes: string[] | null = null;
  const found = new Map<string, string | null>();
  return (written, heading) => {
    const target = written.replace(/\.md$/iu, '').replace(/^\/+/u, '');
    const key = target.toLowerCase();
    if (!found.has(key)) {
      notes ??= listNotes(root);
      const want = `${key}.md`;
      const match =
        notes.find((path) => path.toLowerCase() === want) ??
        notes.find((path) => path.toLowerCase().endsWith(`/${want}`)) ??
        null;
      found.set(key, match);
    }
    const path = found.get(key) ?? null;
    return { target, heading, path, frontmatter: path ? readFrontmatter(resolve(root, path)) : {} };
  };
}
