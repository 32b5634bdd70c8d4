/**
 * `npm run dev` survives mistakes in the note. With the dev server running
 * on a temporary copy of a small note:
 *
 * - saving it with invalid frontmatter shows the error with its line: in
 *   the server's output (with the hint) and in the page (Astro's error
 *   overlay), not the last good pages;
 * - saving it fixed shows the new content, without restarting the server;
 * - hostile saves (a billion laughs, 5,000 nested quotes, 50,000 unclosed
 *   `[[`) end in a message (never a stack trace) or a page, and a good save
 *   after each brings the site back.
 *
 * The server is `astro dev` itself (Node, not npx: one process group to
 * stop), on a free port, with `--ignore-lock` so that it never clashes with
 * someone else's dev server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/browser.mjs';
import { parseNote, TimelineError } from '../../src/timeline/index.ts';

const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const START_TIMEOUT = 3 * 60_000;

const GOOD = readFileSync(join(ROOT, 'tests/fixtures/english/input.md'), 'utf8');
const TITLE = 'A Century of Popular Music';
// An unclosed flow sequence: YAML fails a few lines further down, where the sequence should have ended.
const BROKEN = GOOD.replace(/^tags:\n {2}- music\n {2}- history\n/mu, 'tags: [music, history\n');
const FIXED = GOOD.replace(`title: ${TITLE}`, 'title: A Century of Popular Music, Revised').replace(
  '## Punk 1970s',
  '## Punk Rock 1970s',
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

test.describe.configure({ mode: 'serial' });

let dir = '';
let note = '';
let origin = '';
let server: ChildProcess | undefined;
let output = '';

test.beforeAll(async () => {
  test.setTimeout(START_TIMEOUT + 30_000);
  dir = mkdtempSync(join(tmpdir(), 'timeline-dev-'));
  note = join(dir, 'note.md');
  writeFileSync(note, GOOD);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TIMELINE_NOTE: note };
  for (const name of ['BASE_PATH', 'SITE_URL', 'GARDEN_URL', 'WIKI_BASE_URL']) delete env[name];
  server = spawn(process.execPath, [ASTRO_BIN, 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops Vite's helpers too.
    detached: true,
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + START_TIMEOUT;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`astro dev exited (${server.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(30_000) });
      const html = await response.text();
      if (response.ok && html.includes(TITLE)) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not serve ${origin}/ within ${START_TIMEOUT / 1000}s:\n${output}`);
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a save with invalid frontmatter shows the error and its line; a fixed save recovers without a restart', async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  const pid = server!.pid;

  // Where the error is: the parser says so, the same as the dev server will.
  let expected: TimelineError | undefined;
  try {
    parseNote(BROKEN, { file: note });
  } catch (error) {
    if (error instanceof TimelineError) expected = error;
  }
  expect(expected, 'the broken note is an error').toBeDefined();
  expect(expected!.reason).toContain('invalid frontmatter YAML');
  const where = `${note}:${expected!.line}:${expected!.column}`;

  await page.goto(`${origin}/`);
  await expect(page.locator('h1')).toHaveText(TITLE, { timeout: 60_000 });

  await test.step('save a broken note', async () => {
    const before = output.length;
    writeFileSync(note, BROKEN);
    // The server's output names the file, line and column, what is wrong, and the hint.
    await expect.poll(() => output.slice(before), { timeout: 60_000 }).toContain(`${where}: invalid frontmatter YAML`);
    expect(output.slice(before)).toContain(`hint: ${expected!.hint}`);
    // The open page reloads into Astro's error overlay, which shows the same.
    await expect(async () => {
      if (!(await page.locator('vite-error-overlay').count())) await page.reload();
      await expect(page.locator('vite-error-overlay')).toContainText('invalid frontmatter YAML', { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.locator('vite-error-overlay')).toContainText(`${expected!.line}:${expected!.column}`);
    // Every page, not only the open one, shows the error instead of stale content.
    const response = await page.request.get(`${origin}/overview/`);
    expect(response.status()).toBe(500);
  });

  await test.step('save it fixed', async () => {
    const before = output.length;
    writeFileSync(note, FIXED);
    await expect.poll(() => output.slice(before), { timeout: 60_000 }).toContain('reloaded');
    await expect(async () => {
      if (!(await page.locator('h1').count())) await page.reload();
      await expect(page.locator('h1')).toHaveText('A Century of Popular Music, Revised', { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.locator('vite-error-overlay')).toHaveCount(0);
    await page.goto(`${origin}/eras/punk-rock/`);
    await expect(page.locator('h1')).toContainText('Punk Rock');
  });

  // The same server all along.
  expect(server!.exitCode).toBeNull();
  expect(server!.pid).toBe(pid);
});

/** Hostile saves: each is refused with its message, or read with a warning, and the server goes on. */
const HOSTILE = [
  {
    name: 'a billion laughs in the frontmatter',
    text: GOOD.replace(
      /^tags:\n/mu,
      `${['l0: &l0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`)].join('\n')}\ntags:\n`,
    ),
    error: 'aliases',
  },
  { name: '5,000 nested block quotes', text: `${GOOD}\n${'>'.repeat(5_000)} deep\n`, error: 'levels deep here' },
  {
    name: 'a paragraph of 50,000 unclosed wiki links',
    text: GOOD.replace('Records *Minnie the Moocher*.', `${'[['.repeat(50_000)}x`),
    error: null,
  },
];

test('hostile saves end in a message or a page, and the same server recovers from each', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const pid = server!.pid;
  for (const hostile of HOSTILE) {
    await test.step(hostile.name, async () => {
      const before = output.length;
      writeFileSync(note, hostile.text);
      if (hostile.error) {
        // The message, with the note's path and a line, in the output and in the overlay; never a stack trace.
        await expect.poll(() => output.slice(before), { timeout: 60_000 }).toContain(hostile.error);
        expect(output.slice(before)).toMatch(
          new RegExp(`${note.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:\\d+:\\d+: `, 'u'),
        );
        expect(output.slice(before)).not.toMatch(/^\s+at .+:\d+:\d+\)?$/mu);
        await expect(async () => {
          await page.goto(`${origin}/`);
          await expect(page.locator('vite-error-overlay')).toContainText(hostile.error!, { timeout: 5_000 });
        }).toPass({ timeout: 60_000 });
      } else {
        // Read with a warning: the entry's text shows, as plain text.
        await expect.poll(() => output.slice(before), { timeout: 60_000 }).toContain('shown as plain text');
        await expect(async () => {
          await page.goto(`${origin}/eras/the-jazz-age/`);
          await expect(page.locator('main')).toContainText('Forms the **Hot Five**', { timeout: 5_000 });
          await expect(page.locator('main')).toContainText('[[[[[[[[[[', { timeout: 5_000 });
        }).toPass({ timeout: 60_000 });
      }
      // Saved good again, the site is back.
      const again = output.length;
      writeFileSync(note, GOOD);
      // The good text may be the one the store still holds: then it is not parsed again, but the error is cleared all the same.
      await expect
        .poll(() => output.slice(again), { timeout: 60_000 })
        .toMatch(/reloaded|unchanged, not parsed again/u);
      await expect(async () => {
        await page.goto(`${origin}/`);
        await expect(page.locator('h1')).toHaveText(TITLE, { timeout: 5_000 });
      }).toPass({ timeout: 60_000 });
    });
  }
  expect(server!.exitCode).toBeNull();
  expect(server!.pid).toBe(pid);
});
