/**
 * Which files of a vault may be published with a note: a file is found the
 * way Obsidian finds it, then vetted. It is published only when it is a
 * regular file (never a FIFO, device or directory, and opened without
 * blocking), its real path (symlinks resolved) lies inside the vault, no
 * folder or file on its way is hidden (`.env`, `.git/`), it is no larger than
 * the limit, and its bytes are an image, audio, video or PDF of the kind its
 * extension names (magic bytes, read by file-type). SVG, a document that can
 * run script, is published only as sanitizeSvg() cleaned it.
 */
import {
  closeSync,
  statSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  type Dirent,
} from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { isHiddenBelow, isInside } from './root.ts';

/** What kinds of file a note may embed. */
export type MediaKind = 'image' | 'audio' | 'video' | 'pdf';

/**
 * Each extension a note may embed: its kind and the types file-type may
 * detect in its bytes for it (a `.png` must hold PNG bytes, not HTML).
 */
const EXTENSIONS: Record<string, { kind: MediaKind; detected: readonly string[] }> = {
  png: { kind: 'image', detected: ['png', 'apng'] },
  jpg: { kind: 'image', detected: ['jpg'] },
  jpeg: { kind: 'image', detected: ['jpg'] },
  gif: { kind: 'image', detected: ['gif'] },
  webp: { kind: 'image', detected: ['webp'] },
  avif: { kind: 'image', detected: ['avif'] },
  bmp: { kind: 'image', detected: ['bmp'] },
  ico: { kind: 'image', detected: ['ico', 'cur'] },
  tif: { kind: 'image', detected: ['tif'] },
  tiff: { kind: 'image', detected: ['tif'] },
  svg: { kind: 'image', detected: [] },
  mp3: { kind: 'audio', detected: ['mp3'] },
  wav: { kind: 'audio', detected: ['wav'] },
  flac: { kind: 'audio', detected: ['flac'] },
  m4a: { kind: 'audio', detected: ['m4a', 'mp4'] },
  ogg: { kind: 'audio', detected: ['ogg', 'oga', 'opus', 'ogx', 'spx'] },
  oga: { kind: 'audio', detected: ['ogg', 'oga', 'opus', 'ogx', 'spx'] },
  opus: { kind: 'audio', detected: ['ogg', 'oga', 'opus', 'ogx'] },
  '3gp': { kind: 'video', detected: ['3gp', 'mp4'] },
  mp4: { kind: 'video', detected: ['mp4', 'm4v'] },
  m4v: { kind: 'video', detected: ['mp4', 'm4v'] },
  webm: { kind: 'video', detected: ['webm'] },
  ogv: { kind: 'video', detected: ['ogg', 'ogv', 'ogx'] },
  mov: { kind: 'video', detected: ['mov', 'qt', 'mp4'] },
  mkv: { kind: 'video', detected: ['mkv'] },
  pdf: { kind: 'pdf', detected: ['pdf'] },
};

/** A file vetted for publishing: the bytes to publish (an SVG's cleaned text), never re-read. */
export interface VettedMedia {
  /** The real path it was read from. */
  file: string;
  /** Its file name. */
  name: string;
  kind: MediaKind;
  /** The bytes that are published. */
  bytes: Uint8Array;
}

/** A vetted file, why a found file is refused, or null when no such file is there. */
export type MediaLookup = { media: VettedMedia } | { refused: string } | null;

/** Where one note's files may come from. */
export interface Vault {
  /** The vault root's real path. */
  root: string;
  /** The note's folder, real path. */
  noteDir: string;
  /** Vault-relative attachment folder from `.obsidian/app.json`, when it names one. */
  attachmentFolder: string | null;
  /** The largest file published, in bytes. */
  maxBytes: number;
}

/** The vault of a note whose folder and root are known (real paths). */
export function openVault(root: string, noteDir: string, maxBytes: number): Vault {
  return { root, noteDir, attachmentFolder: attachmentFolder(root), maxBytes };
}

/** Obsidian's "Default location for new attachments", when it is a folder of the vault (`attachmentFolderPath`). */
function attachmentFolder(root: string): string | null {
  try {
    const settings = JSON.parse(readFileSync(resolve(root, '.obsidian', 'app.json'), 'utf8')) as unknown;
    const folder = (settings as { attachmentFolderPath?: unknown } | null)?.attachmentFolderPath;
    return typeof folder === 'string' && folder.trim() && folder.trim() !== '/' ? folder.trim() : null;
  } catch {
    return null;
  }
}

/**
 * Finds the file a note's link names, as Obsidian does: beside the note, in
 * its `attachments/` or `assets/` folder, in the vault's attachment folder,
 * from the vault root, else by its name anywhere in the vault (hidden
 * folders aside). The first file there is vetted; a refused file is never
 * swapped for another of the same name.
 */
export async function findMedia(vault: Vault, path: string): Promise<MediaLookup> {
  const clean = path.split('#')[0]!.trim();
  if (!clean) return null;
  const fromRoot = clean.replace(/^\/+/u, '');
  const candidates = clean.startsWith('/')
    ? [resolve(vault.root, fromRoot)]
    : [
        resolve(vault.noteDir, clean),
        resolve(vault.noteDir, 'attachments', clean),
        resolve(vault.noteDir, 'assets', clean),
        ...(vault.attachmentFolder
          ? [
              vault.attachmentFolder.startsWith('./')
                ? resolve(vault.noteDir, vault.attachmentFolder, clean)
                : resolve(vault.root, vault.attachmentFolder, clean),
            ]
          : []),
        resolve(vault.root, clean),
      ];
  for (const candidate of candidates) {
    if (!exists(candidate)) continue;
    return vet(vault, candidate);
  }
  if (clean.includes('/')) return null;
  const found = findByName(vault.root, clean);
  return found ? vet(vault, found) : null;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Obsidian links by the shortest unique name: search the vault, breadth first, a bounded number of entries. */
function findByName(root: string, name: string): string | null {
  const queue = [root];
  let seen = 0;
  while (queue.length && seen < 20_000) {
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
      else if (entry.name === name) return full;
    }
  }
  return null;
}

const KIND_NAMES: Record<string, string> = {
  isFIFO: 'a FIFO (named pipe)',
  isDirectory: 'a directory',
  isSocket: 'a socket',
  isCharacterDevice: 'a device',
  isBlockDevice: 'a device',
};

/** Vets one existing path: see the module's comment. */
export async function vet(vault: Vault, candidate: string): Promise<MediaLookup> {
  const shown = candidate.startsWith(vault.root) ? candidate.slice(vault.root.length + 1) : basename(candidate);
  if (!isInside(vault.root, candidate)) return { refused: 'lies outside the vault' };
  if (isHiddenBelow(vault.root, candidate)) return { refused: `is a hidden file (${shown})` };
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return { refused: 'is a link to nothing' };
  }
  if (!isInside(vault.root, real)) return { refused: 'is a link to a file outside the vault' };
  if (isHiddenBelow(vault.root, real)) return { refused: 'is a link to a hidden file' };
  const extension = extname(real).slice(1).toLowerCase() || extname(candidate).slice(1).toLowerCase();
  const allowed = EXTENSIONS[extension];
  if (!allowed) return { refused: `is not an image, audio, video or PDF file (.${extension || 'no extension'})` };

  // Opened without blocking and without following a link swapped in since: a FIFO never stalls the build.
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { refused: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let bytes: Uint8Array;
  try {
    const info = fstatSync(fd);
    // The file opened is the file vetted: no folder on its way was swapped for a link since.
    const vetted = statSync(real);
    if (info.dev !== vetted.dev || info.ino !== vetted.ino) return { refused: 'changed while it was read' };
    if (!info.isFile()) {
      const kind = Object.keys(KIND_NAMES).find((test) =>
        (info[test as keyof typeof info] as () => boolean).call(info),
      );
      return { refused: `is ${kind ? KIND_NAMES[kind] : 'not a regular file'}, not a file` };
    }
    if (info.size > vault.maxBytes) {
      return { refused: `is ${megabytes(info.size)}, over the ${megabytes(vault.maxBytes)} limit` };
    }
    bytes = new Uint8Array(info.size);
    let read = 0;
    while (read < info.size) {
      const n = readSync(fd, bytes, read, info.size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }

  // Named as the file is, not as the link to it: one file, one name.
  const name = basename(real);
  if (extension === 'svg') {
    // jsdom and DOMPurify load only for a note that embeds an SVG.
    let sanitizeSvg: typeof import('./svg.ts').sanitizeSvg;
    try {
      ({ sanitizeSvg } = await import('./svg.ts'));
    } catch (error) {
      return {
        refused: `is an SVG, and the SVG cleaner cannot load on this Node (${(error as Error).message.slice(0, 80)})`,
      };
    }
    const result = sanitizeSvg(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    if ('refused' in result) return { refused: `is an SVG that ${result.refused}` };
    return { media: { file: real, name, kind: 'image', bytes: new TextEncoder().encode(result.svg) } };
  }
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !allowed.detected.includes(type.ext)) {
    return {
      refused: `is named .${extension} but its content is ${type ? `${type.mime}` : 'not a known image, audio, video or PDF format'}`,
    };
  }
  return { media: { file: real, name, kind: allowed.kind, bytes } };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
