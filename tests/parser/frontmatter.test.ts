/**
 * The note's metadata: title, tags, dates, language and publishing fields,
 * from YAML frontmatter (block or one-line JSON form), the H1 or the file.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage, TimelineError } from '../../src/timeline/index.ts';
import { parse } from './support/helpers.ts';

const BODY = '\n## Era 2000\n\nX: y\n';
const meta = (frontmatter: string, body = BODY, file = 'notes/My Timeline.md') =>
  parse(`---\n${frontmatter}\n---\n${body}`, file).meta;

describe('title', () => {
  it.each([
    // The frontmatter title wins over the H1.
    ['title: From YAML', '\n# From H1\n' + BODY, 'From YAML'],
    // No title field: the first H1.
    ['tags: [a]', '\n# From H1\n' + BODY, 'From H1'],
    // Neither: the file name without `.md`.
    ['tags: [a]', BODY, 'My Timeline'],
    // An empty title field counts as none.
    ['title: ""', '\n# From H1\n' + BODY, 'From H1'],
    // A number is text.
    ['title: 1984', BODY, '1984'],
  ])('%s → %s', (fm, body, title) => {
    expect(meta(fm, body).title).toBe(title);
  });

  it('uses the H1 before the first era only', () => {
    const t = parse('## Era 2000\n\nX: y\n\n# Late H1\n', 'a/b/Fallback.markdown');
    expect(t.meta.title).toBe('Fallback');
    expect(t.titleHeading).toBeNull();
  });
});

describe('fields', () => {
  it.each([
    // A YAML list.
    ['tags:\n  - LLM\n  - 保持期待', ['LLM', '保持期待']],
    // A flow list, with `#` and a duplicate.
    ['tags: [a, "#b", a]', ['a', 'b']],
    // A string, comma or space separated.
    ['tags: music, history', ['music', 'history']],
    ['tags: music history', ['music', 'history']],
    // `tag` as Obsidian also accepts it.
    ['tag: solo', ['solo']],
    // None.
    ['title: T', []],
  ])('tags from %j', (fm, tags) => {
    expect(meta(fm).tags).toEqual(tags);
  });

  it.each([
    // Quoted, as in the default note's JSON form.
    ['created: "2025-02-22T21:55:25.761+08:00"', '2025-02-22T21:55:25.761+08:00'],
    // Unquoted YAML timestamps keep the time and offset as written (not moved to UTC).
    ['created: 2025-02-22T21:55:25+08:00', '2025-02-22T21:55:25+08:00'],
    ['created: 2025-02-22 21:55:25 +08:00', '2025-02-22 21:55:25 +08:00'],
    // A date alone stays a date.
    ['created: 2025-02-22', '2025-02-22'],
    // Obsidian's date-time property, with a trailing comment.
    ['created: 2025-02-22T21:55 # set by Obsidian', '2025-02-22T21:55'],
  ])('%s → created %s', (fm, created) => {
    const m = meta(fm);
    expect(m.created).toBe(created);
  });

  it('ignores a date it cannot read, with a warning at the field', () => {
    const t = parse('---\ntitle: T\nupdated: last tuesday\n---\n' + BODY);
    expect(t.meta.updated).toBeNull();
    expect(t.warnings).toEqual([
      expect.objectContaining({ line: 3, column: 1, message: expect.stringContaining('`updated`') }),
    ]);
  });

  it.each([
    ['permalink: /a/b/', '/a/b/'],
    ['dg-permalink: /c/', '/c/'],
    // `permalink` wins over `dg-permalink`.
    ['permalink: /a/\ndg-permalink: /c/', '/a/'],
  ])('%j → permalink %s', (fm, permalink) => {
    expect(meta(fm).permalink).toBe(permalink);
  });

  it.each([
    ['dg-publish: true', true],
    ['title: T', null],
  ])('%j → publish %s', (fm, publish) => {
    expect(meta(fm).publish).toBe(publish);
  });

  it('keeps unknown fields without complaint, dates as ISO strings', () => {
    const t = parse('---\ncssclasses: [wide]\nnoteIcon: 1\naliases:\n  - x\nwhen: 2024-01-05\n---\n' + BODY);
    expect(t.meta.frontmatter).toEqual({ cssclasses: ['wide'], noteIcon: 1, aliases: ['x'], when: '2024-01-05' });
    expect(t.warnings).toEqual([]);
    // Plain JSON: it goes through Astro's data store.
    expect(JSON.parse(JSON.stringify(t.meta))).toEqual(t.meta);
  });

  it('reads the one-line JSON frontmatter form', () => {
    const m = meta('{"dg-publish":true,"title":"JSON","tags":["a","b"],"created":"2025-02-22T21:55:25.761+08:00"}');
    expect(m).toMatchObject({
      title: 'JSON',
      tags: ['a', 'b'],
      publish: true,
      created: '2025-02-22T21:55:25.761+08:00',
    });
  });

  it('reads an empty frontmatter as no fields', () => {
    expect(meta('')).toMatchObject({ title: 'My Timeline', tags: [], created: null, publish: null });
  });

  it('warns about a field of the wrong shape and goes on', () => {
    const t = parse('---\ntitle: [a, b]\ntags: {a: 1}\n---\n' + BODY);
    expect(t.meta.title).toBe('n');
    expect(t.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, expect.stringContaining('`title`')],
      [3, expect.stringContaining('`tags`')],
    ]);
  });
});

describe('language', () => {
  it.each([
    // Given in the frontmatter: used as is.
    ['lang: en-GB', BODY, 'en-GB', false],
    ['language: fr', BODY, 'fr', false],
    // Not given: mostly Chinese text means zh-CN.
    ['title: T', '\n## 序曲 2022\n\n模型：这是一段中文的描述，夹杂少量 English words。\n', 'zh-CN', true],
    // Mostly English with a few Chinese words: en.
    [
      'title: T',
      '\n## Jazz 1920s\n\nArmstrong: The trumpet player recorded many sides, later famous in 中国.\n',
      'en',
      true,
    ],
    // Japanese kana.
    ['title: T', '\n## 時代 2000\n\nモデル：これは日本語の説明です。\n', 'ja', true],
  ])('%s → %s', (fm, body, lang, detected) => {
    const m = meta(fm, body);
    expect(m.lang).toBe(lang);
    expect(m.langDetected).toBe(detected);
  });

  it.each([
    ['', 'en'],
    ['Hello world', 'en'],
    ['大模型从零开始 with some English', 'zh-CN'],
    ['한국어 문장입니다', 'ko'],
    ['Привет, мир', 'ru'],
  ])('detectLanguage(%j) → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('hostile frontmatter', () => {
  /** `levels` anchors, each a list of nine references to the one before: 9^levels values once expanded. */
  const laughs = (levels: number) => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= levels; i++)
      lines.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    return `---\ntitle: T\n${lines.join('\n')}\n---\n\n## A 2000\n\nX (2000): y\n`;
  };

  it.each([8, 9, 20])('a billion laughs of %i levels is refused at the first alias, with a hint', (levels) => {
    try {
      parse(laughs(levels));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TimelineError);
      // The first alias stands on the note's line 4 (fence, title, l0, then l1), at its `*`.
      expect(error).toMatchObject({ line: 4, column: 10 });
      expect((error as TimelineError).reason).toContain('aliases');
      expect((error as TimelineError).hint).toContain('&anchor');
    }
    // Refused before expanding (the old engine took a minute and 4.6 GB for 8 levels): `npm run bench -- --hostile` measures it.
  });

  it('a few aliases, as a person writes them, are fine', () => {
    const note = '---\ntitle: T\nbase: &b {a: 1}\nother: *b\nlist: [*b, *b]\n---\n\n## A 2000\n\nX (2000): y\n';
    expect(parse(note).meta.frontmatter['list']).toEqual([{ a: 1 }, { a: 1 }]);
  });
});
