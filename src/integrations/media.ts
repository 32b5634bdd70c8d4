import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MEDIA_DIR, mediaFile } from '../site/paths.ts';

/**
 * Images that the note uses, by the path they are served at under the site's
 * base (`_media/<hash>-<name>`). The loader runs inside Vite's module graph
 * and this integration outside it, so they meet on a global, not a module.
 */
const REGISTRY = Symbol.for('obsidian-timeline.media');
type Registry = Map<string, string>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

/** The folder, under the site's base, that note images are served from. */

/**
 * Registers an image file and returns its path relative to the site's base.
 * The name carries a hash of the absolute path, so two `image.png` from
 * different folders never collide, and the same file keeps its URL.
 */
export function registerMedia(file: string): string {
  const hash = createHash('sha1').update(file).digest('hex').slice(0, 8);
  const name = basename(file).replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const relative = mediaFile(hash, name);
  registry().set(relative, file);
  return relative;
}

const TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Serves the note's images in dev and copies them into the build. */
export default function media(): AstroIntegration {
  let base = '/';
  return {
    name: 'obsidian-timeline-media',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          const file = path.startsWith(base) ? registry().get(path.slice(base.length)) : undefined;
          if (!file) return next();
          try {
            const body = await readFile(file);
            res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
            // SVG from a note may hold script: never let it run as a document.
            res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
            res.end(body);
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = [...registry()];
        if (!files.length) return;
        await mkdir(join(out, MEDIA_DIR), { recursive: true });
        await Promise.all(files.map(([relative, file]) => copyFile(file, join(out, relative))));
        logger.info(`copied ${files.length} image(s) from the note into ${MEDIA_DIR}/`);
      },
    },
  };
}

/**
 * The file a note's image link names, found and vetted: `{ file }`, or
 * `{ refused }` with the reason it is not published, or null when no such
 * file is there.
 */
export function findNoteImage(noteDir: string, path: string): { file: string } | { refused: string } | null {
  const file = findAsset(noteDir, path);
  if (!file) return null;
  if (isActiveSvg(file)) return { refused: 'is an SVG that holds script or external content' };
  return { file };
}

/**
 * Finds an image the way Obsidian does for a vault rooted at the note's
 * folder: beside the note, in `attachments/` or `assets/`, else by its file
 * name anywhere below the folder. Never outside it: a note cannot pull other
 * files of the machine into the site.
 */
function findAsset(noteDir: string, path: string): string | null {
  const inside = (file: string) => file === noteDir || file.startsWith(noteDir + sep);
  const isFile = (file: string) => existsSync(file) && statSync(file).isFile();
  for (const folder of ['', 'attachments', 'assets']) {
    const candidate = resolve(noteDir, folder, path);
    if (inside(candidate) && isFile(candidate)) return candidate;
  }
  if (path.includes('/')) return null;
  // Obsidian links by the shortest unique name: search the folder, breadth first, a bounded number of entries.
  const queue = [noteDir];
  let seen = 0;
  while (queue.length && seen < 5000) {
    const dir = queue.shift()!;
    let names: Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of names) {
      seen++;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = resolve(dir, entry.name);
      if (entry.isDirectory()) queue.push(full);
      else if (entry.name === path) return full;
    }
  }
  return null;
}

/**
 * An SVG is a document: opened by its own URL, its scripts would run on the
 * site's origin (static hosts send no CSP with it). One that holds script,
 * event handlers, foreign HTML or links out is not published at all; we do
 * not try to clean it, since a partial SVG filter is easy to get wrong.
 */
function isActiveSvg(file: string): boolean {
  if (!/\.svg$/iu.test(file)) return false;
  const text = readFileSync(file, 'utf8');
  return /<script|<foreignObject|<iframe|<embed|<object|<use\b|\son[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*["']?\s*(?!#)|<!ENTITY/iu.test(
    text,
  );
}
