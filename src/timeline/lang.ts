import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

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

/** BCP 47 tag for `text`: the script with the most letters wins, Latin means `en`; Chinese is `zh-CN` or `zh-Hant`. */
export function detectLanguage(text: string): string {
  const lang = detectScript(text);
  return lang === 'zh-CN' && isTraditional(text) ? 'zh-Hant' : lang;
}

/**
 * Characters that only Traditional or only Simplified Chinese writes, from
 * OpenCC's character tables (opencc-js): a character whose conversion to
 * the other script changes it and does not also keep it (`干` stays `干` in
 * Traditional too, so it tells nothing).
 */
let scripts: { traditional: Set<string>; simplified: Set<string> } | undefined;
function chineseScripts(): { traditional: Set<string>; simplified: Set<string> } {
  if (scripts) return scripts;
  const only = (table: string) => {
    const set = new Set<string>();
    for (const pair of table.split('|')) {
      const [from, ...to] = pair.split(' ');
      if (from && to.length > 0 && !to.includes(from)) set.add(from);
    }
    return set;
  };
  scripts = { traditional: only(TS_CHARACTERS), simplified: only(ST_CHARACTERS) };
  return scripts;
}

/** Whether Han text is written in Traditional characters (歷史, 國家, 發展) rather than Simplified ones. */
export function isTraditional(text: string): boolean {
  const { traditional, simplified } = chineseScripts();
  let t = 0;
  let s = 0;
  for (const ch of text) {
    if (traditional.has(ch)) t++;
    else if (simplified.has(ch)) s++;
  }
  return t > s;
}

function detectScript(text: string): string {
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
