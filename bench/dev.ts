/**
 * The dev loop: with `astro dev` running on a copy of a note, how long from
 * saving an edit to the page serving it, and whether saving the note
 * unchanged re-parses it (the loader's digest should say no).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface DevLoopResult {
  /** Save → the edited text served, per edit, in ms. */
  updateMs: number[];
  /** Whether a save that changed nothing parsed the note again. */
  unchangedReparsed: boolean | null;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchText(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/**
 * Runs `astro dev` in `siteDir` on `notePath` (relative to it), edits the
 * line that holds `marker` `edits` times, and times each edit until `page`
 * serves it.
 */
export async function measureDevLoop(
  siteDir: string,
  notePath: string,
  options: { marker: string; page: string; edits?: number },
): Promise<DevLoopResult> {
  const port = await freePort();
  const file = join(siteDir, notePath);
  const original = readFileSync(file, 'utf8');
  let output = '';
  const child = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: siteDir,
      env: { ...process.env, TIMELINE_NOTE: notePath, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}${options.page}`;
  try {
    const deadline = Date.now() + 120_000;
    while (!(await fetchText(url))?.includes(options.marker)) {
      if (Date.now() > deadline) throw new Error(`astro dev did not serve ${options.page}:\n${output.slice(-2000)}`);
      await sleep(250);
    }
    const updateMs: number[] = [];
    for (let i = 1; i <= (options.edits ?? 5); i++) {
      const edited = original.replace(options.marker, `${options.marker}${i}`);
      const savedAt = performance.now();
      writeFileSync(file, edited);
      while (!(await fetchText(url))?.includes(`${options.marker}${i}`)) {
        if (performance.now() - savedAt > 30_000) throw new Error(`edit ${i} never reached ${options.page}`);
        await sleep(10);
      }
      updateMs.push(performance.now() - savedAt);
      await sleep(500);
    }
    // The same text again: the watcher fires, the digest matches, nothing is parsed.
    const before = output.length;
    writeFileSync(file, readFileSync(file, 'utf8'));
    await sleep(2000);
    const after = output.slice(before);
    const unchangedReparsed = /unchanged, not parsed again/u.test(after)
      ? false
      : /reloaded/u.test(after)
        ? true
        : null;
    return { updateMs, unchangedReparsed };
  } finally {
    writeFileSync(file, original);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}
