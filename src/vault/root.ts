/**
 * The vault a note lives in: the nearest folder above it that holds
 * Obsidian's `.obsidian/` settings folder, else the note's own folder. Only
 * files inside it (symlinks resolved) may be published with the note.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The vault root of `notePath` (an absolute path), its real path: symlinks resolved. */
export function findVaultRoot(notePath: string): string {
  const noteDir = dirname(notePath);
  for (let dir = noteDir; ; dir = dirname(dir)) {
    try {
      if (statSync(resolve(dir, '.obsidian')).isDirectory()) return realpathSync(dir);
    } catch {
      // No `.obsidian/` here: look further up.
    }
    if (dirname(dir) === dir) break;
  }
  return realpathSync(noteDir);
}

/** Whether `path` is `root` or lies below it (both absolute, normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Whether any segment of `path` below `root` is hidden (a dotfile or dot-folder: `.env`, `.obsidian/`, `.git/`). */
export function isHiddenBelow(root: string, path: string): boolean {
  return relative(root, path)
    .split(sep)
    .some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}
