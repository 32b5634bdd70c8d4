/**
 * No half sites (issue #20): a build that is stopped mid-way, fails or is
 * refused never leaves a mix in dist/, nor the renderer's chunks that carry
 * every frontmatter field and the note's absolute path; a refused
 * unpublished note leaves no site at all.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, spawnBuild } from '../../scripts/site.ts';
import { makeVault, type Vault } from './support/vault.ts';

/** Every file below `dir` with a hash of its bytes: what a deploy would publish. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out[relative(dir, file)] = createHash('sha1').update(readFileSync(file)).digest('hex');
  }
  return out;
}

/** Runs a build into `outDir`, keeping what it holds; resolves with its exit code and output. */
function run(
  vars: Record<string, string>,
  outDir: string,
  stopWhen?: RegExp,
): Promise<{ code: number | null; output: string; stopped: boolean }> {
  // Inside the project, as `dist/` and Astro's cache are: Astro then renders in `<outDir>/.prerender/`.
  const child = spawnBuild(vars, { outDir, keep: true, cacheDir: join(dirname(outDir), 'cache') });
  let output = '';
  let stopped = false;
  const listen = (chunk: Buffer) => {
    output += chunk.toString();
    if (stopWhen && !stopped && stopWhen.test(output)) {
      stopped = true;
      child.kill('SIGKILL');
    }
  };
  child.stdout?.on('data', listen);
  child.stderr?.on('data', listen);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output, stopped })));
}

describe('a build that does not finish', () => {
  const work = join(ROOT, 'tests', '.sites', 'staging');
  const outDir = join(work, 'dist');
  let vault: Vault;
  let before: Record<string, string> = {};
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    vault = makeVault(work);
    // A complete site to begin with: the default note.
    const first = await run({}, outDir);
    expect(first.code, first.output).toBe(0);
    before = snapshot(outDir);
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('stopped while rendering, leaves the previous complete site, untouched', async () => {
    expect(Object.keys(before)).toContain('index.html');
    // Stopped as soon as the renderer's chunks are written, before any page is.
    const { stopped, output } = await run({ TIMELINE_NOTE: vault.note }, outDir, /Rearranging server assets/u);
    expect(stopped, output).toBe(true);
    expect(snapshot(outDir)).toEqual(before);
  }, 240_000);

  it('leaves no file in dist/ with a frontmatter field the pages do not show or an absolute path', () => {
    for (const file of Object.keys(snapshot(outDir))) {
      const text = readFileSync(join(outDir, file), 'utf8');
      expect(text, file).not.toContain('FRONTMATTER-CANARY');
      expect(text, file).not.toContain(work);
      expect(file).not.toMatch(/^\.prerender|data-layer/u);
    }
  });

  it('failing on a broken note, leaves the previous complete site', async () => {
    const broken = join(work, 'broken.md');
    writeFileSync(broken, '---\ntitle: [unclosed\n---\n\n## A 2000\n\nX (2001): y\n');
    const { code, output } = await run({ TIMELINE_NOTE: broken }, outDir);
    expect(code).not.toBe(0);
    expect(output).toContain('invalid frontmatter YAML');
    expect(snapshot(outDir)).toEqual(before);
  }, 240_000);

  it('refused because the note is unpublished, leaves no site at all', async () => {
    const draft = join(vault.root, 'History', 'Draft.md');
    const { code, output } = await run({ TIMELINE_NOTE: draft }, outDir);
    expect(code).not.toBe(0);
    expect(output).toContain('the note is marked unpublished');
    expect(output).toContain('removed the previous site');
    expect(existsSync(outDir)).toBe(false);
  }, 240_000);

  it('builds into an outDir whose folders do not exist yet, as Astro does', async () => {
    const nested = join(work, 'not', 'yet', 'dist');
    const { code, output } = await run({}, nested);
    expect(code, output).toBe(0);
    expect(existsSync(join(nested, 'index.html'))).toBe(true);
  }, 240_000);

  it('completed, replaces the site whole', async () => {
    const { code, output } = await run({ TIMELINE_NOTE: vault.note }, outDir);
    expect(code, output).toBe(0);
    const after = snapshot(outDir);
    expect(Object.keys(after)).toContain('eras/media/index.html');
    expect(Object.keys(after).some((file) => file.startsWith('eras/序曲'))).toBe(false);
    expect(Object.keys(after).some((file) => file.startsWith('.prerender'))).toBe(false);
  }, 240_000);
});
