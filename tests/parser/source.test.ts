/** The link from the published timeline back to the note in the digital garden. */
import { describe, expect, it } from 'vitest';
import { encodePermalink, sourceUrl } from '../../src/utils/source.ts';

describe('sourceUrl', () => {
  const permalink = '/日常学习/技术学习/大模型从零开始（零） 不完全断代史/';

  it('percent-encodes each segment of a Chinese permalink with spaces and full-width parentheses', () => {
    const url = sourceUrl('https://garden.example.org', permalink)!;
    expect(url).toBe(
      'https://garden.example.org/%E6%97%A5%E5%B8%B8%E5%AD%A6%E4%B9%A0/%E6%8A%80%E6%9C%AF%E5%AD%A6%E4%B9%A0/' +
        '%E5%A4%A7%E6%A8%A1%E5%9E%8B%E4%BB%8E%E9%9B%B6%E5%BC%80%E5%A7%8B%EF%BC%88%E9%9B%B6%EF%BC%89%20' +
        '%E4%B8%8D%E5%AE%8C%E5%85%A8%E6%96%AD%E4%BB%A3%E5%8F%B2/',
    );
    // A valid URL whose path decodes back to the permalink.
    expect(decodeURIComponent(new URL(url).pathname)).toBe(permalink);
    expect(url).not.toMatch(/[\s（）]/u);
  });

  it('joins garden and permalink with one slash, keeping a garden sub-path', () => {
    expect(sourceUrl('https://garden.example.org/', '/a/b/')).toBe('https://garden.example.org/a/b/');
    expect(sourceUrl('https://garden.example.org', 'a/b')).toBe('https://garden.example.org/a/b');
    expect(sourceUrl('https://example.org/garden/', '/a/')).toBe('https://example.org/garden/a/');
  });

  it('does not encode an already encoded permalink twice', () => {
    expect(encodePermalink('/a%20b/c d/')).toBe('/a%20b/c%20d/');
    expect(encodePermalink('/100%/')).toBe('/100%25/');
  });

  it('encodes characters that would end a path', () => {
    expect(encodePermalink('/a?b#c/')).toBe('/a%3Fb%23c/');
  });

  it('gives null without a garden URL or a permalink', () => {
    expect(sourceUrl(undefined, permalink)).toBeNull();
    expect(sourceUrl('', permalink)).toBeNull();
    expect(sourceUrl('https://garden.example.org', null)).toBeNull();
    expect(sourceUrl('https://garden.example.org', '  ')).toBeNull();
  });

  it('uses an absolute permalink as it is', () => {
    expect(sourceUrl('https://garden.example.org', 'https://other.example/x/')).toBe('https://other.example/x/');
  });

  it('rejects a garden URL that is not http(s)', () => {
    expect(() => sourceUrl('garden.example.org', '/a/')).toThrow(/GARDEN_URL/u);
    expect(() => sourceUrl('javascript:alert(1)', '/a/')).toThrow(/GARDEN_URL/u);
  });
});
