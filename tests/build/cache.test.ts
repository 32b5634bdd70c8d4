/**
 * Every build says how the note was read, in one line of counts, and its
 * warnings, also when the note is unchanged and the content cache skips the
 * parse (issue #21, point 6).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnBuild } from '../../scripts/site.ts';

/** A build's exit code and output. */
function build(
  vars: Record<string, string>,
  outDir: string,
  cacheDir: string,
): Promise<{ code: number | null; log: string }> {
  const child = spawnBuild(vars, { outDir, cacheDir });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, log })));
}

describe('what a build says of the note', () => {
  const work = mkdtempSync(join(tmpdir(), 'timeline-cache-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints the counts and every warning, parsed or kept from the cache', async () => {
    const vars = { TIMELINE_NOTE: 'content/llm-history.md' };
    const cacheDir = join(work, 'cache');
    const first = await build(vars, join(work, 'one'), cacheDir);
    const second = await build(vars, join(work, 'two'), cacheDir);
    for (const { code, log } of [first, second]) {
      expect(code, log).toBe(0);
      expect(log).toContain('content/llm-history.md: 6 chapters, 48 entries (48 dated), 2 blocks kept as text');
      expect(log).toContain('content/llm-history.md:98:1: era “回响 2023-？？？？” has no entries');
    }
  }, 240_000);
});
