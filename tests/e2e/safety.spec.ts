/**
 * Nothing of a hostile note runs. tests/fixtures/hostile/input.md holds raw
 * HTML (<script>, <iframe>, <object>, <embed>, <svg onload>, <img onerror>,
 * on*= handlers, overlaying styles, <meta refresh>, <base>, <form>),
 * javascript:, vbscript: and data: URLs in links, autolinks, wiki links,
 * images and entry titles, and HTML in its frontmatter. Every payload sets
 * `window.__pwned`, calls alert() or navigates away.
 *
 * In Chromium, on every page of its build: no payload ran, even after every
 * link of the note's content was clicked; and, in the HTML as built (parsed
 * with JavaScript off): no live markup of the note's (scripts, handlers,
 * frames, styles, <base>, forms, script URLs), the frontmatter shown as
 * text, external links with rel="noopener noreferrer", and a CSP <meta>
 * without 'unsafe-inline' scripts, with object-src 'none' and base-uri 'self'.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test, type Site } from './support/fixtures.ts';

test.use({ siteName: 'hostile' });

/** The site's HTML pages, as paths relative to its base (`''`, `eras/raw-html/`, `404.html`). */
function pagePaths(outDir: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const path = relative(outDir, full).split(sep).join('/');
        paths.push(path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path);
      }
    }
  };
  walk(outDir);
  return paths.sort();
}

/** The note's own content on a page: entries, notes, blocks, preface and intros. */
const NOTE_CONTENT = [
  '.entry',
  '.note',
  '.block',
  '.overview-entry',
  '.note-header__preface',
  '.era-header__intro',
  '.chapter-card__intro',
  '.overview-era__intro',
]
  .map((selector) => `main ${selector} a`)
  .join(', ');

/** Watches a page for anything a payload would do: a dialog, a navigation, a request elsewhere, `__pwned`. */
function watch(page: Page, site: Site) {
  const incidents: string[] = [];
  const navigations: string[] = [];
  page.on('dialog', async (dialog) => {
    incidents.push(`${dialog.type()}(${JSON.stringify(dialog.message())}) at ${page.url()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  page.on('popup', (popup) => incidents.push(`popup ${popup.url()} from ${page.url()}`));
  return {
    incidents,
    navigations,
    /** `window.__pwned` of the page it is on now, if that page is one of ours. */
    async pwned(): Promise<void> {
      if (!page.url().startsWith(site.origin)) return;
      const value = await page
        .evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
        .catch(() => undefined);
      if (value !== undefined) incidents.push(`window.__pwned = ${JSON.stringify(value)} at ${page.url()}`);
    },
  };
}

test('no payload runs on any page, even after clicking every link of the note', async ({ page, site }) => {
  test.setTimeout(8 * 60_000);
  const paths = pagePaths(site.outDir);
  expect(paths, 'pages of the hostile build').toEqual(
    expect.arrayContaining(['', '404.html', 'overview/', 'eras/raw-html/', 'eras/bad-urls/', 'eras/safe-era/']),
  );
  // Nothing leaves the machine: requests to other origins are recorded and refused.
  const elsewhere: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(site.origin)) return route.continue();
    elsewhere.push(`${route.request().resourceType()} ${url} from ${page.url()}`);
    return route.abort('blockedbyclient');
  });
  const watcher = watch(page, site);
  let clicked = 0;

  for (const path of paths) {
    const url = site.url(path);
    await test.step(`/${path}`, async () => {
      // Loaded, with time for onload/onerror handlers, timers and a meta refresh.
      watcher.navigations.length = 0;
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      await watcher.pwned();
      expect(watcher.navigations, `${path}: navigations after loading`).toEqual([url]);

      const hrefs = await page
        .locator('a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? ''));
      expect(
        hrefs.filter((href) => /^\s*(javascript|vbscript|data):/iu.test(href)),
        `${path}: script URLs`,
      ).toEqual([]);

      const count = await page.locator(NOTE_CONTENT).count();
      for (let i = 0; i < count; i++) {
        if (page.url() !== url) await page.goto(url, { waitUntil: 'load' });
        const link = page.locator(NOTE_CONTENT).nth(i);
        const href = (await link.getAttribute('href')) ?? '';
        // A click as the reader's, on links hidden in closed <details> too.
        await link.evaluate((a) =>
          a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window })),
        );
        // Wait for where the click leads, if anywhere: a link without href stays put.
        await page.waitForURL((now) => now.href !== url, { timeout: 1_500, waitUntil: 'load' }).catch(() => {});
        await page.waitForTimeout(200);
        await watcher.pwned();
        clicked++;
        const now = page.url();
        // Where a link may lead: this site, or an http(s) address (refused above).
        expect(
          now.startsWith(site.origin) || /^(https?:|chrome-error:)/u.test(now),
          `${path}: link ${href} led to ${now}`,
        ).toBe(true);
      }
    });
  }
  expect(watcher.incidents, 'what the note’s payloads did').toEqual([]);
  expect(
    elsewhere.filter((line) => !line.startsWith('document ')),
    'requests to other origins while loading',
  ).toEqual([]);
  // The fixture has links in its content: make sure they were exercised.
  expect(clicked).toBeGreaterThanOrEqual(10);
});

test('searching the hostile note runs nothing either', async ({ page, site }) => {
  const watcher = watch(page, site);
  await page.goto(site.url('eras/raw-html/'));
  const input = page.locator('#search-input');
  for (const term of ['pwned', 'onerror', 'script', 'javascript']) {
    await input.fill(term);
    await expect(page.locator('.search__status')).not.toBeEmpty();
    await page.waitForTimeout(300);
  }
  await watcher.pwned();
  expect(watcher.incidents).toEqual([]);
});

/** What the HTML as built holds, parsed by Chromium with JavaScript off. */
async function inspect(browser: Browser, url: string, base: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.continue() : route.abort(),
    );
    await page.goto(url);
    return await page.evaluate((base) => {
      const describe = (el: Element) =>
        `<${el.tagName.toLowerCase()}${[...el.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 40)}"`).join('')}>`;
      const all = [...document.querySelectorAll('*')];
      const scripts = [...document.scripts].filter(
        (s) => !(s.type === 'module' && s.getAttribute('src')?.startsWith(`${base}_astro/`) && !s.textContent?.trim()),
      );
      const handlers = all.filter((el) => [...el.attributes].some((a) => /^on/iu.test(a.name)));
      const forbidden = [
        ...document.querySelectorAll(
          'iframe, frame, frameset, object, embed, applet, base, portal, form:not([data-search]), meta[http-equiv]:not([http-equiv="content-security-policy" i]), body link, body style, body meta',
        ),
      ];
      const styled = all.filter((el) => el.hasAttribute('style'));
      const urlAttributes = [
        'href',
        'src',
        'action',
        'formaction',
        'xlink:href',
        'poster',
        'data',
        'srcset',
        'background',
      ];
      const scriptUrls = all.flatMap((el) =>
        urlAttributes
          .map((name) => el.getAttribute(name))
          .filter((value): value is string => value !== null && /(^|,)\s*(javascript|vbscript|data):/iu.test(value))
          .map((value) => `${describe(el)} ${value.slice(0, 60)}`),
      );
      const externalWithoutRel = [...document.querySelectorAll('a[href]')]
        .filter(
          (a) =>
            /^(https?:)?\/\//iu.test(a.getAttribute('href')!) &&
            new URL((a as HTMLAnchorElement).href).origin !== location.origin,
        )
        .filter((a) => {
          const rel = (a.getAttribute('rel') ?? '').split(/\s+/u);
          return !(rel.includes('noopener') && rel.includes('noreferrer'));
        });
      const csp = [...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')];
      return {
        scripts: scripts.map(describe),
        handlers: handlers.map(describe),
        forbidden: forbidden.map(describe),
        styled: styled.map(describe),
        scriptUrls,
        externalWithoutRel: externalWithoutRel.map(describe),
        csp: csp.map((meta) => ({
          inHead: meta.parentElement === document.head,
          content: meta.getAttribute('content') ?? '',
        })),
        title: document.title,
        h1: document.querySelector('h1')?.textContent ?? '',
        tags: [...document.querySelectorAll('.note-header .tag')].map((li) => li.textContent ?? ''),
        images: [...document.querySelectorAll('main img')].map((img) => img.getAttribute('src') ?? ''),
        missingImages: [...document.querySelectorAll('main .image-missing')].map((span) => span.textContent ?? ''),
      };
    }, base);
  } finally {
    await context.close();
  }
}

/** A CSP's directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/u))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

test('the built HTML has no live markup of the note, and every page has the CSP', async ({ browser, site }) => {
  test.setTimeout(3 * 60_000);
  const TITLE = `Hostile <script>window.__pwned='fm-title';alert(1)</script><img src=x onerror="window.__pwned='fm-title-img'"> notes`;
  for (const path of pagePaths(site.outDir)) {
    await test.step(`/${path}`, async () => {
      const found = await inspect(browser, site.url(path), site.base);
      expect.soft(found.scripts, `${path}: scripts other than the site's own modules`).toEqual([]);
      expect.soft(found.handlers, `${path}: on* attributes`).toEqual([]);
      expect.soft(found.forbidden, `${path}: frames, objects, <base>, forms, <meta> refresh, styles`).toEqual([]);
      expect.soft(found.styled, `${path}: style attributes`).toEqual([]);
      expect.soft(found.scriptUrls, `${path}: javascript:, vbscript: or data: URLs`).toEqual([]);
      expect.soft(found.externalWithoutRel, `${path}: external links without rel="noopener noreferrer"`).toEqual([]);
      // The frontmatter's HTML is the title's text, shown as written.
      expect.soft(found.title, `${path}: <title>`).toContain(TITLE);

      expect(found.csp, `${path}: one CSP <meta>`).toHaveLength(1);
      const [csp] = found.csp;
      expect.soft(csp!.inHead, `${path}: the CSP <meta> is in <head>`).toBe(true);
      const policy = directives(csp!.content);
      const scriptSrc = policy.get('script-src') ?? policy.get('default-src') ?? [];
      expect.soft(scriptSrc, `${path}: script-src`).not.toContain("'unsafe-inline'");
      expect.soft(scriptSrc, `${path}: script-src`).not.toContain("'unsafe-eval'");
      expect.soft(scriptSrc, `${path}: script-src`).not.toContain('*');
      expect.soft(policy.get('object-src'), `${path}: object-src`).toEqual(["'none'"]);
      expect.soft(policy.get('base-uri'), `${path}: base-uri`).toEqual(["'self'"]);
    });
  }

  const home = await inspect(browser, site.url(), site.base);
  expect(home.h1).toBe(TITLE);
  expect(home.tags).toEqual([`<script>window.__pwned='fm-tag'</script>`, '<img src=x onerror=alert(1)>', 'safe']);
});

test('images come only from the note’s folder', async ({ browser, site }) => {
  // dot.svg and pixel.svg sit beside the note; ../../../package.json and ../english/input.md do not.
  // pixel.svg holds script: opened by its URL it would run on the site's origin, so it is published cleaned.
  const media = readdirSync(join(site.outDir, '_media'));
  expect(media.length).toBeGreaterThan(0);
  expect(
    media.filter((name) => !name.endsWith('-dot.svg') && !name.endsWith('-pixel.svg')),
    'files copied from outside the note’s folder',
  ).toEqual([]);
  const pixel = readFileSync(
    join(
      site.outDir,
      '_media',
      media.find((name) => name.endsWith('-pixel.svg'))!,
    ),
    'utf8',
  );
  expect(pixel).toContain('<rect');
  expect(pixel).not.toMatch(/<script|onload|__pwned/iu);

  const era = await inspect(browser, site.url('eras/safe-era/'), site.base);
  // `![dot](dot.svg)` and raw `<img src="dot.svg">` are both served from the site.
  const dot = new RegExp(`^${site.base}_media/[0-9a-f]{16}-dot\\.svg$`, 'u');
  const pixelSrc = new RegExp(`^${site.base}_media/[0-9a-f]{16}-pixel\\.svg$`, 'u');
  expect(era.images).toEqual([expect.stringMatching(dot), expect.stringMatching(dot), expect.stringMatching(pixelSrc)]);
  expect(era.missingImages).toEqual(['[missing.png]']);

  const bad = await inspect(browser, site.url('eras/bad-urls/'), site.base);
  expect(
    bad.images.filter((src) => !src.startsWith(`${site.base}_media/`)),
    'images served from elsewhere',
  ).toEqual([]);
  expect(bad.missingImages).toEqual(expect.arrayContaining(['[js]', '[outside]', '[traverse]']));
});

test('timeline.json holds no live markup of the note either', async ({ browser, site }) => {
  const json = JSON.parse(readFileSync(join(site.outDir, 'timeline.json'), 'utf8')) as unknown;
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(json);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // TimelineJS renders headlines and texts as HTML: parse each as it would.
  const live = await page.evaluate((strings) => {
    const found: string[] = [];
    for (const html of strings) {
      const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
      for (const el of doc.body.querySelectorAll('*')) {
        const bad =
          /^(script|iframe|object|embed|base|form|style|meta|link)$/iu.test(el.tagName) ||
          [...el.attributes].some(
            (a) => /^on/iu.test(a.name) || a.name === 'style' || /^\s*(javascript|vbscript|data):/iu.test(a.value),
          );
        if (bad) found.push(`${el.outerHTML.slice(0, 100)} in ${html.slice(0, 60)}`);
      }
    }
    return found;
  }, strings);
  await context.close();
  expect(live).toEqual([]);
});
