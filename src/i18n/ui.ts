/**
 * Interface words in the note's language. Simplified and Traditional
 * Chinese, Japanese and English are written out; any other language falls
 * back to English words while the page keeps the note's own `lang`.
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
  /** The overview's list of chapters. */
  contents: '目录',
  /** The phone header's button that shows the site's pages. */
  menu: '菜单',
  /** A long chapter's own contents, and the way back up. */
  chapterContents: '本章目录',
  backToTop: '回到顶部',
  /** Every chapter, on an era page whose axis shows only those around it. */
  allChapters: (n: number) => `全部 ${n} 章`,
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
    `${eras} 个章节，共 ${entries} 条，按时间比例绘制。每个色带是一章，时间重叠的章节分行排列；色带下的短竖线是条目，越长表示同一位置的条目越多；折线处省去了一段没有事件的年份。`,
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
  /** Before the links to the exports (`/timeline.json`, `/timeline.mw`). */
  exports: '导出：',
  exportTimelineJs: 'TimelineJS',
  exportMarkwhen: '在 Markwhen 中打开',
  poster: '海报',
  /** The poster drawing's name and what it shows, for screen readers. */
  posterTitle: '整条时间线的一页海报',
  posterDescription: (eras: number, entries: number) =>
    `${eras} 个章节按时间排成色带，${entries} 个条目按日期排在色带上下的行中（圆点是某一天，横条是一整年、十年或一个世纪）；画出的每个条目都是一个链接，按原文顺序排列。`,
  /** The scrolling region around the drawing. */
  posterRegion: '时间线海报，可横向滚动',
  /** A crowded poster says what it left out and where to read it. */
  posterShown: (shown: number, total: number) =>
    `海报显示 ${total} 条中的 ${shown} 条（每章与每个小节的第一条，其余在全文中均匀选取），其余 ${total - shown} 条见`,
  posterUnnamed: (unnamed: number) =>
    `另有 ${unnamed} 个章节的名称放不下，只画出色带（悬停可见名称；总览列出全部章节）。`,
  /** Chapters with no entries that the sheet had no free row for. */
  posterEmptyEras: '没有条目、海报上未画出的章节：',
  listSeparator: '、',
  /** Shown above the drawing where it is wider than the window. */
  posterScrollHint: '海报比窗口宽，可左右滑动查看整张。',
  downloadPdf: '下载 PDF',
} as const;

export type UiStrings = {
  [K in keyof typeof zh]: (typeof zh)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

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
  contents: 'Contents',
  menu: 'Menu',
  chapterContents: 'In this chapter',
  backToTop: 'Back to top',
  allChapters: (n) => `All ${n} chapters`,
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
    `${eras} chapters, ${entries} entries, drawn to scale. Each band is a chapter, chapters that overlap in time on rows of their own; each tick under a band is an entry, longer ticks stand for more entries in one place; a zigzag marks years left out where nothing happens.`,
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
  exports: 'Export: ',
  exportTimelineJs: 'TimelineJS',
  exportMarkwhen: 'open in Markwhen',
  poster: 'Poster',
  posterTitle: 'The whole timeline on one sheet',
  posterDescription: (eras, entries) =>
    `${eras} chapters as bands along time, ${entries} entries in rows above and below them at their dates (a dot for a day, a bar for a whole year, decade or century); each entry drawn is a link, in the note's order.`,
  posterRegion: 'Timeline poster, scrolls sideways',
  posterShown: (shown, total) =>
    `The poster shows ${shown} of ${total} entries (the first of each chapter and sub-period, the rest sampled evenly through the note); all ${total} are on the`,
  posterUnnamed: (unnamed) =>
    `${unnamed} more chapters are drawn as bands without their names, for want of room (hovering shows them; the overview lists every chapter).`,
  posterEmptyEras: 'Chapters without entries, not drawn on the sheet: ',
  listSeparator: ', ',
  posterScrollHint: 'The sheet is wider than the window: scroll sideways to see all of it.',
  downloadPdf: 'Download the PDF',
};

/** Traditional Chinese (Taiwan, Hong Kong usage): 時間線, 總覽, 搜尋. */
const zhHant: UiStrings = {
  skipToContent: '跳到正文',
  siteNav: '網站導覽',
  home: '時間線',
  overview: '總覽',
  chapters: '章節',
  chapter: (n) => `第 ${n} 章`,
  entryCount: (n) => `${n} 條`,
  readChapter: '閱讀本章',
  andMore: (n) => `等 ${n} 條`,
  noEntries: '本章沒有條目',
  contents: '目錄',
  menu: '選單',
  chapterContents: '本章目錄',
  backToTop: '回到頂部',
  allChapters: (n) => `全部 ${n} 章`,
  previousChapter: '上一章',
  nextChapter: '下一章',
  backToTimeline: '返回時間線',
  created: '建立於',
  updated: '更新於',
  tags: '標籤',
  source: '原文',
  sourceLink: '在數位花園中閱讀',
  linkToEntry: (title) => `本條連結：${title}`,
  axisTitle: '時間軸',
  axisDescription: (eras, entries) =>
    `${eras} 個章節，共 ${entries} 條，按時間比例繪製。每個色帶是一章，時間重疊的章節分行排列；色帶下的短豎線是條目，越長表示同一位置的條目越多；折線處省去了一段沒有事件的年份。`,
  axisHere: '本章在時間線中的位置',
  openStart: '之前',
  ongoing: '至今',
  unknownEnd: '？',
  undated: '無年份',
  notFoundTitle: '找不到這一頁',
  notFoundText: '連結可能已失效，或者這一章換了名字。',
  printedFrom: '列印自',
  separator: '：',
  search: '搜尋',
  searchLabel: '搜尋條目',
  searchPlaceholder: '搜尋條目',
  searchKeyHint: '按 / 鍵搜尋',
  searchLoading: '正在載入搜尋…',
  searchUnavailable: '搜尋暫時無法使用',
  searchFoundOne: '找到 1 條',
  searchFoundMany: '找到 {n} 條',
  searchNone: '沒有找到與「{q}」相關的條目',
  searchResults: '搜尋結果',
  exports: '匯出：',
  exportTimelineJs: 'TimelineJS',
  exportMarkwhen: '在 Markwhen 中開啟',
  poster: '海報',
  posterTitle: '整條時間線的一頁海報',
  posterDescription: (eras, entries) =>
    `${eras} 個章節依時間排成色帶，${entries} 個條目依日期排在色帶上下的行中（圓點是某一天，橫條是一整年、十年或一個世紀）；畫出的每個條目都是一個連結，依原文順序排列。`,
  posterRegion: '時間線海報，可橫向捲動',
  posterShown: (shown, total) =>
    `海報顯示 ${total} 條中的 ${shown} 條（每章與每個小節的第一條，其餘在全文中平均選取），其餘 ${total - shown} 條見`,
  posterUnnamed: (unnamed) => `另有 ${unnamed} 個章節的名稱放不下，只畫出色帶（懸停可見名稱；總覽列出全部章節）。`,
  posterEmptyEras: '沒有條目、海報上未畫出的章節：',
  listSeparator: '、',
  posterScrollHint: '海報比視窗寬，可左右滑動查看整張。',
  downloadPdf: '下載 PDF',
};

const ja: UiStrings = {
  skipToContent: '本文へ移動',
  siteNav: 'サイト',
  home: '年表',
  overview: '一覧',
  chapters: '章',
  chapter: (n) => `第${n}章`,
  entryCount: (n) => `${n}件`,
  readChapter: 'この章を読む',
  andMore: (n) => `ほか（全${n}件）`,
  noEntries: 'この章には項目がありません',
  contents: '目次',
  menu: 'メニュー',
  chapterContents: 'この章の目次',
  backToTop: 'ページの先頭へ',
  allChapters: (n) => `全${n}章`,
  previousChapter: '前の章',
  nextChapter: '次の章',
  backToTimeline: '年表に戻る',
  created: '作成',
  updated: '更新',
  tags: 'タグ',
  source: '原文',
  sourceLink: 'デジタルガーデンで読む',
  linkToEntry: (title) => `この項目へのリンク：${title}`,
  axisTitle: '時間軸',
  axisDescription: (eras, entries) =>
    `${eras}章、${entries}件、時間に比例して描いています。帯が章で、時期の重なる章は別の行に並びます。帯の下の短い縦線が項目で、長い線ほど同じ位置に多くの項目があります。ジグザグは出来事のない年を省いた所です。`,
  axisHere: 'この章の年表上の位置',
  openStart: '以前',
  ongoing: '現在',
  unknownEnd: '？',
  undated: '年不明',
  notFoundTitle: 'ページが見つかりません',
  notFoundText: 'リンクが古いか、章の名前が変わった可能性があります。',
  printedFrom: '印刷元',
  separator: '：',
  search: '検索',
  searchLabel: '項目を検索',
  searchPlaceholder: '項目を検索',
  searchKeyHint: '/ キーで検索',
  searchLoading: '検索を読み込み中…',
  searchUnavailable: '現在、検索を利用できません',
  searchFoundOne: '1件見つかりました',
  searchFoundMany: '{n}件見つかりました',
  searchNone: '「{q}」に一致する項目はありません',
  searchResults: '検索結果',
  exports: 'エクスポート：',
  exportTimelineJs: 'TimelineJS',
  exportMarkwhen: 'Markwhen で開く',
  poster: 'ポスター',
  posterTitle: '年表全体を一枚に',
  posterDescription: (eras, entries) =>
    `${eras} の章を時間に沿った帯で、${entries} の項目を帯の上下の行の日付の位置に示します（点は一日、横線は一年・十年・一世紀）。描かれた各項目はリンクで、原文の順に並びます。`,
  posterRegion: '年表ポスター（横にスクロールできます）',
  posterShown: (shown, total) =>
    `このポスターは ${total} 項目のうち ${shown} 項目を示します（各章と各小見出しの最初の項目、残りは全体から均等に選択）。残り ${total - shown} 項目は`,
  posterUnnamed: (unnamed) =>
    `ほかに ${unnamed} の章は名前が入りきらず、帯だけを示しています（ホバーで名前が出ます。概要にすべての章があります）。`,
  posterEmptyEras: '項目がなく、ポスターに描いていない章：',
  listSeparator: '、',
  posterScrollHint: 'ポスターは画面より広いので、横にスクロールすると全体を見られます。',
  downloadPdf: 'PDF をダウンロード',
};

/** Whether a BCP 47 tag names Traditional Chinese: `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`. */
export function isTraditionalChinese(lang: string): boolean {
  return /^zh-(hant|tw|hk|mo)\b/iu.test(lang);
}

/** The interface words for a BCP 47 language tag. */
export function ui(lang: string): UiStrings {
  const l = lang.toLowerCase();
  if (l.startsWith('zh')) return isTraditionalChinese(l) ? zhHant : zh;
  if (l.startsWith('ja')) return ja;
  return en;
}
