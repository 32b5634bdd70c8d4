/**
 * Notes written with Obsidian's timeline plugins, as their users write them
 * (`tests/fixtures/shapes/plugins-<plugin>-<lang>/input.md`, in English,
 * Chinese and Japanese): Chronos (```chronos), George-debug's Timeline
 * (```timeline with `+` lines and ```timeline-labeled), the Timelines plugin
 * (`ob-timelines` spans and divs, and its render blocks) and `[!timeline]`
 * callouts (ITS Theme, FireIsGood's snippet, dated items).
 *
 * Each note's full reading is written from what a reader of the plugin's
 * rendering sees in Obsidian, not from the parser's output: the chapters,
 * every event with its date, title and description, what the plugin never
 * shows (left out, and said in `dropped`), no plugin block left on the page
 * as code or raw syntax, warnings only for real problems, and nothing of the
 * note lost. Where the parser reads otherwise, the test fails on purpose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatePoint, Entry, Period, Timeline } from '../../src/timeline/index.ts';
import { bodyText, comparable, entries, fixturePath, modelText, parseFixture } from './support/helpers.ts';

/**
 * An event as the plugin shows it: its date (`1492-10-12`, `356 BC`, a span
 * `1415/1460` or `1497-07-08/1499-07-10`), its title, its description (''
 * for none), and, for Chronos, the group (swimlane) it is drawn in.
 */
type PluginEvent = [date: string, title: string, description: string, group?: string];

interface PluginNote {
  /** The fixture, `tests/fixtures/shapes/<fixture>/input.md`. */
  fixture: string;
  /** The `#` heading that titles the note. */
  title: string;
  /** A piece of the preface (the text before the first chapter), or null for none. */
  preface: string | null;
  /** Each chapter: its heading as written, its period, its events in order. */
  chapters: Array<[heading: string, period: string | null, events: PluginEvent[]]>;
  /** Pieces of the note a reader sees as text, not as (part of) an event. */
  text: string[];
  /** What the plugin never shows: the line, and why (a pattern of the reason). */
  dropped: Array<[line: number, why: RegExp]>;
  /** The warnings a reader would want too (pieces of their messages); none by default. */
  warnings?: string[];
}

const notes: PluginNote[] = [
  /* ---------------- Chronos ---------------- */
  {
    // The shape most Chronos notes have: a title, a line of prose, the block, a sources section.
    fixture: 'plugins-chronos-en',
    title: 'The Age of Exploration',
    preface: "Reading notes for the book club's spring term.",
    // No heading above the block: the note is one chapter, named after it; `## Sources` (no
    // period, no events) is text in it.
    chapters: [
      [
        'The Age of Exploration',
        null,
        [
          // `@` a period, `#green` its colour (not text), `{Portugal}` its swimlane.
          ['1415/1460', "Henry the Navigator's patronage", '', 'Portugal'],
          [
            '1488',
            'Dias rounds the Cape of Good Hope',
            'the first European ship past the southern tip of Africa',
            'Portugal',
          ],
          ['1492-10-12', 'Columbus reaches the Bahamas', 'landfall on an island the Taíno called Guanahani', 'Spain'],
          // `=` a marker line, named.
          ['1494-06-07', 'Treaty of Tordesillas', ''],
          [
            '1497-07-08/1499-07-10',
            "Vasco da Gama's first voyage to India",
            'by way of the Cape to Calicut and back',
            'Portugal',
          ],
          ['1500-04-22', 'Cabral sights Brazil', '', 'Portugal'],
          ['1519-09-20/1522-09-06', 'Magellan–Elcano expedition', 'only the Victoria and eighteen men return', 'Spain'],
          // `*` a point, with its description.
          ['1521-04-27', 'Magellan killed at Mactan', 'in the Philippines'],
        ],
      ],
    ],
    text: [
      'Cabral, Magellan and Elcano are the names that came up most in our discussion.',
      'Sources',
      'Pathfinders: A Global History of Exploration',
      'Conquerors: How Portugal Forged the First Global Empire',
    ],
    dropped: [
      [11, /ORDERBY.*setting/u],
      [12, /Chronos comment/u],
    ],
  },
  {
    fixture: 'plugins-chronos-zh',
    title: '秦的统一',
    preface: '读《史记·秦始皇本纪》时整理。',
    chapters: [
      [
        '战国时代',
        null,
        [
          // Negative years are before Christ (`[-550~-20]` is 550 ~ 20 BCE in Chronos's README).
          ['475 BC/221 BC', '战国', ''],
          ['356 BC', '商鞅第一次变法', '秦孝公任用商鞅，奖励耕战', '秦'],
          ['260 BC', '长平之战', '白起大破赵军', '秦'],
          ['230 BC', '秦灭韩', '六国中最先灭亡', '秦'],
          ['221 BC', '秦统一六国', '嬴政自称始皇帝', '秦'],
        ],
      ],
      [
        '秦朝',
        null,
        [
          ['213 BC', '焚书', ''],
          ['210 BC', '秦始皇在沙丘病逝', ''],
          ['209 BC', '大泽乡起义', '陈胜、吴广揭竿而起', '楚'],
          ['207 BC', '秦亡', '子婴向刘邦投降'],
        ],
      ],
    ],
    text: ['秦朝二世而亡，前后只有十五年。'],
    dropped: [
      [12, /NOTODAY.*setting/u],
      [23, /Chronos comment/u],
    ],
  },
  {
    fixture: 'plugins-chronos-ja',
    title: '幕末の動乱',
    preface: 'ペリー来航から戊辰戦争までの流れ。',
    chapters: [
      [
        '年表',
        null,
        [
          ['1853-07-08', 'ペリー艦隊が浦賀沖に来航', '4隻の黒船が江戸湾の入口に現れる'],
          ['1854-03-31', '日米和親条約', '下田と箱館を開港', '幕府'],
          ['1858/1859', '安政の大獄', '', '幕府'],
          ['1860-03-24', '桜田門外の変', '大老井伊直弼が水戸浪士らに暗殺される'],
          ['1867-11-09', '大政奉還', '徳川慶喜が政権を朝廷に返上', '幕府'],
          ['1868-01-03', '王政復古の大号令', ''],
          ['1868-01-27/1869-06-27', '戊辰戦争', '鳥羽・伏見の戦いから箱館戦争まで'],
        ],
      ],
    ],
    text: ['メモ', '和暦との対応は別のノートにまとめる。'],
    dropped: [
      [8, /HEIGHT.*setting/u],
      [9, /Chronos comment/u],
    ],
  },

  /* ---------------- George-debug's Timeline ---------------- */
  {
    fixture: 'plugins-timeline-en',
    title: 'The Space Race',
    preface: 'A few milestones for the astronomy club',
    chapters: [
      [
        // ```timeline: `+` lines three by three, date, title, content.
        'Firsts in orbit',
        null,
        [
          [
            '1957-10-04',
            'Sputnik 1',
            'The Soviet Union launches the first artificial satellite. Its radio beeps are picked up by amateurs around the world.',
          ],
          [
            '1961-04-12',
            'Vostok 1',
            'Yuri Gagarin becomes the first human in space, completing one orbit in 108 minutes.',
          ],
          ['1962-02-20', 'Friendship 7', 'John Glenn is the first American to orbit the Earth.'],
        ],
      ],
      [
        // ```timeline-labeled: `date:`, `title:`, `content:`.
        'To the Moon',
        null,
        [
          [
            '1965-03-18',
            'First spacewalk',
            'Alexei Leonov spends twelve minutes outside Voskhod 2 and barely fits back through the hatch.',
          ],
          // `<br>` breaks the line.
          [
            '1968-12-24',
            'Apollo 8',
            'The first crewed flight around the Moon. The crew reads from Genesis on Christmas Eve.',
          ],
          // The date as the plugin's README writes one, a time of day first (`16:30<br> 29th June 2000`).
          [
            '1969-07-20',
            'Apollo 11 lands on the Moon',
            'Armstrong and Aldrin land the Eagle in the Sea of Tranquility while Collins stays in orbit.',
          ],
        ],
      ],
    ],
    text: ['The Apollo–Soyuz handshake in orbit is still to be added to the poster.'],
    // `[line-3, body-2]`: the wrapper's CSS classes, never shown.
    dropped: [[12, /CSS classes/u]],
  },
  {
    fixture: 'plugins-timeline-zh',
    title: '辛亥革命',
    preface: '课堂笔记',
    chapters: [
      [
        '起义',
        null,
        [
          ['1911-04-27', '黄花岗起义', '黄兴率领同盟会会员进攻两广总督署，起义失败，事后收殓烈士遗骸七十二具。'],
          ['1911-10-10', '武昌起义', '新军工程营打响第一枪，次日成立湖北军政府。'],
          ['1911-12-29', '选举临时大总统', '十七省代表在南京选举孙中山为临时大总统。'],
        ],
      ],
      [
        '民国成立',
        null,
        [
          ['1912-01-01', '中华民国成立', '孙中山在南京就任临时大总统。'],
          ['1912-02-12', '清帝退位', '隆裕太后颁布退位诏书，宣统帝溥仪退位。'],
          // The content runs over two lines.
          ['1912-03-10', '袁世凯就任', '袁世凯在北京就任临时大总统，次日公布《中华民国临时约法》。'],
        ],
      ],
    ],
    text: ['以上日期均为公历。'],
    dropped: [],
  },
  {
    fixture: 'plugins-timeline-ja',
    title: '戦国時代の終わり',
    preface: '授業のまとめ。',
    chapters: [
      [
        '鉄砲とキリスト教',
        null,
        [
          ['1543', '鉄砲伝来', '種子島に漂着したポルトガル人が火縄銃を伝える。'],
          ['1549-08-15', 'ザビエル来日', 'フランシスコ・ザビエルが鹿児島に上陸し、キリスト教を伝える。'],
        ],
      ],
      [
        '天下統一',
        null,
        [
          ['1560', '桶狭間の戦い', '織田信長が今川義元を討つ。'],
          ['1575', '長篠の戦い', '織田・徳川連合軍が鉄砲隊で武田勝頼を破る。'],
          ['1582', '本能寺の変', '明智光秀が京都の本能寺で信長を襲う。'],
          ['1590', '小田原征伐', '豊臣秀吉が北条氏を降し、天下統一を果たす。'],
          // A year with its era name in brackets, as Japanese notes write it: 1600.
          ['1600', '関ヶ原の戦い', '徳川家康の東軍が石田三成らの西軍を破る。'],
        ],
      ],
    ],
    text: [],
    dropped: [[8, /CSS classes/u]],
  },

  /* ---------------- The Timelines plugin ---------------- */
  {
    fixture: 'plugins-obtimelines-en',
    title: 'The First World War',
    preface: 'Notes for the 1914–1918 unit.',
    chapters: [
      [
        '1914',
        '1914',
        [
          // Darakah's spans: `data-date` YEAR-MONTH-DAY-HOUR, `data-end`.
          [
            '1914-06-28',
            'Assassination in Sarajevo',
            'Gavrilo Princip shoots Archduke Franz Ferdinand and his wife Sophie.',
          ],
          ['1914-09-06/1914-09-12', 'First Battle of the Marne', 'The German advance on Paris is stopped.'],
        ],
      ],
      [
        '1916–1917',
        '1916/1917',
        [
          // seanlowe's divs: `data-start-date`, `data-end-date`, the attributes over several lines.
          ['1916-02-21/1916-12-18', 'Battle of Verdun', 'The longest battle of the war.'],
          ['1916-07-01/1916-11-18', 'Battle of the Somme', 'Nearly 60,000 British casualties on the first day.'],
          ['1917-04-06', 'United States enters the war', ''],
          ['1917-11-07', 'October Revolution', 'The Bolsheviks seize power in Petrograd.'],
        ],
      ],
      [
        '1918',
        '1918',
        [
          // The hour (`-11`) is not shown.
          [
            '1918-11-11',
            'Armistice of Compiègne',
            "Fighting stops at eleven o'clock on the eleventh day of the eleventh month.",
          ],
        ],
      ],
    ],
    // The line that introduces the class timeline is no event of 1918: the author's events are the spans.
    text: ['The class timeline, built from every note tagged ww1'],
    // ```timeline-vis draws the events of every note tagged `ww1`.
    dropped: [[42, /render block/u]],
  },
  {
    fixture: 'plugins-obtimelines-zh',
    title: '两汉',
    preface: null,
    chapters: [
      [
        '西汉',
        null,
        [
          ['202 BC', '刘邦称帝', '楚汉战争结束，西汉建立，定都长安。'],
          ['154 BC', '七国之乱', '吴王刘濞联合六国起兵，三个月内被平定。'],
          // `data-era="BC"`: 138 BC to 126 BC.
          ['138 BC/126 BC', '张骞出使西域', '历时十三年，打通了通往西域的道路。'],
          ['119 BC', '漠北之战', '卫青、霍去病大败匈奴。'],
        ],
      ],
      [
        '新朝与东汉',
        null,
        [
          ['9', '王莽建立新朝', '西汉灭亡。'],
          ['25', '刘秀称帝', '东汉建立，定都洛阳。'],
          ['184', '黄巾起义', '张角以“苍天已死，黄天当立”号召起事。'],
        ],
      ],
    ],
    text: ['东汉末年的事件见《三国》笔记。'],
    // Darakah's ```timeline of tags: the events of every note tagged 汉朝 and 大事记.
    dropped: [[32, /render block/u]],
  },
  {
    fixture: 'plugins-obtimelines-ja',
    title: '源平の争乱',
    preface: '平氏の台頭から鎌倉幕府の成立まで。',
    chapters: [
      [
        '平氏政権',
        null,
        [
          ['1156', '保元の乱', '後白河天皇方が崇徳上皇方を破る。'],
          ['1159', '平治の乱', '平清盛が源義朝を破る。'],
          ['1167', '平清盛が太政大臣となる', '武士として初めて太政大臣に任じられる。'],
        ],
      ],
      [
        '治承・寿永の乱',
        null,
        [
          ['1180/1185', '治承・寿永の乱', ''],
          ['1180', '以仁王の挙兵', '平氏打倒を呼びかける令旨が諸国の源氏に届く。'],
          ['1185', '壇ノ浦の戦い', '平氏が滅亡する。'],
        ],
      ],
      ['鎌倉幕府', null, [['1192', '源頼朝が征夷大将軍となる', '']]],
    ],
    text: ['鎌倉幕府の成立年には諸説ある。'],
    // seanlowe's ```ob-timeline, above the first chapter as its guide shows it.
    dropped: [[11, /render block/u]],
  },

  /* ---------------- `[!timeline]` callouts ---------------- */
  {
    // ITS Theme: `> [!timeline|t-l] **Title** _date_`, left and right of the line.
    fixture: 'plugins-callout-en',
    title: 'The Roman Republic',
    preface: "Key moments, laid out with the ITS theme's timeline callouts.",
    chapters: [
      [
        'History',
        null,
        [
          [
            '509 BC',
            'Founding of the Republic',
            'The last king, Tarquin the Proud, is expelled and two consuls are elected each year.',
          ],
          ['390 BC', 'Sack of Rome', 'Gauls under Brennus defeat the Roman army at the Allia and sack the city.'],
          ['264 BC/241 BC', 'First Punic War', 'Rome builds its first fleet and takes Sicily from Carthage.'],
          ['146 BC', 'Destruction of Carthage', 'Scipio Aemilianus razes the city at the end of the Third Punic War.'],
          ['49 BC-01-10', 'Caesar crosses the Rubicon', '"The die is cast." Civil war begins.'],
          [
            '44 BC-03-15',
            'Assassination of Caesar',
            'Caesar is stabbed in the Theatre of Pompey on the Ides of March.',
          ],
        ],
      ],
    ],
    text: ['Notes', 'The dates of the early Republic are traditional rather than certain.'],
    dropped: [],
  },
  {
    // FireIsGood's snippet: the title (large, left of the line) is the date, a heading opens the card.
    fixture: 'plugins-callout-zh',
    title: '郑和下西洋',
    preface: '明成祖派郑和率领船队七次远航',
    chapters: [
      [
        '七次航行',
        null,
        [
          // `1405年—1407年`: the dash joins the ends of a range, as Chinese writes them.
          ['1405/1407', '第一次', '船队从苏州刘家港出发，经占城、爪哇，到达古里。'],
          ['1407/1409', '第二次', '送各国使节回国，再到古里。'],
          ['1409/1411', '第三次', '在锡兰与当地国王发生冲突。'],
          ['1413/1415', '第四次', '首次越过印度，到达忽鲁谟斯。'],
          ['1417/1419', '第五次', '船队到达东非的麻林。'],
          ['1421/1422', '第六次', ''],
          ['1431/1433', '第七次', '最后一次远航，郑和在归途中去世。'],
        ],
      ],
    ],
    text: ['参考', '《明史·郑和传》'],
    dropped: [],
  },
  {
    // A callout of dated items (`- **1600年** — …`), then two ITS callouts.
    fixture: 'plugins-callout-ja',
    title: '江戸幕府の成立',
    preface: '関ヶ原から鎖国までをタイムラインのコールアウトで整理した。',
    chapters: [
      [
        '関ヶ原から鎖国まで',
        null,
        [
          ['1600', '関ヶ原の戦い', '徳川家康の東軍が石田三成らの西軍を破る。'],
          ['1603', '家康が征夷大将軍に任じられ、江戸に幕府を開く', ''],
          ['1615', '大坂夏の陣', '豊臣氏が滅亡し、武家諸法度が定められる。'],
          ['1635', '参勤交代の制度化', ''],
          ['1637/1638', '島原・天草一揆', '天草四郎時貞を総大将とする一揆が原城に籠城する。'],
          ['1639', 'ポルトガル船の来航禁止', 'いわゆる鎖国体制が完成する。'],
        ],
      ],
    ],
    // The items' callout's title is text above them.
    text: ['徳川の天下', '参考', '『日本の歴史』江戸開府の巻'],
    dropped: [],
  },
];

/* ---------------- Reading the model ---------------- */

/** A year as a reader writes it: 509 BC for the astronomical -508. */
const year = (astronomical: number) => (astronomical <= 0 ? `${1 - astronomical} BC` : String(astronomical));
const pad = (n: number) => String(n).padStart(2, '0');

/** One end of a period: a year, month or day. */
function end(point: DatePoint | null): string {
  if (!point) return '';
  let out = year(point.year);
  if (point.month !== null) out += `-${pad(point.month)}`;
  if (point.day !== null) out += `-${pad(point.day)}`;
  return out;
}

/** A period as the expectations write it: `1848-03-13`, `1948/1949`, `509 BC/264 BC`. */
function dateOf(period: Period | null): string | null {
  if (!period) return null;
  const start = end(period.start);
  const last = end(period.end);
  return start === last ? start : `${start}/${last}`;
}

/** Text with its whitespace as a reader sees it: runs of it one space, none beside Chinese or Japanese. */
const spaced = (text: string) =>
  text
    .replace(/\s+/gu, ' ')
    .replace(/ ?([\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]) ?/gu, '$1')
    .trim();

/**
 * An entry written the way `expected` is: `date | title | description`. A
 * Chronos group is shown with the description (before or after it).
 */
function reading(entry: Entry, expected?: PluginEvent): string {
  const date = dateOf(entry.date) ?? 'undated';
  let description = spaced(entry.description.text);
  const [, , text, group] = expected ?? [];
  if (group) {
    const withGroup = [spaced(`${text} ${group}`), spaced(`${group} ${text}`)];
    if (withGroup.includes(description)) description = spaced(`${text} {${group}}`);
  }
  return `${date} | ${entry.title} | ${description}`;
}

/** An expected event written like {@link reading}. */
const written = ([date, title, text, group]: PluginEvent) =>
  `${date} | ${title} | ${group ? spaced(`${text} {${group}}`) : spaced(text)}`;

/** The note's text that is not an event: preface, intros, notes, kept blocks, sub-period headings. */
function textPieces(timeline: Timeline): string[] {
  const pieces = [timeline.preface?.text ?? ''];
  for (const era of timeline.eras) {
    pieces.push(era.intro?.text ?? '');
    for (const item of era.items) {
      if (item.kind === 'note' || item.kind === 'block') pieces.push(item.content.text);
      else if (item.kind === 'subperiod') pieces.push(item.heading);
    }
  }
  return pieces.filter(Boolean);
}

/* ---------------- What a reader of the plugins sees of a note ---------------- */

/**
 * Lines a plugin shows as raw syntax when it is left as text: a `[!timeline]`
 * marker, an `ob-timelines` element, a Chronos item, a `+` field, a
 * `date:`/`title:`/`content:` label, a render block's `key=value`.
 */
const RAW_SYNTAX =
  /\[!timeline|ob-timelines|data-(?:start-)?date|^\s*[-@*=] ?\[[^\]]*\]|^\s*\+ |^\s*(?:date|title|content):|^\s*tags=/mu;

/**
 * A Chronos block as its reader sees it, one paragraph per item: the date
 * (`~` between the ends), the name, the description (after the first `|`),
 * then the group (`{Group}`, drawn as the swimlane's label). The item's type
 * character, the brackets and a `#color` are syntax; `#` comments and `>`
 * flags are never shown (the test checks they are in `dropped`).
 */
function chronosShown(value: string): string {
  const item = /^[-@*=]\s*\[([^\]]*)\]\s*(?:#\w+\s+)?(?:\{([^}]*)\}\s*)?(.*)$/u;
  return value
    .split('\n')
    .map((line) => {
      const m = item.exec(line.trim());
      if (!m) return '';
      const [, date, group, rest] = m;
      const bar = rest!.indexOf('|');
      const [name, description] = bar < 0 ? [rest!, ''] : [rest!.slice(0, bar), rest!.slice(bar + 1)];
      return [date!.replace('~', ' '), name, description, group ?? ''].join(' ');
    })
    .filter(Boolean)
    .join('\n\n');
}

/**
 * A George-debug block as its reader sees it: each field (after a `+`, or a
 * `date:`/`title:`/`content:` label) a Markdown paragraph; the `[classes]`
 * list before the first field is never shown (checked in `dropped`).
 */
function georgeShown(lang: string, value: string): string {
  const field = lang === 'timeline' ? /^\s*\+ ?/u : /^\s*(?:date|title|content):[ \t]?/iu;
  const lines = value.split('\n');
  const first = lines.findIndex((line) => field.test(line));
  return lines
    .slice(first)
    .map((line) => (field.test(line) ? `\n${line.replace(field, '')}` : line))
    .join('\n');
}

/** A Timelines plugin date as it shows it: YEAR-MONTH-DAY without the hour, zero parts at the right left out. */
function timelinesDate(date: string): string {
  const [, sign, rest] = /^(-?)(.*)$/u.exec(date.trim())!;
  const parts = rest!.split('-').slice(0, 3);
  while (parts.length > 1 && Number(parts[parts.length - 1]) === 0) parts.pop();
  return sign + parts.join('-');
}

/**
 * An `ob-timelines` element as the plugin's timeline shows it: its date and
 * end (and `data-era`), its `data-title`, then its text; the other
 * attributes (`data-type`, `data-color`, `data-class`…) are styling.
 */
function obTimelinesShown(source: string): string {
  return source.replace(
    /<(span|div)\b([^>]*\bclass=(["'])ob-timelines\3[^>]*)>([\s\S]*?)<\/\1>/gu,
    (_whole, _tag: string, attributes: string, _quote: string, content: string) => {
      const attrs = new Map(
        [...attributes.matchAll(/\b(data-[\w-]+)\s*=\s*(["'])([\s\S]*?)\2/gu)].map((m) => [m[1]!, m[3]!]),
      );
      const start = attrs.get('data-start-date') ?? attrs.get('data-date') ?? '';
      const stop = attrs.get('data-end-date') ?? attrs.get('data-end') ?? '';
      const shown = [timelinesDate(start), stop && timelinesDate(stop), attrs.get('data-era') ?? ''];
      shown.push(attrs.get('data-title') ?? '', content.replace(/\s+/gu, ' ').trim());
      return `\n\n${shown.filter(Boolean).join(' ')}\n\n`;
    },
  );
}

/**
 * A `[!timeline]` callout's first line as its reader sees it: the marker
 * (`[!timeline|t-l]`, a fold sign) is syntax; ITS writes the date in the
 * subtitle after the title (`**Title** _date_`), which the page shows first.
 */
function calloutShown(source: string): string {
  return source.replace(/^(>\s*)\[!timeline[^\]]*\][+-]?[ \t]*(.*)$/gmu, (_whole, prefix: string, title: string) => {
    const its = /^\*\*(.+?)\*\*\s+([_*])(.+?)\2\s*$/u.exec(title);
    return prefix + (its ? `${its[3]} **${its[1]}**` : title);
  });
}

/**
 * The note as its reader sees it, as Markdown: each plugin's syntax turned
 * into the text its rendering shows, in the order the page shows an event
 * (date, title, description); render blocks (which draw other notes) left
 * out, as the test checks in `dropped`.
 */
function shown(source: string): string {
  const blocks = source.replace(
    /^```(chronos|timeline|timeline-labeled|timeline-vis|ob-timeline)\n([\s\S]*?)\n```$/gmu,
    (_whole, lang: string, value: string) => {
      if (lang === 'chronos') return chronosShown(value);
      if (lang === 'timeline-labeled' || (lang === 'timeline' && /^\s*\+/mu.test(value)))
        return georgeShown(lang, value);
      return '';
    },
  );
  return calloutShown(obTimelinesShown(blocks));
}

/** The era words a date is written with (`356 BC`, `AD 9`): the page may add them to a year the plugin writes `-356`. */
// Pieces are joined without spaces (`509 BC` + `Founding…`): an era mark may run into the next word.
const withoutEra = (text: string) => text.replace(/\b(?:BC|AD)(?![a-z])/gu, '');

/* ---------------- The tests ---------------- */

describe.each(notes)('$fixture', (note) => {
  const name = `shapes/${note.fixture}`;
  const source = readFileSync(fixturePath(name), 'utf8');
  const timeline = parseFixture(name);

  it('finds the title and the preface', () => {
    expect(timeline.titleHeading).toBe(note.title);
    if (note.preface === null) expect(timeline.preface).toBeNull();
    else expect(timeline.preface?.text).toContain(note.preface);
  });

  it('reads its chapters', () => {
    expect(timeline.eras.map((era) => [era.heading, dateOf(era.period)])).toEqual(
      note.chapters.map(([heading, period]) => [heading, period]),
    );
  });

  it('reads every event of the plugin, with its date, title and description', () => {
    const expected = note.chapters.map(([heading, , events]) => [heading, events.map(written)]);
    const read = timeline.eras.map((era, i) => {
      const events = note.chapters[i]?.[2] ?? [];
      const found = era.items.filter((item): item is Entry => item.kind === 'entry');
      return [era.heading, found.map((entry, j) => reading(entry, events[j]))];
    });
    expect(read).toEqual(expected);
    expect(entries(timeline)).toHaveLength(note.chapters.reduce((n, [, , events]) => n + events.length, 0));
  });

  it('shows each event as the plugin’s, dated by the plugin', () => {
    for (const entry of entries(timeline) as Entry[]) {
      expect(entry.shape, entry.title).toBe('block');
      expect(entry.dateSource, entry.title).toBe('title');
    }
  });

  it('leaves no plugin block on the page as code or raw syntax', () => {
    const items = timeline.eras.flatMap((era) => era.items);
    expect(items.filter((item) => item.kind === 'block' && item.type === 'code')).toEqual([]);
    // A callout read as events is not shown as a callout too; an element read is not kept as HTML.
    expect(items.filter((item) => item.kind === 'block' && ['blockquote', 'html'].includes(item.type))).toEqual([]);
    expect(timeline.preface?.html ?? '').not.toMatch(/<pre\b|<code\b/u);
    for (const piece of textPieces(timeline)) expect(piece).not.toMatch(RAW_SYNTAX);
  });

  it('keeps what is not an event as text', () => {
    const pieces = textPieces(timeline);
    const events = (entries(timeline) as Entry[]).map((entry) => `${entry.title}\n${entry.description.text}`);
    for (const text of note.text) {
      expect(
        pieces.some((piece) => piece.includes(text)),
        `kept as text: ${text}`,
      ).toBe(true);
      expect(
        events.find((event) => event.includes(text)),
        `not an event: ${text}`,
      ).toBeUndefined();
    }
  });

  it('leaves out what the plugin never shows, and says why', () => {
    expect(timeline.dropped.map((d) => [d.line, d.why])).toEqual(
      note.dropped.map(([line, why]) => [line, expect.stringMatching(why)]),
    );
  });

  it('warns only about real problems', () => {
    expect(timeline.warnings.map((warning) => `${warning.line}: ${warning.message}`)).toEqual(
      (note.warnings ?? []).map((message) => expect.stringContaining(message)),
    );
  });

  it('loses nothing', () => {
    // A note with no chapter heading is one chapter named after the note: that name is not in its text again.
    const [only] = note.chapters;
    const named = note.chapters.length === 1 && only![0] === note.title && timeline.eras.length === 1;
    const eras = timeline.eras.map((era) => (named && era.heading === note.title ? { ...era, heading: '' } : era));
    const model = comparable(withoutEra(modelText({ ...timeline, eras })));
    const body = comparable(withoutEra(bodyText(shown(source))));
    expect(body.length).toBeGreaterThan(0);
    expect(model).toBe(body);
  });
});
