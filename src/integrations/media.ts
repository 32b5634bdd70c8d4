import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
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
