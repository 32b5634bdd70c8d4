/**
 * Guesses a note's language from the scripts its text is written in, for
 * notes whose frontmatter has no `lang`. Only scripts that name a language
 * unambiguously are told apart; Latin text is taken as English.
 */
const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh-CN'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Devanagari}/gu, 'hi'],
];

/** BCP 47 tag for `text`: the script with the most letters wins, Latin means `en`. */
export function detectLanguage(text: string): string {
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  let best = { lang: 'en', count: latin };
  const counts = new Map<string, number>();
  for (const [re, lang] of SCRIPTS) counts.set(lang, text.match(re)?.length ?? 0);
  // Japanese mixes kana with Han: any real share of kana makes it Japanese.
  const ja = counts.get('ja')!;
  if (ja > 0 && ja >= (counts.get('zh-CN')! + ja) * 0.1) counts.set('ja', ja + counts.get('zh-CN')!);
  for (const [lang, count] of counts) {
    // A CJK character carries about as much as a Latin word: weigh it so.
    const weight = lang === 'zh-CN' || lang === 'ja' || lang === 'ko' ? count * 3 : count;
    if (weight > best.count) best = { lang, count: weight };
  }
  return best.lang;
}
