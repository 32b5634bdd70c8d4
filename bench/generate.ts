/**
 * Synthetic Obsidian notes for the benchmark (and for tests that need a big
 * note). Deterministic: the same `{ entries, seed }` always gives the same
 * text, so timings from different runs measure the same input.
 *
 * Shape, after the default note `content/llm-history.md`:
 * - YAML frontmatter with a title;
 * - one `##` era per 100 entries, `## 第 3 章 Era Name 1990-1999`, with an
 *   italic intro paragraph under it;
 * - one `###` sub-period per 10 entries (`### 1990`, `### 1990-1991`, `### 1990s`);
 * - entries `Title（1997）：description` (CJK) or `Title (1997): description`
 *   (English) with bold, links, strike-through and inline code;
 * - blank lines now and then, which split a sub-period into groups;
 * - now and then a note line with no colon, which is not an entry.
 */

export interface GenerateOptions {
  /** How many entry lines the note has (note lines come on top). */
  entries: number;
  /** Seed of the pseudo-random choices. */
  seed?: number;
}

const ENTRIES_PER_ERA = 100;
const ENTRIES_PER_SUBPERIOD = 10;

/** Mulberry32: a tiny seeded PRNG, so the note needs no dependency and never changes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CJK_NAMES = ['模型', '框架', '数据集', '算法', '论文', '协议', '引擎', '平台', '系统', '语言'];
const CJK_PHRASES = [
  '广泛应用于机器翻译、语音识别和文本摘要等任务',
  '单元状态、隐藏状态、输入门、输出门和遗忘门',
  '对比学习配对图像和自然语言文本，奠定多模态研究的基础',
  '分块计算减少访存开销，并优化注意力计算的算法流程',
  '开源可本地部署是它的优势，社区也因此迅速壮大',
  '简单且扩展性强，此后各家厂商陆续跟进',
  '训练过程中处理各类异常也极其折磨，数据质量愈发重要',
  '提供丰富的用户社区，恰好也是提示工程最火的时代',
];
const EN_NAMES = [
  'Model',
  'Engine',
  'Protocol',
  'Dataset',
  'Compiler',
  'Framework',
  'Library',
  'Paper',
  'Benchmark',
  'Toolkit',
];
const EN_PHRASES = [
  'an encoder-only model trained to fill in the blanks and predict the next sentence',
  'a simple and scalable way to apply attention to images',
  'reduced memory traffic by computing attention in tiles',
  'brought low-code workflows to small teams, with plug-in modules',
  'made long-context training possible on a single consumer GPU',
  'unified every task as text in, text out',
  'a search engine and a chat model in one product, for a while',
  'showed that scale alone was not the whole story',
];
const ERA_NAMES = [
  'Prelude',
  '序曲',
  'Interlude',
  '间章',
  'Ripples',
  '波澜',
  'Sonata',
  '奏鸣',
  'Echoes',
  '回响',
  'The Quiet Years',
  '蓄势',
];
const NOTE_LINES = [
  '现在回顾，这一时期的大多数工作还主要停留在实验室里',
  'Looking back, most of this stayed in the lab for years',
  '此后又连续迭代了几个版本，更多关注的是底层硬件的适配',
  'None of this was obvious at the time',
];

/** One synthetic note with exactly `entries` entry lines. */
export function generateNote({ entries, seed = 1 }: GenerateOptions): string {
  if (!Number.isInteger(entries) || entries < 1)
    throw new RangeError(`generateNote: entries must be a positive integer, got ${entries}`);
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;

  const out: string[] = [
    '---',
    `title: "Synthetic timeline, ${entries} entries"`,
    'dg-publish: true',
    'tags: [bench, synthetic]',
    '---',
    '',
  ];

  const eraCount = Math.ceil(entries / ENTRIES_PER_ERA);
  let n = 0;
  for (let era = 0; era < eraCount; era++) {
    // Ten years per era from 1900: 100 eras end at 2899, still four digits.
    const from = 1900 + era * 10;
    out.push(`## 第 ${era + 1} 章 ${pick(ERA_NAMES)} ${from}-${from + 9}`, '');
    out.push(
      chance(0.5)
        ? `*第 ${era + 1} 章的引言，${pick(CJK_PHRASES)}，${pick(CJK_PHRASES)}。*`
        : `*An introduction to era ${era + 1}, where ${pick(EN_PHRASES)}.*`,
      '',
    );
    const inEra = Math.min(ENTRIES_PER_ERA, entries - n);
    for (let sub = 0; sub * ENTRIES_PER_SUBPERIOD < inEra; sub++) {
      const year = from + sub;
      const form = sub % 3;
      out.push(form === 0 ? `### ${year}` : form === 1 ? `### ${year}-${year + 1}` : `### ${year}s`, '');
      const inSub = Math.min(ENTRIES_PER_SUBPERIOD, inEra - sub * ENTRIES_PER_SUBPERIOD);
      for (let i = 0; i < inSub; i++) {
        n++;
        if (chance(0.04)) out.push(pick(NOTE_LINES));
        out.push(entryLine(n, year, pick, chance));
        // A blank line starts a new group within the sub-period.
        if (i < inSub - 1 && chance(0.15)) out.push('');
      }
      out.push('');
    }
  }
  return out.join('\n');
}

function entryLine(
  n: number,
  year: number,
  pick: <T>(list: readonly T[]) => T,
  chance: (p: number) => boolean,
): string {
  const url = `https://example.com/${n}`;
  const extras = (bold: string, link: string, strike: string) =>
    [
      chance(0.6) ? `**${bold}**` : '',
      chance(0.5) ? `[${link}](${url})` : '',
      chance(0.3) ? `~~${strike}~~` : '',
      chance(0.3) ? `\`code-${n}\`` : '',
    ].filter(Boolean);
  if (chance(0.55)) {
    const title = `${pick(CJK_NAMES)} ${n}${chance(0.8) ? `（${year}）` : ''}`;
    const bits = extras('粗体', '链接', '删除线');
    return `${title}：${pick(CJK_PHRASES)}${bits.length ? `，包含 ${bits.join('、')}` : ''}。${chance(0.4) ? pick(CJK_PHRASES) + '。' : ''}`;
  }
  const title = `${pick(EN_NAMES)} ${n}${chance(0.8) ? ` (${year})` : ''}`;
  const bits = extras('bold', 'link', 'strike');
  return `${title}: ${pick(EN_PHRASES)}${bits.length ? `, with ${bits.join(', ')}` : ''}.${chance(0.4) ? ' It ' + pick(EN_PHRASES).replace(/^an? /u, 'was a ') + '.' : ''}`;
}
