/**
 * Page links follow the host site's `trailingSlash` and `build.format`
 * (src/site/route.ts): `/timeline/eras/x/#a` is written as the site's pages
 * are served.
 */
import { describe, expect, it } from 'vitest';
import { pageForm, pagePath } from '../../src/site/route.ts';

describe('page forms', () => {
  it('reads the form from the site’s config', () => {
    expect(pageForm({ trailingSlash: 'ignore', build: { format: 'directory' } })).toBe('slash');
    expect(pageForm({ trailingSlash: 'always', build: { format: 'directory' } })).toBe('slash');
    expect(pageForm({ trailingSlash: 'never', build: { format: 'directory' } })).toBe('bare');
    expect(pageForm({ trailingSlash: 'ignore', build: { format: 'file' } })).toBe('html');
    expect(pageForm({ trailingSlash: 'never', build: { format: 'preserve' } })).toBe('html');
  });

  it.each([
    ['/', 'slash', '/timeline/eras/x/#a', '/timeline/eras/x/#a'],
    ['/', 'bare', '/timeline/eras/x/#a', '/timeline/eras/x#a'],
    ['/', 'html', '/timeline/eras/x/#a', '/timeline/eras/x.html#a'],
    ['/', 'bare', '/timeline/', '/timeline'],
    ['/', 'html', '/timeline/', '/timeline.html'],
    ['/', 'html', '/timeline/overview/', '/timeline/overview.html'],
    ['/', 'html', '/timeline/timeline.json', '/timeline/timeline.json'],
    ['/', 'bare', '/timeline/eras/%E5%89%8D/', '/timeline/eras/%E5%89%8D'],
    ['/my-repo/', 'slash', '/my-repo/timeline/eras/x/#a', '/my-repo/timeline/eras/x/#a'],
    ['/my-repo/', 'bare', '/my-repo/timeline/eras/x/#a', '/my-repo/timeline/eras/x#a'],
    ['/my-repo/', 'html', '/my-repo/timeline/eras/x/#a', '/my-repo/timeline/eras/x.html#a'],
    ['/my-repo/', 'bare', '/my-repo/timeline/', '/my-repo/timeline'],
    ['/my-repo/', 'html', '/my-repo/timeline/', '/my-repo/timeline.html'],
  ] as const)('base %s, %s: %s → %s', (root, form, path, expected) => {
    expect(pagePath(path, form, root)).toBe(expected);
  });

  it('keeps the site’s root as it is, the folder every host serves', () => {
    expect(pagePath('/', 'html', '/')).toBe('/');
    expect(pagePath('/my-repo/', 'html', '/my-repo/')).toBe('/my-repo/');
    expect(pagePath('/my-repo/', 'bare', '/my-repo/')).toBe('/my-repo/');
    expect(pagePath('/my-repo/#top', 'html', '/my-repo/')).toBe('/my-repo/#top');
  });
});
