/**
 * One rule for text the author hid with HTML (issue #20): `hidden`,
 * `display: none` / `visibility: hidden` and `<template>` are left out of the
 * pages' HTML and of every text the model carries (search, exports), with a
 * warning at their line; the text around them stays.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type Timeline } from '../../src/timeline/index.ts';

const parse = (body: string): Timeline => parseNote(`## A 2000–2010\n\n${body}\n`, { file: 'n.md' });
const everything = (t: Timeline) => JSON.stringify({ ...t, warnings: [] });

describe('hidden HTML', () => {
  it.each([
    ['an inline hidden span', 'X (2001): before <span hidden>SECRET</span> after', '<span hidden>'],
    ['hidden="hidden"', 'X (2001): before <b hidden="hidden">SECRET</b> after', '<b hidden>'],
    ['display: none', 'X (2001): before <span style="color: red; display : none">SECRET</span> after', 'display'],
    ['display:none !important', 'X (2001): before <i style="display:none !important">SECRET</i> after', 'display'],
    ['visibility: hidden', 'X (2001): before <span style="visibility:hidden">SECRET</span> after', 'visibility'],
    ['a template', 'X (2001): before <template><p>SECRET</p></template> after', '<template>'],
    ['a hidden span in a title', 'X <span hidden>SECRET</span> (2001): before after', '<span hidden>'],
    [
      'a hidden div holding Markdown blocks',
      'before\n\n<div hidden>\n\nSECRET paragraph\n\n- SECRET item\n\n</div>\n\nafter',
      '<div hidden>',
    ],
    [
      'a hidden div in one HTML block',
      'before\n\n<div style="display:none">SECRET <b>bold</b></div>\n\nafter',
      'display',
    ],
    [
      'a nested hidden element',
      'X (2001): before <span hidden>SECRET <span>inner SECRET</span> SECRET</span> after',
      '<span hidden>',
    ],
  ])('leaves out %s, keeps the text around it, and warns', (_name, body, what) => {
    const t = parse(body);
    expect(everything(t)).not.toContain('SECRET');
    expect(everything(t)).toContain('before');
    expect(everything(t)).toContain('after');
    const warning = t.warnings.find((w) => w.message.includes('hides its content'));
    expect(warning?.message).toContain(what);
    expect(warning?.line).toBeGreaterThanOrEqual(3);
  });

  it('leaves out the text of a <script> too, silently as the sanitizer does', () => {
    const t = parse('X (2001): before <script>SECRET()</script> after');
    expect(everything(t)).not.toContain('SECRET');
    expect(everything(t)).toContain('after');
  });

  it('keeps elements that only look alike', () => {
    const t = parse('X (2001): a <span title="hidden">SHOWN</span> <span style="display: block">SHOWN2</span>');
    expect(everything(t)).toContain('SHOWN');
    expect(everything(t)).toContain('SHOWN2');
    expect(t.warnings.filter((w) => w.message.includes('hides'))).toEqual([]);
  });
});
