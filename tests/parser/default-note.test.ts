/**
 * The note the site ships with, `content/llm-history.md`: what a reader of
 * the published site sees must match what the author wrote.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNote, type Entry, type Era } from '../../src/timeline/index.ts';
import { DEFAULT_NOTE, entries } from './support/helpers.ts';

const timeline = parseNote(readFileSync(DEFAULT_NOTE, 'utf8'), { file: 'content/llm-history.md' });
const era = (name: string): Era => timeline.eras.find((e) => e.name === name)!;
const entry = (title: string): Entry => entries(timeline).find((e) => e.title === title)!;
const entriesOf = (e: Era) => e.items.filter((i): i is Entry => i.kind === 'entry');

describe('default note: metadata', () => {
  it('reads the one-line JSON frontmatter', () => {
    expect(timeline.meta).toMatchObject({
      title: '大模型从零开始（零） 不完全断代史',
      tags: ['LLM', '保持期待'],
      created: '2025-02-22T21:55:25.761+08:00',
      updated: '2025-12-26T10:01:35.132+08:00',
      permalink: '/日常学习/技术学习/大模型从零开始（零） 不完全断代史/',
      publish: true,
    });
    // Unknown fields are kept, not fatal.
    expect(timeline.meta.frontmatter['noteIcon']).toBe('1');
  });

  it('detects Chinese as the language, as the note has no `lang`', () => {
    expect(timeline.meta.lang).toBe('zh-CN');
    expect(timeline.meta.langDetected).toBe(true);
  });

  it('has no H1 and no preface (the first `##` follows the frontmatter)', () => {
    expect(timeline.titleHeading).toBeNull();
    expect(timeline.preface).toBeNull();
  });

  it('warns only about 回响, the era with an intro and no entries', () => {
    expect(timeline.warnings).toHaveLength(1);
    expect(timeline.warnings[0]).toMatchObject({ file: 'content/llm-history.md', line: 98, column: 1 });
    expect(timeline.warnings[0]!.message).toContain('回响 2023-？？？？');
  });
});

describe('default note: eras', () => {
  it('has 6 eras in order with 48 entries in all', () => {
    expect(timeline.eras.map((e) => e.name)).toEqual(['前奏', '序曲', '间章', '波澜', '奏鸣', '回响']);
    expect(timeline.eras.map((e) => e.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries(timeline)).toHaveLength(48);
  });

  it.each([
    // open start: `2021 及之前`
    { name: '前奏', heading: '前奏 2021 及之前', from: null, to: 2021, fromOpen: true, toOpen: false, count: 10 },
    // a single year
    { name: '序曲', heading: '序曲 2022', from: 2022, to: 2022, fromOpen: false, toOpen: false, count: 6 },
    { name: '间章', heading: '间章 2023', from: 2023, to: 2023, fromOpen: false, toOpen: false, count: 14 },
    { name: '波澜', heading: '波澜 2024', from: 2024, to: 2024, fromOpen: false, toOpen: false, count: 13 },
    // open end: `2025 - 未来`
    { name: '奏鸣', heading: '奏鸣 2025 - 未来', from: 2025, to: null, fromOpen: false, toOpen: 'ongoing', count: 5 },
    // unknown end: `2023-？？？？`, intro only
    { name: '回响', heading: '回响 2023-？？？？', from: 2023, to: null, fromOpen: false, toOpen: 'unknown', count: 0 },
  ])('$heading: period and $count entries', ({ name, heading, from, to, fromOpen, toOpen, count }) => {
    const e = era(name);
    expect(e.heading).toBe(heading);
    expect(e.period).toMatchObject({ from, to, fromOpen, toOpen });
    expect(entriesOf(e)).toHaveLength(count);
    // Slugs keep the Chinese name: no pinyin, no period.
    expect(e.slug).toBe(name);
  });

  it.each([
    ['前奏', '前大模型时代'],
    ['序曲', '2022 年 11 月 30 日'],
    ['间章', 'ChatGPT 的成功'],
    ['波澜', '进入 2024'],
    ['奏鸣', '年初发布的 DeepSeek-R1'],
    ['回响', '大模型显然改变的不只是'],
  ])('%s: the italic paragraph under the heading is the intro, not a note', (name, start) => {
    const e = era(name);
    expect(e.intro?.text.startsWith(start)).toBe(true);
    // The intro is rendered without its emphasis wrapper and is not repeated as an item.
    expect(e.intro?.html).not.toMatch(/^<em>/u);
    expect(e.items.some((i) => i.kind === 'note' && i.content.text.startsWith(start))).toBe(false);
  });

  it('回响 has only its intro: no items at all', () => {
    expect(era('回响').items).toEqual([]);
  });
});

describe('default note: 前奏 and its sub-periods', () => {
  const items = era('前奏').items;

  it('has the sub-periods 1980s, 1997-2014 and 2017-2021, read as periods', () => {
    const subs = items.filter((i) => i.kind === 'subperiod');
    expect(subs.map((s) => [s.heading, s.period?.from, s.period?.to])).toEqual([
      ['1980s', 1980, 1989],
      ['1997-2014', 1997, 2014],
      ['2017-2021', 2017, 2021],
    ]);
  });

  it('keeps the 1980s line as a note right under its sub-period', () => {
    const index = items.findIndex((i) => i.kind === 'subperiod' && i.heading === '1980s');
    const next = items[index + 1];
    expect(next?.kind).toBe('note');
    expect(next?.kind === 'note' && next.content.text).toBe('自然语言处理（NLP）正式开始被系统性探索研究。');
  });

  it('places entries under the sub-period they follow', () => {
    const kinds = items.map((i) =>
      i.kind === 'entry' ? i.title : i.kind === 'subperiod' ? `### ${i.heading}` : i.kind,
    );
    expect(kinds).toEqual([
      '### 1980s',
      'note',
      '### 1997-2014',
      'LSTM',
      'Seq2Seq 模型',
      '### 2017-2021',
      'Transformer',
      'BERT',
      'GPT',
      'T5',
      'GPT2',
      'GPT3',
      'ViT',
      'CLIP',
    ]);
  });
});

describe('default note: entries', () => {
  it.each([
    // Years in full-width parentheses come off the title.
    ['LSTM', '1997'],
    ['Seq2Seq 模型', '2014'],
    ['Transformer', '2017'],
    ['BERT', '2018'],
    ['GPT', '2018'],
    ['T5', '2019'],
    ['GPT2', '2019'],
    ['GPT3', '2020'],
    ['ViT', '2020'],
    ['CLIP', '2021'],
  ])('%s is dated %s from its title', (title, year) => {
    const e = entry(title);
    expect(e.yearLabel).toBe(year);
    expect(e.dateSource).toBe('title');
    expect(e.date).toMatchObject({ from: Number(year), to: Number(year) });
  });

  it.each([
    // No year in the title: the era's period applies.
    ['ChatGPT/InstructGPT', 2022, 2022],
    ['Claude', 2023, 2023],
    ['Sora/可灵等', 2024, 2024],
    ['DeepSeek-R1', 2025, null],
  ])('%s takes its era’s period', (title, from, to) => {
    const e = entry(title);
    expect(e.yearLabel).toBeNull();
    expect(e.dateSource).toBe('era');
    expect(e.date).toMatchObject({ from, to });
  });

  it.each([
    ['ChatGPT-Prompts', 'https://github.com/PlexPt/awesome-chatgpt-prompts-zh'],
    // The parenthesis inside the link text stays in the title.
    ['AI Video Search Engine (AVSE)', 'https://avse.vercel.app/'],
  ])('the linked title %s keeps its URL as the entry link', (title, url) => {
    const e = entry(title);
    expect(e.link).toBe(url);
    // The title itself is not a link (the whole entry links to it).
    expect(e.titleHtml).not.toContain('<a');
  });

  it('keeps a parenthesis with no year in the title', () => {
    const e = entry('LLM Reasoning（o1/MCTS/rStaR 等）');
    expect(e).toBeDefined();
    expect(e.yearLabel).toBeNull();
    expect(e.description.text.startsWith('可解释性与 Post-Training')).toBe(true);
  });

  it('renders ~~strike~~ in Claude’s description as <del>', () => {
    expect(entry('Claude').description.html).toContain('<del>显然是西方世界</del>');
  });

  it('splits at the first full-width colon only: later colons stay in the description', () => {
    // `Flash Attention：Fast and Memory-Efficient…，此后…`
    expect(entry('Flash Attention').description.text.startsWith('Fast and Memory-Efficient Exact Attention')).toBe(
      true,
    );
    // An ASCII colon in the description (`16x16 Words: Transformers`) is no separator.
    expect(entry('ViT').description.text).toContain('16x16 Words: Transformers for Image Recognition');
  });

  it('gives every entry a unique, readable anchor id', () => {
    const ids = entries(timeline).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(entry('Seq2Seq 模型').id).toBe('seq2seq-模型');
    expect(entry('LSTM').id).toBe('lstm');
  });

  it('reports each entry at its line in the note', () => {
    expect(entry('LSTM').position).toEqual({ line: 16, column: 1 });
    expect(entry('硅基流动等').position).toEqual({ line: 96, column: 1 });
  });
});

describe('default note: notes and groups', () => {
  it('keeps `现在回顾，…` as a note at the end of 序曲', () => {
    const last = era('序曲').items.at(-1)!;
    expect(last.kind).toBe('note');
    expect(last.kind === 'note' && last.content.text.startsWith('现在回顾，无论是 MidJourney')).toBe(true);
  });

  it.each([
    // Blank lines split the entries of an era into groups.
    [
      '序曲',
      [
        ['ChatGPT/InstructGPT', 'Whisper'],
        ['Flash Attention', 'LoRA'],
        ['Midjourney', 'Stable Diffusion'],
      ],
    ],
    ['奏鸣', [['DeepSeek-R1', 'Claude3.7', 'ChatGPT4.5', 'ima/flowith'], ['硅基流动等']]],
  ])('%s keeps its blank-line groups of entries', (name, groups) => {
    const byGroup = new Map<number, string[]>();
    for (const e of entriesOf(era(name))) byGroup.set(e.group, [...(byGroup.get(e.group) ?? []), e.title]);
    expect([...byGroup.values()]).toEqual(groups);
  });

  it('puts the closing note of 序曲 in the same group as the entries above it', () => {
    const items = era('序曲').items;
    const note = items.at(-1)!;
    const sd = entry('Stable Diffusion');
    expect(note.group).toBe(sd.group);
  });
});
