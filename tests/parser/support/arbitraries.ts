/**
 * The generators of the property tests (properties.test.ts): notes built at
 * random from the pieces an author writes, each as two texts, `src` (what
 * the author wrote) and `vis` (what Obsidian shows: comments removed,
 * newlines kept), plus wholly random strings.
 */
import fc from 'fast-check';

/** A bit of note text and what Obsidian shows of it. */
interface Piece {
  src: string;
  vis: string;
}

const same = (text: string): Piece => ({ src: text, vis: text });
/** A comment: nothing is shown of it, but its newlines keep the lines around it apart. */
const hidden = (text: string): Piece => ({ src: text, vis: text.replace(/[^\n]/gu, '') });
const join = (pieces: readonly Piece[], separator = ''): Piece => ({
  src: pieces.map((p) => p.src).join(separator),
  vis: pieces.map((p) => p.vis).join(separator),
});
const cat = (...pieces: Array<Piece | string>): Piece => join(pieces.map((p) => (typeof p === 'string' ? same(p) : p)));
/** Prefixes every line of a piece (quotes, callouts). */
const prefixLines = (piece: Piece, prefix: string): Piece => ({
  src: piece.src.replace(/^/gmu, prefix),
  vis: piece.vis.replace(/^/gmu, prefix),
});

// ---------------------------------------------------------------------------
// Words and inline pieces
// ---------------------------------------------------------------------------

/** Words in many scripts: Latin, CJK, kana, Hangul, emoji (with ZWJ and flags), Arabic, Hebrew. */
const WORDS = [
  'Radio',
  'jazz',
  'Model',
  'GPT',
  'naïve',
  'Ünïcödé',
  'x',
  'A&B',
  'C#',
  'rock’n’roll',
  'α-β',
  '…',
  '模型',
  '序曲',
  '数据集',
  '开源',
  'カタカナ',
  'ひらがな',
  '한국어',
  '🎉',
  '👩‍💻',
  '🇯🇵',
  '🏳️‍🌈',
  'مرحبا',
  'العالم',
  'تاريخ ١٩٩٧',
  'שלום',
  'עולם',
  'היסטוריה',
  // Bidi controls (right-to-left mark, override) and zero-width characters.
  '\u200fמ\u200f',
  '\u202eevil\u202c',
  'zero\u200bwidth',
  'a\u200db',
];
const word = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 3 },
  {
    arbitrary: fc.stringMatching(
      /^[A-Za-z\u4e00-\u4e5f\u0627-\u064a\u05d0-\u05ea][A-Za-z0-9\u4e00-\u4e5f\u0627-\u064a\u05d0-\u05ea]{0,7}$/u,
    ),
    weight: 2,
  },
);
export const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
/** White space between words: spaces, tabs, NBSP, the full-width space. */
const gap = fc.constantFrom(' ', ' ', ' ', '\t', '\u00a0', '\u3000', '  ');

/** Script and style payloads; none may survive into the rendered HTML. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '![pic](javascript:alert(1))',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="evil.swf"></object>',
  '<embed src="evil.swf">',
  '<span style="color:red" onclick="alert(1)">styled</span>',
  '<svg onload=alert(1)><circle r=1></circle></svg>',
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '<details open ontoggle=alert(1)>d</details>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<style>body{display:none}</style>',
  '<p style="x" onmouseover="alert(1)">p</p>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<!-- <script>alert(1)</script> -->',
  '<img src="javascript:alert(1)">',
  '<img src="photo.png" onerror="alert(1)">',
  '[[javascript:alert(1)]]',
  '[[javascript:alert(1)|click]]',
  '![[javascript:alert(1).png]]',
  '[[Note#<script>alert(1)</script>]]',
  '<a href="#" onclick="alert(1)">x</a>',
];
export const payload = fc.constantFrom(...PAYLOADS);

/** Code content: colons, comment markers and HTML that must stay literal. */
const CODE = ['k: v', 'a %% b', '%%x%%', 'T：d', '<script>x</script>', '## h', 'x == y'];
const COMMENTS = ['secret: x', 'TODO', '## not an era', 'a：b', '<script>alert(1)</script>', 'Title: desc'];
const TAGS = ['history', 'ai/llm', '标签', 'to-do', 'y2k'];
const URLS = ['https://example.org/a:b?c=1', 'https://example.com', '/local/path', 'mailto:a@b.org', '#anchor'];

const inline: fc.Arbitrary<Piece> = fc.oneof(
  { arbitrary: word.map(same), weight: 8 },
  { arbitrary: words.map((w) => same(`**${w}**`)), weight: 1 },
  { arbitrary: words.map((w) => same(`*${w}*`)), weight: 1 },
  { arbitrary: words.map((w) => same(`~~${w}~~`)), weight: 1 },
  { arbitrary: words.map((w) => same(`==${w}==`)), weight: 1 },
  { arbitrary: fc.constantFrom(...CODE).map((c) => same(`\`${c}\``)), weight: 1 },
  { arbitrary: fc.tuple(words, fc.constantFrom(...URLS)).map(([w, u]) => same(`[${w}](${u})`)), weight: 1 },
  { arbitrary: fc.constantFrom('<https://auto.link/x:y>', 'https://bare.example/p:q').map(same), weight: 1 },
  {
    arbitrary: fc
      .tuple(word, word, fc.constantFrom('[[T]]', '[[T|A]]', '[[T#A]]', '[[#A]]'))
      .map(([t, a, form]) => same(form.replace('T', t).replace('A', a))),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(...TAGS).map((t) => same(`#${t}`)), weight: 1 },
  { arbitrary: fc.constantFrom(...COMMENTS).map((c) => hidden(`%%${c}%%`)), weight: 1 },
  { arbitrary: payload.map(same), weight: 1 },
  // Backticks that open no code span, a double-backtick span holding one, footnote and reference links.
  { arbitrary: fc.constantFrom('\\`', 'it`s', '`` a ` %%b%% ``', '[^1]', '[ref][r]', '&amp;').map(same), weight: 1 },
);

/** A run of inline pieces with white space between them. */
const inlineRun = (max = 4): fc.Arbitrary<Piece> =>
  fc
    .array(fc.tuple(inline, gap), { minLength: 1, maxLength: max })
    .map((parts) => join(parts.flatMap(([piece, space], i) => (i ? [same(space), piece] : [piece]))));

// ---------------------------------------------------------------------------
// Lines: entries and notes
// ---------------------------------------------------------------------------

const YEARS = [
  ' (1997)',
  '（1997）',
  '（1997–2001）',
  ' (1970s)',
  '（1995年）',
  ' (2025 - present)',
  '（？？？？-2021）',
  ' (1920 to 1929)',
  // The dates of real histories: BCE, circa, days, centuries, Chinese and Japanese forms, a reversed range.
  ' (490 BC)',
  ' (100–44 BC)',
  ' (c. 60)',
  ' (AD 80)',
  ' (1969-07-20)',
  ' (August 24, 1995)',
  ' (5th century BC)',
  '（公元前475年—前221年）',
  '（1911年10月10日）',
  '（约1450年）',
  '（9世纪）',
  '（1336年〜1573年）',
  '（紀元前660年）',
  ' (1990–1980)',
];
const titleCore = fc.oneof(
  { arbitrary: words, weight: 4 },
  { arbitrary: words.map((w) => `**${w}**`), weight: 1 },
  { arbitrary: words.map((w) => `*${w}*`), weight: 1 },
  { arbitrary: fc.tuple(words, fc.constantFrom(...URLS)).map(([w, u]) => `[${w}](${u})`), weight: 1 },
  { arbitrary: word.map((w) => `[[${w}]]`), weight: 1 },
  { arbitrary: fc.tuple(word, word).map(([t, a]) => `[[${t}|${a}]]`), weight: 1 },
  // Only a year (or only a link, above): the title is the year.
  { arbitrary: fc.constant(''), weight: 1 },
);
const title = fc
  .tuple(titleCore, fc.option(fc.constantFrom(...YEARS), { nil: '' }))
  .map(([core, year]) => (core || year ? `${core}${core ? year : year.trim()}` : 'Untitled'));
/** Both colon forms, with odd white space around them. */
const COLONS = ['：', '：', ' ：', '\t：\t', '\u00a0：\u3000', ': ', ': ', ':\t', ':\u00a0', ':\u3000', '\u00a0: '];

const entryLine: fc.Arbitrary<Piece> = fc.oneof(
  { arbitrary: fc.tuple(title, fc.constantFrom(...COLONS), inlineRun()).map(([t, c, d]) => cat(t, c, d)), weight: 4 },
  // `**Title:** description`.
  { arbitrary: fc.tuple(words, inlineRun()).map(([t, d]) => cat(`**${t}:** `, d)), weight: 1 },
);
const noteLine = inlineRun(5);
const line = fc.oneof({ arbitrary: entryLine, weight: 3 }, { arbitrary: noteLine, weight: 2 });
/** Line ends: nothing, trailing spaces or tabs, or two spaces (a hard break). */
const lineEnd = fc.constantFrom('', '', '', ' ', '\t', '  ', '\u00a0');

const paragraph = fc
  .array(fc.tuple(fc.constantFrom('', '', ' ', '   ', '\u00a0'), line, lineEnd), { minLength: 1, maxLength: 3 })
  .map((lines) =>
    join(
      lines.map(([indent, l, end]) => cat(indent, l, end)),
      '\n',
    ),
  );

// ---------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------

const list = fc
  .tuple(
    fc.constantFrom('- ', '* ', '+ ', '1. '),
    fc.array(line, { minLength: 1, maxLength: 3 }),
    fc.option(line, { nil: undefined }),
    fc.boolean(),
  )
  .map(([marker, items, nested, loose]) => {
    const lines = items.map((item, i) => cat(marker === '1. ' ? `${i + 1}. ` : marker, item));
    if (nested) lines.splice(1, 0, cat('   - ', nested));
    return join(lines, loose ? '\n\n' : '\n');
  });
const quote = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => prefixLines(join(lines, '\n'), '> '));
const callout = fc
  .tuple(
    fc.constantFrom('note', 'tip', 'WARNING', 'info'),
    fc.constantFrom('', '-', '+'),
    fc.option(words, { nil: '' }),
    fc.array(line, { minLength: 1, maxLength: 3 }),
  )
  .map(([type, fold, head, lines]) =>
    prefixLines(cat(`[!${type}]${fold}${head ? ` ${head}` : ''}\n`, join(lines, '\n')), '> '),
  );
const CODE_LINES = [
  'const a = "T: d";',
  '%% not a comment %%',
  '## not an era',
  'Title：not an entry',
  '<script>alert(1)</script>',
  'x: y',
  '%%',
];
const fenced = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````'),
    fc.constantFrom('', 'js', 'md'),
    fc.array(fc.constantFrom(...CODE_LINES), { minLength: 1, maxLength: 4 }),
  )
  .map(([fence, lang, lines]) => same(`${fence}${lang}\n${lines.join('\n')}\n${fence}`));
/** Code inside quotes, callouts and list items: its `%%` is code too. */
const nestedCode = fc
  .tuple(
    fc.constantFrom(...CODE_LINES),
    fc.constantFrom(
      (c: string) => `> \`\`\`\n> ${c}\n> \`\`\``,
      (c: string) => `> [!note] Code\n> \`\`\`js\n> ${c}\n> \`\`\``,
      (c: string) => `- item\n\n  \`\`\`\n  ${c}\n  \`\`\``,
      (c: string) => `- \`\`\`\n  ${c}\n  \`\`\``,
      (c: string) => `1. x\n   - y\n     ~~~\n     ${c}\n     ~~~`,
      (c: string) => `> a \`${c}\` b`,
    ),
  )
  .map(([code, form]) => same(form(code)));
const commentBlock = fc
  .array(fc.constantFrom(...COMMENTS, 'Hidden: entry', '- hidden item'), { minLength: 1, maxLength: 3 })
  .map((lines) => hidden(`%%\n${lines.join('\n')}\n%%`));
const table = fc
  .tuple(word, word, word, word)
  .map(([a, b, c, d]) => same(`| ${a} | ${b} |\n| --- | --- |\n| ${c}: x | ${d}（1999）：y |`));
const PERIODS = [
  '2022',
  '1997-2014',
  '1970s–1990s',
  '1920 to 1929',
  '2025 - 未来',
  '2023-？？？？',
  '？？？？-2021',
  '2021 及之前',
  'before 1900',
  '1970年代',
  '(1920–1929)',
  '（1920–1929）',
  '1990 to present',
  '',
  '800–480 BC',
  '27 BC – AD 476',
  '前475年—前221年',
  '3rd–6th century',
  'Apr 2024 – Jun 2024',
  '1336年〜1573年',
  '16世紀',
  '1453–1204',
];
const subPeriod = fc
  .tuple(fc.option(words, { nil: '' }), fc.constantFrom(...PERIODS), fc.constantFrom('', ' ###'))
  .map(([name, period, close]) => same(`### ${[name, period].filter(Boolean).join(' ')}${close}`));
const htmlBlock = payload.map((p) => same(`<div onclick="alert(1)" style="color:red">\n${p}\n</div>`));
const block: fc.Arbitrary<Piece> = fc.oneof(
  { arbitrary: paragraph, weight: 6 },
  { arbitrary: list, weight: 2 },
  { arbitrary: quote, weight: 1 },
  { arbitrary: callout, weight: 1 },
  { arbitrary: fenced, weight: 1 },
  { arbitrary: nestedCode, weight: 1 },
  { arbitrary: commentBlock, weight: 1 },
  { arbitrary: table, weight: 1 },
  { arbitrary: subPeriod, weight: 2 },
  { arbitrary: htmlBlock, weight: 1 },
  { arbitrary: fc.constantFrom('***', '___', '#### Aside: small').map(same), weight: 1 },
  { arbitrary: words.map((w) => same(`*${w}.*`)), weight: 1 },
  {
    arbitrary: fc
      .constantFrom('[^1]: A footnote: with a colon.', '[r]: https://r.example/x:y', '<!-- hidden: html -->')
      .map(same),
    weight: 1,
  },
);

// ---------------------------------------------------------------------------
// Eras and notes
// ---------------------------------------------------------------------------

const ERA_NAMES = [
  '序曲',
  'The Jazz Age',
  'Rock — and — Roll',
  'C#',
  'Q&A',
  '🎉',
  '🎉 Party',
  'عصر',
  'תקופה',
  '- Edge -',
  'A',
  'A 2',
  '',
];
const eraName = fc.oneof(fc.constantFrom(...ERA_NAMES), words);
const eraHeading: fc.Arbitrary<Piece> = fc
  .tuple(
    eraName,
    fc.constantFrom(' ', ' ', ' – ', '\t', ''),
    fc.constantFrom(...PERIODS),
    fc.constantFrom('atx', 'atx', 'atx', 'closed', 'setext', 'comment'),
  )
  .map(([name, sep, period, form]) => {
    const text = name && period ? `${name}${sep}${period}` : name || period;
    // A setext heading, unless its text would start a list (`- Edge -`) or another block.
    if (form === 'setext' && text.trim() && !/^[-+*>#]/u.test(text)) return same(`${text}\n---`);
    if (form === 'closed') return same(`## ${text} ##`);
    if (form === 'comment') return cat(`## ${text} `, hidden('%%hidden 1999%%'));
    return same(`## ${text}`);
  });
const era = fc
  .tuple(eraHeading, fc.array(block, { maxLength: 3 }))
  .map(([heading, blocks]) => join([heading, ...blocks], '\n\n'));

const frontmatter = fc
  .tuple(word, fc.constantFrom('', 'tags: [a, b]\n', 'lang: en\n', 'dg-publish: true\n'))
  .map(([t, extra]) => same(`---\ntitle: ${JSON.stringify(t)}\n${extra}---`));

/** A note built from pieces: mostly valid, with every construct the parser meets. */
export const structuredNote: fc.Arbitrary<Piece> = fc
  .tuple(
    fc.option(frontmatter, { nil: undefined }),
    fc.option(
      words.map((w) => same(`# ${w}`)),
      { nil: undefined },
    ),
    fc.option(paragraph, { nil: undefined }),
    fc.array(era, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', '\n', '\n\n'),
    // A comment never closed runs to the end of the note, as in Obsidian.
    fc.option(fc.constantFrom(' %% unclosed: x', '\n\n%%\nNever closed: y\n## Hidden 1999\n'), { nil: '' }),
  )
  .map(([fm, h1, preface, eras, end, unclosed]) =>
    cat(
      join(
        [fm, h1, preface, ...eras].filter((p): p is Piece => p !== undefined),
        '\n\n',
      ),
      end,
      hidden(unclosed),
    ),
  );

/** Characters that mean something in Markdown, Obsidian or the parser. */
export const SYNTAX = [...'#：:()（）*_[]!`%=>-|~<\\/ \t\n\r\u00a0\u3000aZ1９9年之前？?'];
/** A lone UTF-16 surrogate: no UTF-8 file holds one, a string built in code may. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const randomText = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 160 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom(...SYNTAX), loneSurrogate), maxLength: 40 }), weight: 1 },
);
/**
 * Notes whose comments the pieces place for sure: a lone backtick changes
 * which backticks pair into code, which the pieces cannot tell, so here it
 * is an apostrophe (plain cases cover it). And a line that opens with a tag
 * (`<p …>`, `<script>`) may start an HTML block, where a code span piece is
 * no code (its `%%` is a comment): here such a line opens with a word.
 */
const plainer = (text: string) =>
  text
    .replaceAll('it`s', 'it’s')
    .replace(/(^|\n)((?:>[ \t]?|[-+*][ \t]|\d+[.)][ \t]|[ \t]|%%[^%\n]*%%)*)<(?!div onclick)/gu, '$1$2x <');
export const unambiguous: fc.Arbitrary<Piece> = structuredNote.map(({ src, vis }) => ({
  src: plainer(src),
  vis: plainer(vis),
}));

/** Random text, alone or under an era heading so that it reaches the era walk. */
const randomNote: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '## A 2000\n\n', '---\ntitle: x\n---\n## B\n'), randomText)
  .map(([head, text]) => head + text);

/** Any note: mostly built from pieces, some random. */
export const anyNote: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: structuredNote.map((n) => n.src), weight: 4 },
  { arbitrary: randomNote, weight: 1 },
);
