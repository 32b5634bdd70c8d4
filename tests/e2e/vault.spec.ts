/**
 * The fixture vault's site in Chromium (issue #20): every file it published
 * in `_media/` (the SVG attack corpus among them, cleaned) is opened by its
 * own URL, as an attacker would link it, and nothing runs and no request
 * leaves the site; `npm run pdf` of it loads nothing from other hosts and
 * prints no hidden text.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, siteEnv } from '../../scripts/site.ts';
import { CANARIES } from '../build/support/vault.ts';
import { expect, test } from './support/fixtures.ts';

test.use({ siteName: 'vault' });

test('opened by its own URL, no published file runs anything or fetches from elsewhere', async ({ page, site }) => {
  const media = readdirSync(join(site.outDir, '_media'));
  expect(media.filter((name) => name.endsWith('.svg')).length).toBeGreaterThanOrEqual(10);
  const incidents: string[] = [];
  page.on('dialog', async (dialog) => {
    incidents.push(`${dialog.type()}(${dialog.message()}) at ${page.url()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(site.origin) && !request.url().startsWith('data:')) {
      incidents.push(`request to ${request.url()} from ${page.url()}`);
    }
  });
  page.on('popup', (popup) => incidents.push(`popup ${popup.url()}`));
  for (const name of media) {
    const url = site.url(`_media/${name}`);
    if (!/\.(svg|png|gif|jpe?g|webp|avif|bmp)$/iu.test(name)) {
      // Audio and PDFs open in the browser's own players, no document of the site: served, not navigated to.
      expect((await page.request.get(url)).status(), name).toBe(200);
      continue;
    }
    const response = await page.goto(url);
    expect(response?.status(), name).toBe(200);
    // Handlers, animations and onload get their chance; a reader clicks and hovers.
    await page.mouse.move(5, 5);
    await page.mouse.click(10, 10);
    await page.waitForTimeout(150);
    expect(page.url(), `${name} navigated away`).toBe(url);
    const pwned = await page
      .evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
      .catch(() => undefined);
    if (pwned !== undefined) incidents.push(`window.__pwned = ${JSON.stringify(pwned)} at ${name}`);
  }
  expect(incidents).toEqual([]);
});

test('npm run pdf of the vault makes no request to other hosts and prints no hidden text', async () => {
  test.setTimeout(3 * 60_000);
  const site = JSON.parse(process.env['E2E_SITES'] ?? '{}').vault as { outDir: string };
  const log = execFileSync(process.execPath, [join(ROOT, 'scripts/pdf.ts'), '--dist', site.outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: siteEnv({}),
  });
  // The overview shows the note's one remote image; its request is not made.
  expect(log).toMatch(/overview\.pdf: .*request\(s\) to other hosts not made/u);
  for (const pdf of ['poster.pdf', 'overview.pdf']) {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(site.outDir, pdf), '-'], { encoding: 'utf8' });
    expect(text.length, pdf).toBeGreaterThan(100);
    // pdftotext joins a word broken at a hyphen and drops the hyphen: compare without hyphens and spaces too.
    const squash = (s: string) => s.replace(/[-\s]/gu, '');
    for (const canary of CANARIES) {
      expect(text, `${canary} in ${pdf}`).not.toContain(canary);
      expect(squash(text), `${canary} in ${pdf}`).not.toContain(squash(canary));
    }
    if (pdf === 'overview.pdf') expect(squash(text)).toContain(squash('SHOWN-AFTER-HIDDEN'));
  }
  expect(readFileSync(join(site.outDir, 'overview.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
});
