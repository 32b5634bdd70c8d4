/**
 * The SVG cleaner on its own (src/vault/svg.ts): what a drawing needs stays,
 * what could run or load goes, and what it cannot clean is refused, never
 * a crash. The attack corpus itself is tested on a real build and in
 * Chromium (tests/build/vault.test.ts, tests/e2e/vault.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../src/vault/svg.ts';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const clean = (body: string) => {
  const result = sanitizeSvg(`<svg ${NS}>${body}</svg>`);
  if ('refused' in result) throw new Error(result.refused);
  return result.svg;
};

describe('the SVG cleaner', () => {
  it('keeps shapes, gradients, filters, text and <use> of a symbol in the file', () => {
    const svg = clean(
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><symbol id="s"><circle r="2"/></symbol></defs>' +
        '<rect width="4" height="4" fill="url(#g)" style="stroke: red"/><use href="#s"/><text>Label</text>',
    );
    expect(svg).toContain('<linearGradient id="g">');
    expect(svg).toContain('fill="url(#g)"');
    expect(svg).toContain('style="stroke: red"');
    expect(svg).toContain('<use href="#s"/>');
    expect(svg).toContain('Label');
  });

  it.each([
    ['an escaped @import', '<style>@\\import "https://evil.example/x.css";</style>', 'evil'],
    ['an escaped url(', '<rect style="fill: u\\rl(https://evil.example/p.png)"/>', 'evil'],
    ['image-set', '<rect style="background-image: image-set(\'https://evil.example/b.png\' 1x)"/>', 'evil'],
    ['a url() in a presentation attribute', '<rect fill="url(https://evil.example/f.svg#g)"/>', 'evil'],
    ['an external <use>', '<use href="https://evil.example/s.svg#x"/>', 'evil'],
    ['a data: <image>', '<image href="data:image/svg+xml,%3Csvg onload=alert(1)%3E"/>', 'data:'],
  ])('drops %s', (_name, body, needle) => {
    expect(clean(body)).not.toContain(needle);
  });

  it.each([
    ['a prefixed root', '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:rect/></s:svg>'],
    ['nesting too deep to walk', `<svg ${NS}>${'<g>'.repeat(20_000)}${'</g>'.repeat(20_000)}</svg>`],
    ['entities', `<!DOCTYPE svg [<!ENTITY a "b">]><svg ${NS}>&a;</svg>`],
    ['HTML', '<html><script>alert(1)</script></html>'],
    ['broken XML', `<svg ${NS}><g></svg>`],
  ])('refuses %s instead of crashing', (_name, text) => {
    expect(sanitizeSvg(text)).toHaveProperty('refused');
  });
});
