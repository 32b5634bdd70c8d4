import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MEDIA_DIR, mediaFile } from '../site/paths.ts';
import { buildRoute } from '../site/route.ts';
import type { VettedMedia } from '../vault/media.ts';

/**
 * Files that the note embeds, by the path they are served at under the
 * site's base (`_media/<hash>-<name>`), with the bytes vetted for
 * publishing (src/vault/media.ts). The loader runs inside Vite's module graph
 * and this integration outside it, so they meet on a global, not a module.
 */
const REGISTRY = Symbol.for('obsidian-timeline.media');
type Registry = Map<string, Uint8Array>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

/**
 * Registers a vetted file and returns its path relative to the site's base.
 * The name carries a hash of the published bytes, never of where the file
 * lies on the author's machine: two `image.png` with other content never
 * collide, the same content keeps its URL, and no URL tells a folder name.
 */
export function registerMedia(media: VettedMedia): string {
  const hash = createHash('sha256').update(media.bytes).digest('hex').slice(0, 16);
  const name = media.name.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const relative = mediaFile(hash, name);
  registry().set(relative, media.bytes);
  return relative;
}

const TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

/** Serves the note's files in dev and writes them into the build. */
export default function media(): AstroIntegration {
  let base = '/';
  return {
    name: 'obsidian-timeline-media',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = `${config.base.endsWith('/') ? config.base : `${config.base}/`}${buildRoute()}`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          const bytes = path.startsWith(base) ? registry().get(path.slice(base.length)) : undefined;
          if (!bytes) return next();
          res.setHeader('Content-Type', TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
          res.setHeader('X-Content-Type-Options', 'nosniff');
          // Even cleaned, a file of the note is never a document that runs anything.
          res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
          res.end(bytes);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Under the integration's route, as the pages link them.
        const out = join(fileURLToPath(dir), buildRoute());
        const files = [...registry()];
        if (!files.length) return;
        await mkdir(join(out, MEDIA_DIR), { recursive: true });
        // The bytes vetted when the note was read, not the file as it may be now.
        await Promise.all(files.map(([relative, bytes]) => writeFile(join(out, relative), bytes)));
        logger.info(`published ${files.length} file(s) of the note in ${MEDIA_DIR}/`);
      },
    },
  };
}
