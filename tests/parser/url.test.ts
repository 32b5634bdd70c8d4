/**
 * Which entry links a reader may follow. A title such as
 * `[Click](javascript:…)：…` must never become a clickable script.
 */
import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../src/timeline/index.ts';

describe('safeUrl', () => {
  it.each([
    // Web and mail links.
    'https://github.com/PlexPt/awesome-chatgpt-prompts-zh',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM',
    'mailto:someone@example.com',
    // Relative links, fragments and protocol-relative links.
    '/notes/other/',
    'other.md',
    '#louis-armstrong',
    '//cdn.example.com/x',
  ])('keeps %s', (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it.each([
    // Script and data URLs, however they are disguised.
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    // Schemes the sanitizer does not allow either.
    'file:///etc/passwd',
  ])('drops %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });
});
