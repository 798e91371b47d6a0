/**
 * Curated common wrong characters (错别字) and idioms seen in self-assessments, as [wrong, right] pairs.
 * Rule for adding one: the wrong string must never be correct Chinese in any context (no false alarms), e.g.
 * 自已 is always wrong, while 即使/既使 or 必须/必需 depend on meaning and are NOT listed.
 * Cited rule: R-SELF-TEXT (无错别字).
 */
export const WRONG_WORDS: ReadonlyArray<readonly [wrong: string, right: string]> = [
  // 自己 / 已经: guarded in PATTERN_RULES below (各自已经, 自己经常 are correct).
  ['再接再励', '再接再厉'],
  ['在接再厉', '再接再厉'],
  ['按步就班', '按部就班'],
  ['一股作气', '一鼓作气'],
  ['迫不急待', '迫不及待'],
  ['严于律已', '严于律己'],
  ['学以至用', '学以致用'],
  ['受益非浅', '受益匪浅'],
  ['受益菲浅', '受益匪浅'],
  ['获益非浅', '获益匪浅'],
  ['收益匪浅', '受益匪浅'],
  ['收益非浅', '受益匪浅'],
  ['戒骄戒燥', '戒骄戒躁'],
  ['心浮气燥', '心浮气躁'],
  ['名列前矛', '名列前茅'],
  ['尊纪守法', '遵纪守法'],
  ['专心至志', '专心致志'],
  ['全神惯注', '全神贯注'],
  ['持之以衡', '持之以恒'],
  ['坚持不泄', '坚持不懈'],
  ['坚持不解', '坚持不懈'],
  ['孜孜不卷', '孜孜不倦'],
  ['循序渐近', '循序渐进'],
  ['契而不舍', '锲而不舍'],
  ['竞竞业业', '兢兢业业'],
  ['一如继往', '一如既往'],
  ['实事求事', '实事求是'],
  ['以身做则', '以身作则'],
  ['融汇贯通', '融会贯通'],
  ['德材兼备', '德才兼备'],
  ['集思广议', '集思广益'],
  ['博彩众长', '博采众长'],
  ['有条不稳', '有条不紊'],
  ['精神抖搂', '精神抖擞'],
  ['朝气篷勃', '朝气蓬勃'],
  ['彬彬有理', '彬彬有礼'],
  ['责无旁代', '责无旁贷'],
  ['义不容词', '义不容辞'],
  ['再所不辞', '在所不辞'],
  ['再所难免', '在所难免'],
  ['不加思索', '不假思索'],
  ['自立更生', '自力更生'],
  ['鞠躬尽粹', '鞠躬尽瘁'],
  ['事必恭亲', '事必躬亲'],
  ['一愁莫展', '一筹莫展'],
  ['走头无路', '走投无路'],
  ['默守成规', '墨守成规'],
  ['既往不究', '既往不咎'],
  ['谈笑风声', '谈笑风生'],
  ['记忆尤新', '记忆犹新'],
  ['迫在眉捷', '迫在眉睫'],
  ['出类拔粹', '出类拔萃'],
  ['变本加利', '变本加厉'],
  ['莫明其妙', '莫名其妙'],
  ['如火如茶', '如火如荼'],
  ['声名雀起', '声名鹊起'],
  ['焕然一心', '焕然一新'],
  ['涣然一新', '焕然一新'],
  ['精神焕散', '精神涣散'],
  ['松驰', '松弛'],
  ['必竟', '毕竟'],
  ['布署', '部署'],
  ['尽职尽则', '尽职尽责'],
  ['做为一名', '作为一名'],
  ['做为一个', '作为一个'],
  ['截至日期', '截止日期'],
  ['截至时间', '截止时间'],
  ['再接再砺', '再接再厉'],
  ['综和素质', '综合素质'],
  ['锻练', '锻炼'],
  ['脚踏石地', '脚踏实地'],
  ['一丝不拘', '一丝不苟'],
  ['精益求尽', '精益求精'],
  ['取长不短', '取长补短'],
  ['温故知心', '温故知新'],
  ['理论连系实际', '理论联系实际'],
  ['一翻努力', '一番努力'],
  ['一翻思考', '一番思考'],
  ['不径而走', '不胫而走'],
  ['貌和神离', '貌合神离'],
  ['甘败下风', '甘拜下风'],
  ['自抱自弃', '自暴自弃'],
  ['悬梁刺骨', '悬梁刺股'],
  ['穿流不息', '川流不息'],
  ['旁证博引', '旁征博引'],
  ['勤勤肯肯', '勤勤恳恳'],
  ['任劳任冤', '任劳任怨'],
  ['吃苦耐牢', '吃苦耐劳'],
  ['辉皇', '辉煌'],
  ['犹预', '犹豫'],
  ['部份', '部分'],
  ['身分证', '身份证'],
  ['名符其实', '名副其实'],
  ['一诺千斤', '一诺千金'],
  ['独挡一面', '独当一面'],
  ['各抒已见', '各抒己见'],
];

/** A regular-expression rule for words whose right form depends on what follows (截止/截至, 的/地/得). */
export interface PatternRule {
  kind: 'word' | 'jiezhi' | 'de';
  /** Must use the `d` flag so capture positions are known; capture group 1 is the character(s) to replace. */
  re: RegExp;
  right: string;
}

const DEGREE = '(?:很|非常|十分|比较|更加|相当|特别|越来越)';
const RESULT = '(?:好|出色|扎实|到位|优秀|充实|顺利|愉快|踏实|圆满|熟练|完美)';
const MANNER = '(?:认真|努力|积极|主动|刻苦|虚心|耐心|踏实|顺利|圆满|按时|独立|出色|不断|逐步|默默)';

export const PATTERN_RULES: readonly PatternRule[] = [
  // 自已 → 自己, but not in 各自已经 / 来自已有 (a word ending in 自 followed by 已) nor in 激动得不能自已.
  { kind: 'word', re: /(?<![各独亲来出暗擅私径源发])(?<!不能)(自已)/dgu, right: '自己' },
  // 己经 → 已经, but not in 自己经常 / 知己经过.
  { kind: 'word', re: /(?<![自知异利])(己经)/dgu, right: '已经' },
  // Short words guarded against the characters around them ("自尊守信", "中专研修", "立即然后").
  { kind: 'word', re: /(?<!自)(尊守)/dgu, right: '遵守' },
  { kind: 'word', re: /(专研)(?![究修发制])/dgu, right: '钻研' },
  { kind: 'word', re: /(?<![立随])(即然)/dgu, right: '既然' },
  // 截至 + a time point ("截至目前", "截至2026年3月"); 截止 means "to end" and follows the date.
  { kind: 'jiezhi', re: /(截止)(?=目前|今日|今天|现在|当前|本月|本年|[0-9０-９]{4}年|[0-9０-９]{1,2}月)/dgu, right: '截至' },
  // Verb + 得 + degree + result: "做得很好". "做的很好" is wrong only with a degree word and a result after it.
  { kind: 'de', re: new RegExp(`(?:做|学|考|干|表现|处理|掌握|发挥|完成|过|写|讲)(的)(?=${DEGREE}${RESULT})`, 'dgu'), right: '得' },
  // … or a negated result that ends the clause: "考得不太理想。" ("做的不好的地方" may be a noun phrase: left alone).
  { kind: 'de', re: new RegExp(`(?:做|学|考|干|表现|处理|掌握|发挥|完成|写|讲)(的)(?=不(?:太|够|是很|很)?${RESULT.replace('(?:', '(?:理想|')}(?:[，。；！？、]|$))`, 'dgu'), right: '得' },
  // Manner + 地 + verb + 了 / preposition: "顺利地完成了", "虚心地向老师请教". Without 了 it may be a noun phrase.
  { kind: 'de', re: new RegExp(`${MANNER}(的)(?=(?:完成|学习|参加|钻研|投入|掌握|提高|充实|完善)了|向|把)`, 'dgu'), right: '地' },
  // Feeling or manner words before a verb with 了 / 起来 / 着: "高兴地跳了起来", "默默地付出了".
  { kind: 'de', re: /(?:高兴|兴奋|激动|开心|默默|悄悄|静静|慢慢|渐渐|深深|紧紧|牢牢)(的)(?=\p{Script=Han}{1,2}(?:了|起来|着))/dgu, right: '地' },
];
