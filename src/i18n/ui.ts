/**
 * Interface words in the note's language. Chinese and English are written
 * out; any other language falls back to English words while the page keeps
 * the note's own `lang`.
 */
const zh = {
  skipToContent: '跳到正文',
  siteNav: '站点导航',
  home: '时间线',
  overview: '总览',
  chapters: '章节',
  chapter: (n: number) => `第 ${n} 章`,
  entryCount: (n: number) => `${n} 条`,
  readChapter: '阅读本章',
  /** After a few titles: how many entries the chapter holds in all. */
  andMore: (n: number) => `等 ${n} 条`,
  noEntries: '本章没有条目',
  previousChapter: '上一章',
  nextChapter: '下一章',
  backToTimeline: '返回时间线',
  created: '创建于',
  updated: '更新于',
  tags: '标签',
  /** The note in the author's digital garden (GARDEN_URL + permalink). */
  source: '原文',
  sourceLink: '在数字花园中阅读',
  linkToEntry: (title: string) => `本条链接：${title}`,
  axisTitle: '时间轴',
  axisDescription: (eras: number, entries: number) =>
    `${eras} 个章节，共 ${entries} 条。每个色带是一章，短竖线是条目，越高表示同一位置的条目越多。`,
  axisHere: '本章在时间线中的位置',
  openStart: '之前',
  ongoing: '至今',
  unknownEnd: '？',
  undated: '无年份',
  notFoundTitle: '找不到这一页',
  notFoundText: '链接可能已失效，或者这一章换了名字。',
  printedFrom: '打印自',
  separator: '：',
  search: '搜索',
  searchLabel: '搜索条目',
  searchPlaceholder: '搜索条目',
  searchKeyHint: '按 / 键搜索',
  searchLoading: '正在载入搜索…',
  searchUnavailable: '搜索暂时不可用',
  /** `{n}`: how many entries matched. */
  searchFoundOne: '找到 1 条',
  searchFoundMany: '找到 {n} 条',
  /** `{q}`: what the reader typed. */
  searchNone: '没有找到与“{q}”相关的条目',
  searchResults: '搜索结果',
} as const;

export type UiStrings = { [K in keyof typeof zh]: (typeof zh)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: UiStrings = {
  skipToContent: 'Skip to content',
  siteNav: 'Site',
  home: 'Timeline',
  overview: 'Overview',
  chapters: 'Chapters',
  chapter: (n) => `Chapter ${n}`,
  entryCount: (n) => (n === 1 ? '1 entry' : `${n} entries`),
  readChapter: 'Read the chapter',
  andMore: (n) => `(${n} in all)`,
  noEntries: 'This chapter has no entries',
  previousChapter: 'Previous chapter',
  nextChapter: 'Next chapter',
  backToTimeline: 'Back to the timeline',
  created: 'Created',
  updated: 'Updated',
  tags: 'Tags',
  source: 'Source',
  sourceLink: 'Read the original note',
  linkToEntry: (title) => `Link to this entry: ${title}`,
  axisTitle: 'Time axis',
  axisDescription: (eras, entries) =>
    `${eras} chapters, ${entries} entries. Each band is a chapter, each tick an entry; taller ticks stand for more entries in one place.`,
  axisHere: 'Where this chapter sits in the timeline',
  openStart: 'before',
  ongoing: 'now',
  unknownEnd: '?',
  undated: 'undated',
  notFoundTitle: 'Page not found',
  notFoundText: 'The link may be out of date, or the chapter may have been renamed.',
  printedFrom: 'Printed from',
  separator: ': ',
  search: 'Search',
  searchLabel: 'Search entries',
  searchPlaceholder: 'Search entries',
  searchKeyHint: 'Press / to search',
  searchLoading: 'Loading search…',
  searchUnavailable: 'Search is unavailable right now',
  searchFoundOne: '1 entry found',
  searchFoundMany: '{n} entries found',
  searchNone: 'No entries match “{q}”',
  searchResults: 'Search results',
};

/** The interface words for a BCP 47 language tag. */
export function ui(lang: string): UiStrings {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}
