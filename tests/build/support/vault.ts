/**
 * The fixture vault (tests/fixtures/vault/), made real in a temporary
 * folder with what git cannot hold: symlinks inside and out of the vault, a
 * link to a dotfile, a directory named like an image, a FIFO, a file over
 * the size limit, and a real image outside the vault.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../../fixtures/vault/', import.meta.url));

export interface Vault {
  /** The folder that holds the vault and, beside it, `outside/`. */
  base: string;
  /** The vault root (it holds `.obsidian/`). */
  root: string;
  /** The note, absolute. */
  note: string;
  /** Bytes of files that must never be published: outside the vault, or refused. */
  forbidden: Record<string, Buffer>;
}

/** Copies the fixture vault into a new temporary folder and adds the links, the FIFO and the large file. */
export function makeVault(parent = tmpdir()): Vault {
  const base = mkdtempSync(join(parent, 'timeline-vault-'));
  const root = join(base, 'vault');
  cpSync(FIXTURE, root, { recursive: true });
  const history = join(root, 'History');
  const outside = join(base, 'outside');
  mkdirSync(outside);
  // A real image, refused only for where it lies.
  const secret = Buffer.concat([readFileSync(join(root, 'Files', 'map.png')), Buffer.from('OUTSIDE-CANARY')]);
  writeFileSync(join(outside, 'secret.png'), secret);
  symlinkSync('../Files/map.png', join(history, 'inside-link.png'));
  symlinkSync(join(outside, 'secret.png'), join(history, 'outside-link.png'));
  symlinkSync('../.env', join(history, 'dotfile-link.png'));
  symlinkSync('../Files', join(history, 'folder.png'));
  execFileSync('mkfifo', [join(history, 'pipe.png')]);
  // 26 MB (sparse), over the 25 MB limit, with a PNG's signature.
  const huge = join(history, 'huge.png');
  writeFileSync(huge, readFileSync(join(root, 'Files', 'map.png')));
  truncateSync(huge, 26 * 1024 * 1024);
  const read = (path: string) => readFileSync(join(root, path));
  return {
    base,
    root,
    note: join(history, 'Timeline.md'),
    forbidden: {
      'outside/secret.png': secret,
      '.env': read('.env'),
      'History/notes.txt': read('History/notes.txt'),
      'History/page.html': read('History/page.html'),
      'History/fake.png': read('History/fake.png'),
      'History/fake.mp3': read('History/fake.mp3'),
      'History/Draft.md': read('History/Draft.md'),
    },
  };
}

/** Every text canary of the vault that must appear in no file of the site. */
export const CANARIES = [
  'FRONTMATTER-CANARY',
  'VAULT-DOTENV-CANARY',
  'TEXT-FILE-CANARY',
  'HTML-FILE-CANARY',
  'FAKE-PNG-CANARY',
  'FAKE-AUDIO-CANARY',
  'DRAFT-NOTE-CANARY',
  'OUTSIDE-CANARY',
  'COMMENT-CANARY',
  'HIDDEN-CANARY',
];

/** Text that must reach the site: code where `%%` is literal, what follows hidden parts. */
export const KEPT = ['CODE-KEPT-INLINE', 'CODE-KEPT-FENCED', 'SHOWN-AFTER-HIDDEN'];
