/**
 * `timeline({ pdf: true })` prints from the built folder, no server: the
 * browser's requests are answered with its files as a static host would
 * (src/pdf/print.mjs `siteFile`), and never with a file outside it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteFile } from '../../src/pdf/print.mjs';

const root = mkdtempSync(join(tmpdir(), 'pdf-site-'));
const dir = join(root, 'dist');
mkdirSync(join(dir, 'timeline/poster'), { recursive: true });
writeFileSync(join(dir, 'index.html'), 'home');
writeFileSync(join(dir, 'timeline/poster/index.html'), 'poster');
writeFileSync(join(dir, 'timeline/overview.html'), 'overview');
writeFileSync(join(dir, 'timeline/timeline.json'), '{}');
writeFileSync(join(root, 'secret.md'), 'private');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the built folder as a static host serves it', () => {
  const site = { dir, base: '/my-repo/' };
  it.each([
    ['/my-repo/', 'index.html'],
    ['/my-repo', 'index.html'],
    ['/my-repo/timeline/poster/', 'timeline/poster/index.html'],
    ['/my-repo/timeline/poster', 'timeline/poster/index.html'],
    ['/my-repo/timeline/overview.html', 'timeline/overview.html'],
    ['/my-repo/timeline/overview', 'timeline/overview.html'],
    ['/my-repo/timeline/timeline.json', 'timeline/timeline.json'],
  ])('%s → %s', (path, file) => {
    expect(siteFile(site, path)).toBe(join(dir, file));
  });

  it.each([
    ['outside the base', '/timeline/poster/'],
    ['missing', '/my-repo/timeline/nope/'],
    ['a folder named with a slash left off', '/my-repo/timeline/overview/'],
    ['above the folder, encoded', '/my-repo/%2e%2e/secret.md'],
    ['above the folder', '/my-repo/../secret.md'],
  ])('nothing for a path %s: %s', (_why, path) => {
    expect(siteFile(site, path)).toBeNull();
  });
});
