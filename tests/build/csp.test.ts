/**
 * The policy the timeline's pages carry on a host site that sets none
 * (src/csp/page.ts): only the page's own inline scripts and styles are
 * allowed, never one inside the note's HTML; a page that already has a
 * policy keeps it; `<meta charset>` stays first.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withPolicy } from '../../src/csp/page.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const OWN_SCRIPT = 'const header = document.querySelector("[data-site-header]");';
const OWN_STYLE = '.era{color:red}';
const NOTE_SCRIPT = "window.__pwned='note'";

const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>T</title></head><body>${body}</body></html>`;

/** The policy's directives: name → sources. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)">/u.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((part) => part.trim().split(/\s+/u))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the policy of a built page', () => {
  const html = page(
    `<style>${OWN_STYLE}</style>`,
    `<header><script type="module">${OWN_SCRIPT}</script></header>` +
      `<main><div class="entry__description" data-note><script>${NOTE_SCRIPT}</script><style>body{display:none}</style></div></main>` +
      '<script type="application/ld+json">{"@type":"Event"}</script>',
  );
  const out = withPolicy(html, { search: true, remoteImages: 'allow' }).html!;
  const policy = policyOf(out);

  it('allows the page’s own inline script and style by their hashes, and nothing inline of the note’s', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", hash(OWN_SCRIPT)]);
    expect(policy.get('style-src')).toEqual(["'self'", hash(OWN_STYLE)]);
    expect(out).not.toContain(hash(NOTE_SCRIPT));
    expect(out).not.toContain(hash('body{display:none}'));
  });

  it('refuses plugins, other bases, frames and forms elsewhere', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'https:']);
  });

  it('goes right after <meta charset>, changing nothing else of the page', () => {
    expect(out).toMatch(
      /^<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/u,
    );
    expect(out.replace(/<meta http-equiv="content-security-policy"[^>]*>/u, '')).toBe(html);
  });

  it('without search, no WebAssembly; with remote images blocked, images from the site only', () => {
    const strict = policyOf(withPolicy(html, { search: false, remoteImages: 'block' }).html!);
    expect(strict.get('script-src')).toEqual(["'self'", hash(OWN_SCRIPT)]);
    expect(strict.get('img-src')).toEqual(["'self'"]);
  });

  it('leaves a page that has a policy already (the host sets security.csp) as it is', () => {
    const own = page(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`, '<p>x</p>');
    expect(withPolicy(own, { search: true, remoteImages: 'allow' })).toEqual({ html: null, reason: 'has-policy' });
  });

  it('puts it first in a head without <meta charset>', () => {
    const bare = '<!doctype html><html><head><title>T</title></head><body></body></html>';
    expect(withPolicy(bare, { search: true, remoteImages: 'allow' }).html).toMatch(
      /^<!doctype html><html><head><meta http-equiv="content-security-policy" content="[^"]+"><title>/u,
    );
  });

  it('puts it before the first element of a head whose tags were left out (a minifier’s)', () => {
    const minified = '<!doctype html><html lang="en"><meta charset="utf-8"><title>T</title><p>x';
    expect(withPolicy(minified, { search: true, remoteImages: 'allow' }).html).toMatch(
      /^<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="content-security-policy" content="[^"]+"><title>/u,
    );
  });

  it('inserts at the right place after CRLF line ends and text outside the BMP', () => {
    const crlf = `<!doctype html>\r\n<html lang="zh">\r\n<head>\r\n<title>𠀀 历史 🎞</title>\r\n</head><body><p>𠀀</p></body></html>`;
    const out = withPolicy(crlf, { search: true, remoteImages: 'allow' }).html!;
    expect(out.replace(/<meta http-equiv="content-security-policy"[^>]*>/u, '')).toBe(crlf);
    expect(out).toMatch(/<head><meta http-equiv="content-security-policy"/u);
  });
});

describe('the note’s HTML out of its element', () => {
  // A <div> in the note's intro closes the intro's <p>: what follows is no longer inside [data-note].
  const html = page(
    `<style>${OWN_STYLE}</style>`,
    `<main><p class="era-header__intro" data-note>An intro<div>a block</div><script>${NOTE_SCRIPT}</script></p>` +
      `<script type="module">${OWN_SCRIPT}</script></main>`,
  );
  const result = withPolicy(html, { search: true, remoteImages: 'allow' });

  it('allows nothing inline after it, the note’s script least of all, and says how many were refused', () => {
    const policy = policyOf(result.html!);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(result.html).not.toContain(hash(NOTE_SCRIPT));
    expect(result).toMatchObject({ refused: 2 });
    // What came before it is the page's own.
    expect(policy.get('style-src')).toEqual(["'self'", hash(OWN_STYLE)]);
  });

  it('refuses nothing on a page whose note HTML stays inside its elements', () => {
    const clean = page(
      '',
      `<main><p data-note>An <em>intro</em></p><script type="module">${OWN_SCRIPT}</script></main>`,
    );
    expect(withPolicy(clean, { search: true, remoteImages: 'allow' })).toMatchObject({ refused: 0 });
  });
});
