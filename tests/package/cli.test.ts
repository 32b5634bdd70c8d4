/**
 * The package as a user gets it (issue #24): `npm pack`, then in a fresh
 * temporary folder with only the package and its runtime dependencies
 * installed from the registry, `npx obsidian-timeline build` run from the
 * user's own folder on a note of theirs. Also: the CLI refuses an old Node
 * with the version it needs, and a missing note with a hint. Prints the
 * installed size and the build's time (the closing note quotes them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const NOTE = `---
title: A Short History of Flight
---

# A Short History of Flight

## Pioneers (1783–1914)

- 1783: The Montgolfier brothers fly a hot-air balloon over Annonay.
- 1903: The Wright brothers' Flyer makes the first powered flight.

## The Jet Age (1939–1970)

- 1939: The Heinkel He 178 flies on jet power alone.
- 1969: Concorde's first flight, at Toulouse.
`;

let work: string;
let user: string;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 10 * 60_000 });
}

describe('the packed package, installed in a fresh folder', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'obsidian-timeline-pack-'));
    const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1)!;
    user = join(work, 'user');
    mkdirSync(join(user, 'notes'), { recursive: true });
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'my-history', private: true }));
    writeFileSync(join(user, 'notes/history.md'), NOTE);
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', join(work, packed)], user);
    expect(install.status, install.stderr).toBe(0);
    const bytes = Number(execFileSync('du', ['-sb', join(user, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
    console.log(`[package] installed: ${(bytes / 1e6).toFixed(0)} MB in node_modules`);
  }, 15 * 60_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installs only what publishing needs: no test, lint, audit or bench tool', () => {
    const installed = readdirSync(join(user, 'node_modules'));
    for (const tool of ['vitest', '@playwright', 'eslint', 'prettier', 'lighthouse', 'knip', 'fast-check'])
      expect(installed, tool).not.toContain(tool);
    expect(installed).toContain('astro');
  });

  it(
    '`npx obsidian-timeline build notes/history.md --out site` publishes the note from the user’s folder',
    () => {
      const started = performance.now();
      const build = run('npx', ['obsidian-timeline', 'build', 'notes/history.md', '--out', 'site'], user, {
        ...process.env,
        // The user's shell, not this repository's test environment.
        TIMELINE_NOTE: '',
        BASE_PATH: '',
        ASTRO_CACHE_DIR: '',
      });
      console.log(`[package] npx obsidian-timeline build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const home = readFileSync(join(user, 'site/index.html'), 'utf8');
      expect(home).toContain('A Short History of Flight');
      const eras = readdirSync(join(user, 'site/eras'));
      expect(eras.sort()).toEqual(['pioneers', 'the-jet-age']);
      expect(readFileSync(join(user, 'site/eras/pioneers/index.html'), 'utf8')).toContain('Montgolfier');
      expect(existsSync(join(user, 'site/pagefind/pagefind.js')), 'the search index').toBe(true);
      expect(existsSync(join(user, 'site/timeline.json'))).toBe(true);
      // Nothing written into the user's folder but the site.
      expect(readdirSync(user).sort()).toEqual(['node_modules', 'notes', 'package-lock.json', 'package.json', 'site']);
    },
    10 * 60_000,
  );

  it('a missing note is one line and a hint, not a stack trace', () => {
    const result = run('npx', ['obsidian-timeline', 'build', 'notes/nope.md'], user);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^obsidian-timeline: no note at notes\/nope\.md/mu);
    expect(result.stderr).toMatch(/hint: /u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  // Where the machine's own Node is older than Astro's minimum (Node 20 on these machines).
  const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const systemNode = system.status === 0 ? system.stdout.trim().replace(/^v/u, '') : null;
  it.runIf(systemNode && Number(systemNode.split('.')[0]) < 22)(
    'an older Node is refused first, naming the version needed',
    () => {
      const result = run(
        '/usr/bin/node',
        [join(user, 'node_modules/obsidian-timeline/src/cli/index.mjs'), 'build', 'notes/history.md'],
        user,
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('needs Node.js 22.22.2 or newer on Node 22, or 24.15 or newer');
      expect(result.stderr).toContain(`this is Node.js ${systemNode}`);
    },
  );
});
