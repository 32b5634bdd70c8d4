/**
 * Notes as people write them (issue #21): one note per shape a history is
 * kept in, in English, Chinese and Japanese
 * (`tests/fixtures/shapes/<shape>-<lang>/input.md`), each with its full
 * reading as a careful human reader sees it: the chapters and their
 * periods, every event with its date and (where the event has one) its
 * title, what is kept as text, no warnings, and nothing of the note lost.
 *
 * The expectations are written from the notes, not from the parser's
 * output: where the two differ, the test fails on purpose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatePoint, Entry, Period, Timeline } from '../../src/timeline/index.ts';
import { bodyText, comparable, entries, fixturePath, modelText, parseFixture } from './support/helpers.ts';

/**
 * A fixture's expected reading. An event is written `date | title | text`:
 * - the date as `1848`, `1848-03`, `1848-03-13`, `509 BC`, or a span
 *   `1948/1949`, `1381-06/1381-08` (a decade or century as the years it
 *   covers: `Early 1950s` is `1950/1952`);
 * - the title without a closing full stop; empty or left out when the event
 *   has no title of its own worth checking (a long sentence, a day's text);
 * - text the event holds (title or description), `+` between several pieces.
 */
interface Shape {
  /** The fixture, `tests/fixtures/shapes/<fixture>/input.md`. */
  fixture: string;
  /** The `#` heading that titles the note, or null. */
  title: string | null;
  /** A piece of the preface (the text before the first chapter), or null for none. */
  preface: string | null;
  /** Each chapter: its heading as written, its period, its events in order. */
  chapters: Array<[heading: string, period: string | null, events: string[]]>;
  /** Pieces of the note a reader sees as text, not as (part of) an event. */
  text: string[];
  /**
   * A table read as events: its header row's text (`EventYearWho`), and the
   * headers of the columns repeated in each row's description (`Who`). The
   * model keeps a row as title, date, description: with the date column
   * after two others, the row's text comes in another order.
   */
  table?: { header: string; repeated: string[]; reordered?: boolean };
  /** The warnings a reader would want too (pieces of their messages); none by default. */
  warnings?: string[];
}

const shapes: Shape[] = [
  /* ---------------- `#` chapters with periods, `##` year headings ---------------- */
  {
    fixture: 'chapters-h1-en',
    title: null,
    preface: null,
    chapters: [
      [
        'The Springtime of Peoples (1848–1849)',
        '1848/1849',
        [
          '1848-02-24 | Louis-Philippe abdicates and France becomes a republic',
          '1848-03-13 | Revolution in Vienna; Metternich resigns',
          '1848-03-18 | Barricades go up in Berlin',
          // A plain bullet beside dated ones under `## 1848`: an event of 1848 too.
          "1848 | The Frankfurt Parliament meets in St. Paul's Church",
          "1849 | A Roman Republic is proclaimed after the Pope's flight",
          '1849 | The Hungarian army surrenders to the Russians at Világos',
        ],
      ],
      [
        'Unification (1859–1871)',
        '1859/1871',
        [
          "1860 | Garibaldi's Thousand land at Marsala in Sicily",
          '1866 | Prussia defeats Austria at Königgrätz',
          '1870 | Napoleon III is captured at Sedan',
          '1871 | Wilhelm I is proclaimed German Emperor in the Hall of Mirrors at Versailles',
          '1871 | Rome becomes the capital of the Kingdom of Italy',
        ],
      ],
    ],
    // `# Sources` is no chapter: a topic, kept as text in the chapter before.
    text: [
      'Liberal and national revolutions spread across Europe',
      'Sources',
      'Revolutionary Spring',
      'Garibaldi: Invention of a Hero',
    ],
  },
  {
    fixture: 'chapters-h1-zh',
    title: null,
    preface: null,
    chapters: [
      [
        '辛亥革命（1911—1912）',
        '1911/1912',
        [
          '1911-04-27 | 黄花岗起义失败',
          '1911-10-10 | 武昌起义爆发',
          '1911-12-29 | 十七省代表在南京选举孙中山为临时大总统',
          '1912-01-01 | 中华民国成立',
          '1912-02-12 | 宣统帝退位',
        ],
      ],
      [
        '北洋时期（1912—1928）',
        '1912/1928',
        [
          '1915 | 袁世凯接受帝制，改次年为洪宪元年',
          '1915 | 蔡锷在云南发动护国战争',
          '1919 | 五四运动爆发',
          '1928 | 东北易帜，北伐完成',
        ],
      ],
    ],
    text: ['清末新政未能挽回人心', '参考书目', '剑桥中华民国史'],
  },
  {
    fixture: 'chapters-h1-ja',
    title: null,
    preface: null,
    chapters: [
      [
        '幕末（1853〜1867）',
        '1853/1867',
        [
          '1853 | ペリー艦隊が浦賀沖に来航する',
          '1854 | 日米和親条約を締結',
          '1860 | 桜田門外の変で井伊直弼が暗殺される',
          '1867 | 大政奉還 | 徳川慶喜が政権を朝廷に返上する',
          '1867 | 王政復古の大号令が出される',
        ],
      ],
      [
        '明治（1868〜1912）',
        '1868/1912',
        [
          '1868 | 戊辰戦争が始まる',
          '1868 | 江戸を東京と改める',
          '1871 | 廃藩置県',
          '1889-02-11 | 大日本帝国憲法が発布される',
        ],
      ],
    ],
    text: ['明治政府は近代国家の建設を急いだ', '参考文献', '幕末・維新'],
  },

  /* ---------------- only `###` headings ---------------- */
  {
    fixture: 'only-h3-en',
    title: null,
    preface: 'Notes for the seminar on the Cold War.',
    chapters: [
      // `–1946`: an open start.
      ['Origins (–1946)', '/1946', ['1945-02 | Yalta Conference', "1946 | Churchill's Iron Curtain speech"]],
      [
        'Early Cold War (1947–1953)',
        '1947/1953',
        [
          // Mid-to-late: the decade's last seven years.
          "1943/1949 | Kennan's containment becomes American policy",
          '1947 | Truman Doctrine announced',
          '1948/1949 | Berlin Airlift',
          '1949 | NATO founded',
          '1950/1953 | Korean War',
        ],
      ],
      ['Crisis years (1958–1962)', '1958/1962', ['1961 | Berlin Wall built', '1962-10 | Cuban Missile Crisis']],
      ['Détente (1969–1979)', '1969/1979', ['1972 | SALT I signed', '1975 | Helsinki Final Act']],
    ],
    text: ['Further reading', 'The Cold War: A New History'],
  },
  {
    fixture: 'only-h3-zh',
    title: null,
    preface: '读《三国志》时整理的简表。',
    chapters: [
      [
        '东汉末年（184年—220年）',
        '184/220',
        ['184 | 黄巾起义爆发', '200 | 官渡之战，曹操击败袁绍', '208 | 赤壁之战', '220 | 曹丕代汉称帝，东汉灭亡'],
      ],
      [
        '三国鼎立（220年—280年）',
        '220/280',
        ['221 | 刘备在成都称帝', '229 | 孙权称帝', '263 | 魏灭蜀汉', '280 | 晋灭吴，天下归于一统'],
      ],
    ],
    // `### 说明` before the first chapter is a topic: text in the preface.
    text: ['说明', '年份均为公元纪年', '人物', '诸葛亮，字孔明，琅琊阳都人'],
  },
  {
    fixture: 'only-h3-ja',
    title: null,
    preface: null,
    chapters: [
      [
        '室町幕府の衰退（1467年〜1573年）',
        '1467/1573',
        [
          '1467 | 応仁の乱が始まる',
          '1543 | 種子島に鉄砲が伝来する',
          '1549 | フランシスコ・ザビエルが鹿児島に上陸',
          '1560 | 桶狭間の戦い',
          '1573 | 室町幕府が滅亡する',
        ],
      ],
      [
        '天下統一（1573年〜1603年）',
        '1573/1603',
        [
          '1575 | 長篠の戦い',
          '1582 | 本能寺の変',
          '1590 | 豊臣秀吉が天下を統一する',
          '1600 | 関ヶ原の戦い',
          '1603 | 徳川家康が征夷大将軍に任じられる',
        ],
      ],
    ],
    text: ['メモ', '年号は西暦で統一した'],
  },

  /* ---------------- year headings, plain bullets ---------------- */
  {
    fixture: 'year-bullets-en',
    title: 'The Space Race',
    preface: 'A year-by-year list I keep for the astronomy club.',
    chapters: [
      [
        '1957',
        '1957',
        ['1957 | Sputnik 1, the first artificial satellite, is launched', '1957 | Laika flies aboard Sputnik 2'],
      ],
      [
        '1961',
        '1961',
        [
          // A nested bullet is the event's detail.
          '1961 | Yuri Gagarin becomes the first human in space | Vostok 1 makes a single orbit in 108 minutes',
          '1961 | Alan Shepard makes the first American suborbital flight',
          '1961 | Kennedy asks Congress to commit to a Moon landing before the decade is out',
        ],
      ],
      // A year with one event, written as a sentence rather than a bullet.
      ['1962', '1962', ['1962 | John Glenn orbits the Earth three times in Friendship 7']],
      ['1965', '1965', ['1965 | Alexei Leonov makes the first spacewalk']],
      [
        '1969',
        '1969',
        [
          '1969 | Apollo 11 lands on the Moon; Armstrong and Aldrin walk on the surface',
          '1969 | Apollo 12 lands near Surveyor 3',
        ],
      ],
    ],
    // `## To check` holds a question, not an event: text in the chapter before.
    // A task is a to-do, not an event.
    text: ['Add the Ranger probes', 'To check', 'Did Vostok 6 fly in 1963 or 1964?'],
  },
  {
    fixture: 'year-bullets-zh',
    title: '改革开放大事记',
    preface: null,
    chapters: [
      [
        '1978年',
        '1978',
        ['1978 | 十一届三中全会召开，决定把工作重点转移到经济建设上来', '1978 | 小岗村十八户农民签下“大包干”契约'],
      ],
      ['1980年', '1980', ['1980 | 深圳、珠海、汕头、厦门设立经济特区']],
      ['1984年', '1984', ['1984 | 中英两国政府签署关于香港问题的联合声明']],
      ['1992年', '1992', ['1992 | 邓小平视察南方并发表重要谈话']],
      ['2001年', '2001', ['2001 | 中国正式加入世界贸易组织']],
    ],
    text: ['备注', '部分日期待核实'],
  },
  {
    fixture: 'year-bullets-ja',
    title: '戦後日本の歩み',
    preface: null,
    chapters: [
      // A year heading with its calendar-era year in parentheses is still wholly a date.
      ['1951年（昭和26年）', '1951', ['1951 | サンフランシスコ平和条約に調印', '1951 | 日米安全保障条約を締結']],
      ['1956年 - 昭和31年', '1956', ['1956 | 国際連合に加盟する', '1956 | 経済白書が「もはや戦後ではない」と記す']],
      ['1964年', '1964', ['1964 | 東海道新幹線が開業', '1964 | 東京オリンピックが開催される']],
      ['1970年', '1970', ['1970 | 大阪で日本万国博覧会が開かれる']],
      ['1972年', '1972', ['1972 | 沖縄が日本に復帰する', '1972 | 日中国交正常化']],
    ],
    text: ['関連', '昭和史'],
  },

  /* ---------------- `## 2019`, then `### 09/21` day headings ---------------- */
  {
    fixture: 'day-log-en',
    title: 'Apollo 11 mission log',
    preface: 'Times are Eastern.',
    chapters: [
      [
        '1969',
        '1969',
        [
          // Each day is one event: its bullets are its text.
          '1969-07-16 | | Saturn V lifts off from Launch Complex 39A + The trans-lunar injection burn follows',
          '1969-07-18 | | Armstrong and Aldrin open the hatch to Eagle and check it on live television',
          '1969-07-19 | | Apollo 11 enters lunar orbit behind the Moon',
          '1969-07-20 | | Eagle undocks from Columbia + Eagle lands in the Sea of Tranquility + Armstrong steps onto the surface',
          '1969-07-21 | | Eagle lifts off from the Moon and docks with Columbia',
          '1969-07-24 | | Splashdown in the Pacific; USS Hornet picks up the crew',
        ],
      ],
    ],
    text: ['Sources', 'Apollo 11 Mission Report'],
    // A wiki link to a note that is not published: said, and shown as text.
    warnings: ['wiki link [[Neil Armstrong]] points at another note'],
  },
  {
    fixture: 'day-log-zh',
    title: '2008年大事日志',
    preface: null,
    chapters: [
      [
        '2008年',
        '2008',
        [
          '2008-05-12 | | 14时28分，四川汶川发生8.0级地震 + 各地救援力量紧急赶赴灾区',
          '2008-08-08 | | 第二十九届夏季奥运会在北京国家体育场开幕 + 开幕式由张艺谋执导',
          '2008-08-16 | | 博尔特以9秒69夺得男子100米冠军',
          '2008-08-24 | | 北京奥运会闭幕，中国代表团获得金牌51枚',
          '2008-09-25 | | 神舟七号飞船发射升空',
          // A day heading with its weekday, as diaries write it.
          '2008-09-27 | | 翟志刚完成中国人首次太空行走',
        ],
      ],
    ],
    text: [],
  },
  {
    fixture: 'day-log-ja',
    title: '2019年の記録',
    preface: '改元の年の出来事を日ごとに書き留めたもの。',
    chapters: [
      [
        '2019年',
        '2019',
        [
          '2019-04-01 | | 菅官房長官が新元号「令和」を発表 + 出典は万葉集',
          '2019-04-30 | | 天皇明仁が退位する',
          '2019-05-01 | | 皇太子徳仁親王が即位し、元号が令和に改まる',
          '2019-09-20 | | ラグビーワールドカップ日本大会が開幕',
          '2019-10-22 | | 即位礼正殿の儀が行われる',
          '2019-10-31 | | 首里城で火災が発生し、正殿などが焼失する',
        ],
      ],
    ],
    text: [],
  },

  /* ---------------- prose paragraphs opening with a date and a comma ---------------- */
  {
    fixture: 'date-comma-en',
    title: 'England under the Plantagenets',
    preface: 'Short notes from my reading of Dan Jones.',
    chapters: [
      [
        'England under the Plantagenets',
        null,
        [
          // `Before 1154`: a span that ends in 1154, its start open (as `1949年以前` is).
          '/1154 | England had endured nineteen years of civil war known as the Anarchy',
          '1154 | Henry II became king of England',
          '1170 | four knights murdered Thomas Becket in Canterbury Cathedral | The murder shocked Christendom',
          '1189 | Richard I succeeded his father and soon left on crusade',
          '1215-06-15 | King John sealed Magna Carta at Runnymede',
          '1265 | | Simon de Montfort summoned a parliament that included knights and burgesses from the towns',
          '1284 | Edward I had conquered Wales',
          '1327 | Edward II was deposed and his son crowned as Edward III',
          // A winter runs from December into the next year.
          "1348-12/1349-02 | the Black Death killed perhaps a third of London's people",
          '1381-06/1381-08 | rebels from Essex and Kent marched on London',
        ],
      ],
    ],
    text: ["The dynasty's later branches, Lancaster and York, fought the Wars of the Roses."],
  },
  {
    fixture: 'date-comma-zh',
    title: '汉朝简史',
    preface: '汉朝是继秦朝之后的大一统王朝',
    chapters: [
      [
        '汉朝简史',
        null,
        [
          '202 BC | 刘邦在定陶即皇帝位，国号为汉',
          '138 BC | 张骞奉命出使西域',
          '119 BC | 卫青、霍去病分道出击匈奴，在漠北之战中大胜',
          '9 | 王莽篡汉，建立新朝',
          '25 | 刘秀称帝，史称东汉',
          '105 | 蔡伦改进造纸术',
          '184 | 黄巾起义爆发，东汉由此走向衰落',
          '220 | 曹丕受禅称帝，汉朝灭亡',
        ],
      ],
    ],
    text: ['两汉共历时四百余年。'],
  },
  {
    fixture: 'date-comma-ja',
    title: '明治維新の流れ',
    preface: null,
    chapters: [
      [
        '明治維新の流れ',
        null,
        [
          '1868 | 戊辰戦争が始まり、新政府軍は江戸へ進んだ',
          '1869 | 版籍奉還が行われた',
          '1871 | 廃藩置県によって藩が廃止された',
          '1873 | 地租改正と徴兵令が実施された',
          '1877 | 西郷隆盛が挙兵し、西南戦争が起こった',
          '1889-02-11 | 大日本帝国憲法が発布された',
          '1890 | 第1回帝国議会が開かれた',
        ],
      ],
    ],
    text: ['この二十年余りで日本は近代国家の骨格を整えた。'],
  },

  /* ---------------- `- 1519 Magellan sets sail…` ---------------- */
  {
    fixture: 'date-space-list-en',
    title: 'Age of Exploration',
    preface: 'Years are of departure or arrival.',
    chapters: [
      [
        'Age of Exploration',
        null,
        [
          '1000 | Leif Erikson reaches Vinland',
          '1415 | Portugal captures Ceuta',
          '1488 | Bartolomeu Dias rounds the Cape of Good Hope',
          '1492 | Columbus reaches the Bahamas',
          '1498 | Vasco da Gama arrives in Calicut',
          '1519 | Magellan sets sail from Sanlúcar de Barrameda',
          '1522 | Elcano completes the first circumnavigation',
          // A range written with spaced dashes, then the text after a space.
          '1577/1580 | Drake sails around the world',
          '1606 | Willem Janszoon sights the coast of Australia',
        ],
      ],
    ],
    text: ['Several of these dates are disputed.', 'Mostly from The Discoverers by Daniel Boorstin.'],
  },
  {
    fixture: 'date-space-list-zh',
    title: '明朝大事年表',
    preface: null,
    chapters: [
      [
        '明朝大事年表',
        null,
        [
          '1368 | 朱元璋在应天称帝，建立明朝',
          '1402 | 燕王朱棣攻入南京，即位为永乐帝',
          '1405 | 郑和首次下西洋',
          '1421 | 迁都北京',
          '1449 | 土木堡之变，英宗被俘',
          '1582 | 张居正去世',
          '1644 | 李自成攻破北京，崇祯帝自缢',
        ],
      ],
    ],
    text: ['另有万历三大征，年份跨度较大', '参见《明史》。'],
  },
  {
    fixture: 'date-space-list-ja',
    title: '江戸時代年表',
    preface: null,
    chapters: [
      [
        '江戸時代年表',
        null,
        [
          '1603 | 徳川家康が江戸幕府を開く',
          '1615 | 大坂夏の陣で豊臣氏が滅ぶ',
          '1637 | 島原の乱が起こる',
          '1639 | ポルトガル船の来航を禁止',
          '1657 | 明暦の大火',
          '1716 | 徳川吉宗が享保の改革を始める',
          '1787 | 松平定信が寛政の改革を始める',
          '1841 | 水野忠邦が天保の改革を始める',
          '1853 | ペリーが浦賀に来航',
          '1867 | 大政奉還',
        ],
      ],
    ],
    text: ['鎖国の完成時期には諸説ある', '三大改革は試験によく出る。'],
  },

  /* ---------------- `1603 | …`, `1603｜…` ---------------- */
  {
    fixture: 'pipe-en',
    title: 'Tudor and Stuart England',
    preface: 'Key dates for revision.',
    chapters: [
      [
        'Tudor and Stuart England',
        null,
        [
          '1485 | Henry Tudor wins at Bosworth Field',
          '1534 | The Act of Supremacy makes the king head of the Church of England',
          '1558 | Elizabeth I becomes queen',
          '1588 | The Spanish Armada is defeated',
          '1603 | James VI of Scotland becomes James I of England',
          '1605 | The Gunpowder Plot is foiled',
          '1642 | Civil war breaks out between king and Parliament',
          '1649 | Charles I is executed',
        ],
      ],
    ],
    text: ['The monarchy was restored eleven years later.'],
  },
  {
    fixture: 'pipe-zh',
    title: '清朝前期年表',
    preface: null,
    chapters: [
      [
        '清朝前期年表',
        null,
        [
          '1616 | 努尔哈赤建立后金',
          '1636 | 皇太极改国号为清',
          '1644 | 清军入关，定都北京',
          '1662 | 郑成功收复台湾',
          '1681 | 平定三藩之乱',
          '1683 | 清朝统一台湾',
          '1689 | 中俄签订《尼布楚条约》',
          '1793 | 英国马戛尔尼使团访华',
        ],
      ],
    ],
    text: ['以上据《清史稿》整理。'],
  },
  {
    fixture: 'pipe-ja',
    title: '平安時代',
    preface: '平安京遷都から平氏滅亡まで。',
    chapters: [
      [
        '平安時代',
        null,
        [
          '794 | 平安京に遷都',
          '894 | 遣唐使を停止',
          '935 | 平将門の乱',
          '1016 | 藤原道長が摂政となる',
          '1053 | 平等院鳳凰堂が建立される',
          '1086 | 白河上皇が院政を始める',
          '1156 | 保元の乱',
          '1167 | 平清盛が太政大臣となる',
          '1185 | 壇ノ浦の戦いで平氏が滅亡',
        ],
      ],
    ],
    text: [],
  },

  /* ---------------- a date alone: an item with nested bullets, a line then its event ---------------- */
  {
    fixture: 'date-alone-en',
    title: 'The French Revolution',
    preface: null,
    chapters: [
      [
        'Revolution (1789–1799)',
        '1789/1799',
        [
          '1789 | The Estates-General opens at Versailles',
          '1789 | Crowds storm the Bastille',
          '1789 | The Assembly adopts the Declaration of the Rights of Man',
          '1792 | The monarchy is abolished and the Republic proclaimed',
          // A day alone with two nested bullets: one event, both bullets its text.
          '1793-01-21 | Louis XVI is guillotined on the Place de la Révolution | Thousands watch in silence',
          '1794 | Robespierre falls on 9 Thermidor and is guillotined the next day',
          // A date alone on a line, its event on the next line.
          '1795 | The Directory takes power under a new constitution',
          '1799 | Napoleon Bonaparte seizes power in the coup of 18 Brumaire',
        ],
      ],
    ],
    text: ['Aftermath', "The Napoleonic Code of 1804 kept many of the Revolution's reforms."],
  },
  {
    fixture: 'date-alone-zh',
    title: '抗日战争',
    preface: null,
    chapters: [
      [
        '全面抗战（1937年—1945年）',
        '1937/1945',
        [
          '1937-07-07 | 卢沟桥事变爆发',
          '1937-08-13 | 淞沪会战开始',
          '1937-12-13 | 日军攻陷南京',
          '1938 | 台儿庄战役取得胜利',
          '1938 | 武汉会战',
          '1940 | 百团大战',
          '1945-08-15 | 日本宣布无条件投降',
          '1945-09-02 | 日本在密苏里号战舰上签署投降书',
        ],
      ],
    ],
    text: ['参考资料', '中国抗日战争史'],
  },
  {
    fixture: 'date-alone-ja',
    title: '日露戦争',
    preface: null,
    chapters: [
      [
        '開戦から講和まで（1904〜1905）',
        '1904/1905',
        [
          '1904-02-08 | 旅順港外で日本海軍が奇襲する',
          '1904-02-10 | 日本がロシアに宣戦布告',
          '1904 | 8月から旅順攻囲戦が始まる',
          '1905-01-02 | 旅順のロシア軍が降伏する',
          '1905-03-10 | 奉天会戦で日本軍が勝利',
          '1905-05-27 | 日本海海戦',
          '1905-09-05 | ポーツマス条約が調印される',
        ],
      ],
    ],
    text: ['関連メモ', '日比谷焼打事件は条約調印の日に起きた。'],
  },

  /* ---------------- a table with a date column, in any position ---------------- */
  {
    fixture: 'table-en',
    title: 'The Scientific Revolution',
    preface: 'Works and discoveries, by year of publication.',
    chapters: [
      [
        'The Scientific Revolution',
        null,
        [
          '1543 | De revolutionibus published | Copernicus',
          '1608 | Telescope patented in the Netherlands | Lippershey',
          '1610 | Moons of Jupiter observed | Galileo',
          '1619 | Third law of planetary motion | Kepler',
          '1628 | Circulation of the blood described | Harvey',
          '1637 | Discourse on the Method | Descartes',
          '1660 | Royal Society founded',
          '1687 | Principia published | Newton',
        ],
      ],
    ],
    text: ["Bacon's Novum Organum is left out"],
    table: { header: 'EventYearWho', repeated: ['Who'] },
  },
  {
    fixture: 'table-zh',
    title: '中国古代科技',
    preface: null,
    chapters: [
      [
        '中国古代科技',
        null,
        [
          '105 | 蔡伦改进造纸术 | 东汉',
          '132 | 张衡制成候风地动仪 | 东汉',
          '462 | 祖冲之编制《大明历》 | 南朝宋',
          '724 | 一行等人测量子午线长度 | 唐',
          '868 | 《金刚经》刻本印成 | 唐',
          '1041/1048 | 毕昇发明活字印刷 | 北宋',
          // 11世纪末: the last fifth of the 11th century.
          '1080/1099 | 沈括撰写《梦溪笔谈》 | 北宋',
          '1637 | 宋应星刊行《天工开物》 | 明',
        ],
      ],
    ],
    text: ['四大发明中，火药的发明年代难以确定。'],
    table: { header: '时间事件朝代', repeated: ['朝代'] },
  },
  {
    fixture: 'table-ja',
    title: '日本古典文学',
    preface: null,
    chapters: [
      [
        '日本古典文学',
        null,
        [
          '712 | 『古事記』成立 | 太安万侶',
          '720 | 『日本書紀』成立 | 舎人親王',
          '905 | 『古今和歌集』成立 | 紀貫之ら',
          '1000 | 『枕草子』 | 清少納言',
          // 11世紀初頭: the first fifth of the 11th century.
          '1000/1019 | 『源氏物語』 | 紫式部',
          '1212 | 『方丈記』 | 鴨長明',
          '1330 | 『徒然草』 | 吉田兼好',
        ],
      ],
    ],
    text: ['成立年には諸説ある。'],
    table: { header: '出来事作者年', repeated: ['作者'], reordered: true },
  },

  /* ---------------- no headings: an outline ---------------- */
  {
    fixture: 'outline-en',
    title: null,
    preface: 'Notes on the Roman Republic, kept as an outline.',
    chapters: [
      // `--` is an en dash written in plain text.
      [
        'Kingdom (753--509 BC)',
        '753 BC/509 BC',
        ['753 BC | Romulus founds Rome, as tradition has it', '616 BC | Tarquinius Priscus becomes king'],
      ],
      [
        'Early Republic (509–264 BC)',
        '509 BC/264 BC',
        [
          '509 BC | The last king, Tarquin the Proud, is expelled',
          '494 BC | First secession of the plebs',
          '451 BC | The Twelve Tables are drawn up',
          '390 BC | Gauls sack Rome',
        ],
      ],
      [
        'Punic Wars (264–146 BC)',
        '264 BC/146 BC',
        [
          '264 BC | First Punic War begins',
          '218 BC | Hannibal crosses the Alps',
          '216 BC | Battle of Cannae',
          '146 BC | Carthage is destroyed',
        ],
      ],
      [
        'Late Republic (133–27 BC)',
        '133 BC/27 BC',
        [
          '133 BC | Tiberius Gracchus is killed',
          '49 BC | Caesar crosses the Rubicon',
          '44 BC | Caesar is assassinated on the Ides of March',
          '27 BC | Octavian receives the title Augustus',
        ],
      ],
    ],
    // A top item with no period stays a list.
    text: ['Historiography', 'Livy and Polybius are the main ancient sources.'],
  },
  {
    fixture: 'outline-zh',
    title: null,
    preface: '东周大事提纲。',
    chapters: [
      [
        '春秋（前770年—前476年）',
        '770 BC/476 BC',
        [
          '770 BC | 周平王东迁洛邑',
          '685 BC | 齐桓公即位，任用管仲',
          '632 BC | 城濮之战',
          '506 BC | 柏举之战，吴军攻入郢都',
        ],
      ],
      [
        '战国（前475年—前221年）',
        '475 BC/221 BC',
        ['356 BC | 商鞅在秦国开始变法', '260 BC | 长平之战', '230 BC | 秦灭韩', '221 BC | 秦灭齐，统一六国'],
      ],
    ],
    text: ['思想', '孔子、老子、墨子、孟子、庄子、荀子、韩非子。'],
  },
  {
    fixture: 'outline-ja',
    title: null,
    preface: '鎌倉時代の学習用アウトライン。',
    chapters: [
      [
        '鎌倉時代前期（1185年〜1221年）',
        '1185/1221',
        [
          '1185 | 壇ノ浦の戦いで平氏が滅亡する',
          '1192 | 源頼朝が征夷大将軍に任じられる',
          '1203 | 北条時政が執権となる',
          '1221 | 承久の乱',
        ],
      ],
      [
        '鎌倉時代中期（1221年〜1285年）',
        '1221/1285',
        ['1232 | 御成敗式目が制定される', '1274 | 文永の役', '1281 | 弘安の役'],
      ],
      ['鎌倉時代後期（1285年〜1333年）', '1285/1333', ['1297 | 永仁の徳政令', '1333 | 鎌倉幕府が滅亡する']],
    ],
    text: ['用語', '御家人、守護、地頭。'],
  },

  /* ---------------- no headings: a flat dated list, named after the note ---------------- */
  {
    fixture: 'no-headings-en',
    title: null,
    preface: null,
    chapters: [
      [
        'input',
        null,
        [
          "1903 | Wright brothers' first powered flight at Kitty Hawk",
          '1919 | Alcock and Brown fly non-stop across the Atlantic',
          '1927 | Lindbergh flies solo from New York to Paris',
          '1937 | The Hindenburg burns at Lakehurst',
          '1939 | First flight of a jet aircraft, the Heinkel He 178',
          '1947 | Chuck Yeager breaks the sound barrier',
          '1950/1952 | The de Havilland Comet opens the jet age for passengers',
          "1969 | Concorde's first flight",
          '1970 | The Boeing 747 enters service with Pan Am',
        ],
      ],
    ],
    text: [],
  },
  {
    fixture: 'no-headings-zh',
    title: null,
    preface: null,
    chapters: [
      [
        'input',
        null,
        [
          '1949-10-01 | 中华人民共和国成立',
          '1953 | 第一个五年计划开始实施',
          '1964-10-16 | 第一颗原子弹爆炸成功',
          '1970-04-24 | “东方红一号”卫星发射成功',
          '1971-10-25 | 恢复在联合国的合法席位',
          '1997-07-01 | 香港回归',
          '1999-12-20 | 澳门回归',
          '2003-10-15 | 杨利伟乘神舟五号进入太空',
        ],
      ],
    ],
    text: [],
  },
  {
    fixture: 'no-headings-ja',
    title: null,
    preface: null,
    chapters: [
      [
        'input',
        null,
        [
          '1872 | 新橋・横浜間に鉄道が開業',
          '1889 | 東海道本線が全通',
          '1906 | 鉄道国有法が公布される',
          '1914 | 東京駅が開業',
          '1927 | 上野・浅草間に地下鉄が開業',
          '1964 | 東海道新幹線が開業',
          '1987 | 国鉄が分割民営化され、JRグループが発足',
          '2011 | 九州新幹線が全線開業',
        ],
      ],
    ],
    text: [],
  },
];

/** A year as a reader writes it: 509 BC for the astronomical -508. */
const year = (astronomical: number) => (astronomical <= 0 ? `${1 - astronomical} BC` : String(astronomical));
const pad = (n: number) => String(n).padStart(2, '0');

/** One end of a period: a year, month or day, or the years a decade or century covers at that end. */
function end(point: DatePoint | null, covered: number | null): string {
  if (!point) return '';
  if (['decade', 'century', 'millennium'].includes(point.precision)) return covered === null ? '' : year(covered);
  let out = year(point.year);
  if (point.month !== null) out += `-${pad(point.month)}`;
  if (point.day !== null) out += `-${pad(point.day)}`;
  return out;
}

/** A period as the expectations write it: `1848-03-13`, `1948/1949`, `509 BC/264 BC`. */
function dateOf(period: Period | null): string | null {
  if (!period) return null;
  const start = end(period.start, period.from);
  const last = end(period.end, period.to);
  return start === last ? start : `${start}/${last}`;
}

/** A title without the full stop that closes its sentence. */
const bare = (title: string) => title.trim().replace(/[.。．]$/u, '');

/** An entry's whole text: its title and its description. */
const textOf = (entry: Entry) => `${entry.title}\n${entry.description.text}`;

/** An entry written the way `expected` is (its date, and its title and text where `expected` gives them). */
function reading(entry: Entry, expected = ''): string {
  const [, title, text] = expected.split(' |').map((part) => part.trim());
  const parts = [dateOf(entry.date) ?? 'undated'];
  if (title || text) parts.push(title ? bare(entry.title) : '');
  if (text) {
    const whole = comparable(textOf(entry));
    parts.push(
      text
        .split(' + ')
        .map((piece) => (whole.includes(comparable(piece)) ? piece : `(not in the event: ${piece})`))
        .join(' + '),
    );
  }
  // `date | | text`, as the expectations write an event whose title is not checked.
  return parts.join(' | ').replace(' |  | ', ' | | ');
}

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

/** The characters of a text, sorted: the same text in another order compares equal. */
const sorted = (text: string) => [...text].sort().join('');

describe.each(shapes)('$fixture', (shape) => {
  const name = `shapes/${shape.fixture}`;
  const timeline = parseFixture(name);

  it('finds the title and the preface', () => {
    expect(timeline.titleHeading).toBe(shape.title);
    if (shape.preface === null) expect(timeline.preface).toBeNull();
    else expect(timeline.preface?.text).toContain(shape.preface);
  });

  it('reads its chapters', () => {
    expect(timeline.eras.map((era) => [era.heading, dateOf(era.period)])).toEqual(
      shape.chapters.map(([heading, period]) => [heading, period]),
    );
  });

  it('reads every event, with its date and title', () => {
    const expected = shape.chapters.map(([heading, , events]) => [heading, events]);
    const read = timeline.eras.map((era, i) => {
      const events = shape.chapters[i]?.[2] ?? [];
      const found = era.items.filter((item): item is Entry => item.kind === 'entry');
      return [era.heading, found.map((entry, j) => reading(entry, events[j]))];
    });
    expect(read).toEqual(expected);
    expect(entries(timeline)).toHaveLength(shape.chapters.reduce((n, [, , events]) => n + events.length, 0));
  });

  it('keeps what is not an event as text', () => {
    const pieces = textPieces(timeline);
    const events = entries(timeline).map(textOf);
    for (const text of shape.text) {
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

  it('warns only about real problems', () => {
    expect(timeline.warnings.map((warning) => warning.message)).toEqual(
      (shape.warnings ?? []).map((message) => expect.stringContaining(message)),
    );
  });

  it('loses nothing', () => {
    const source = readFileSync(fixturePath(name), 'utf8');
    // A note with no chapter headings is one chapter named after the note: that name is not in its text.
    const [only] = shape.chapters;
    const named = shape.chapters.length === 1 && only![0] === (shape.title ?? 'input');
    const eras = timeline.eras.map((era) => (named ? { ...era, heading: '' } : era));
    let model = comparable(modelText({ ...timeline, eras }));
    let body = comparable(bodyText(source));
    if (shape.table) {
      // The header row names the columns: not repeated per event (see completeness.test.ts)…
      expect(body).toContain(shape.table.header);
      body = body.replace(shape.table.header, '');
      // …but the headers of the description's columns are, before each cell.
      for (const header of shape.table.repeated) {
        model = model.replaceAll(header, '');
        body = body.replaceAll(header, '');
      }
    }
    expect(body.length).toBeGreaterThan(0);
    if (shape.table?.reordered) expect(sorted(model)).toBe(sorted(body));
    else expect(model).toBe(body);
  });
});
