/**
 * 的/地/得 context rules built on word classes (R-SELF-TEXT 无错别字). Pure: text in, findings out.
 *
 * Two errors are found, each only where the context proves it (no false alarm on correct text is the goal):
 *  1. 的 → 地 before a verb in adverbial position: MANNER 的 VERB, as in 我认真的学习专业知识 / 顺利的完成了.
 *     Evidence that MANNER 的 is adverbial, not a noun modifier (认真的学习态度、不断的努力 are right):
 *     - the verb carries an aspect marker (了/着/过) or is followed by a preposition-led phrase, or
 *     - a subject pronoun or an adverb (一直、始终、都 …) stands before MANNER, or
 *     - MANNER starts the clause and the verb takes an object;
 *     and nothing marks a noun phrase: no 进行/得到/受到/是 … before MANNER, no noun head (态度、方法、过程 …) or
 *     是/使/让/和 after the verb.
 *  2. 的 → 得 before a degree complement: VERB 的 [DEGREE] RESULT, as in 写的很好 / 考的不太理想。/ 忙的不可开交.
 *     Without a degree word the result must end the clause (写的好文章 is a noun phrase); RESULT words that start
 *     a longer word (好吃、好看、快乐) are not results.
 * NOTE: 地 → 的 (美好地回忆) and 得 → 地 are not checked: the word classes that would prove them are too open.
 */

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

/** Adjectives and adverbs that can modify a verb adverbially (MANNER 地 VERB). */
export const MANNER: readonly string[] = alt([
  '认真', '努力', '积极', '主动', '刻苦', '虚心', '耐心', '踏实', '扎实', '顺利', '圆满', '按时', '独立', '出色',
  '不断', '逐步', '默默', '悄悄', '静静', '慢慢', '渐渐', '深深', '紧紧', '牢牢', '高兴', '兴奋', '激动', '开心',
  '愉快', '热情', '细心', '用心', '专心', '诚恳', '客观', '全面', '系统', '合理', '正确', '严格', '仔细', '坚定',
  '坚决', '果断', '迅速', '及时', '有效', '充分', '彻底', '深入', '大胆', '勇敢', '自觉', '反复', '清醒', '明确',
  '切实', '耐心细致', '认认真真', '踏踏实实', '扎扎实实', '勤勤恳恳', '兢兢业业', '仔仔细细', '一步步', '一点点',
  '一遍遍', '不停', '默默无闻', '尽心尽力', '全心全意', '脚踏实地', '一丝不苟', '持之以恒', '坚持不懈', '心平气和',
  '实事求是', '有条不紊', '循序渐进', '热心', '细致', '稳步', '积极主动', '认真负责',
]);

/** Verbs that take a manner adverbial (two characters or more; single-character verbs see VERB1). */
export const VERBS: readonly string[] = alt([
  '学习', '工作', '完成', '参加', '钻研', '投入', '掌握', '提高', '思考', '复习', '对待', '处理', '解决', '帮助',
  '配合', '履行', '面对', '接受', '改正', '总结', '阅读', '练习', '执行', '落实', '做好', '做事', '干活', '度过',
  '走过', '坚持', '承担', '服务', '倾听', '请教', '询问', '回答', '记录', '整理', '检查', '核对', '研究', '探索',
  '实践', '适应', '融入', '沟通', '交流', '协调', '改进', '纠正', '反思', '回顾', '迎接', '克服', '追求', '弥补',
  '补充', '充实', '完善', '吸收', '领会', '理解', '分析', '考虑', '安排', '规划', '筹备', '组织', '开展', '推进',
  '实施', '维护', '遵守', '践行', '奉献', '付出', '拼搏', '奋斗', '前进', '成长', '进步', '积累', '认识', '看待',
  '答应', '接过', '拿起', '放下', '告诉', '指出', '提醒', '鼓励', '教导', '指导', '说服', '点头', '微笑', '学会',
  '读完', '写完', '做完', '听讲', '听取', '记住', '看完', '跑完', '走进', '走上', '走出', '投身', '献出', '担任',
  '承认', '审视', '面向', '通过', '攻克', '啃下', '背诵', '默写', '演算', '修改', '核算', '盘点', '护理',
  '照顾', '照料', '陪伴', '关心', '关注', '备考', '接待', '招呼', '款待', '讲授', '传授', '引导', '带领', '督促',
  '参与', '贯彻', '宣传', '动员', '调解', '劝导', '解释', '说明', '介绍', '推广', '推荐', '记下', '写下', '学完',
  '看书', '读书', '背书', '做题', '练字', '答题', '应对', '处置', '排查', '检修', '维修', '修理', '安装', '调试',
  '清点', '核查', '登记', '整改', '应考', '操作', '运用', '使用', '讲解', '解答', '辅导',
]);
/** Single-character verbs: only with a following aspect or result marker (认真的写完、默默的做着). */
const VERB1 = '说做干写读听看想问学练记讲走跑笑跳喊哭干忙';
const VERB1_NEXT = ['了', '着', '过', '起来', '完', '好', '下去', '一遍', '一下', '出', '遍'];

/** A verb followed by one of these is the head of a noun phrase: 认真的学习态度、繁忙的工作之余. */
const NOUN_HEADS = alt([
  '态度', '作风', '精神', '方法', '习惯', '氛围', '环境', '计划', '状态', '热情', '风气', '能力', '经验', '效率',
  '方式', '生活', '成果', '成绩', '过程', '机会', '时间', '目标', '内容', '任务', '情况', '问题', '效果', '动力',
  '兴趣', '劲头', '积极性', '主动性', '岗位', '单位', '条件', '经历', '压力', '阶段', '习性', '风格', '质量', '水平',
  '品质', '收获', '心得', '体会', '笔记', '资料', '技巧', '思路', '模式', '制度', '规律', '意识', '理念', '道路',
  '旅程', '历程', '生涯', '岁月', '日子', '时光', '强度', '进度', '节奏', '中', '上', '里', '者', '员', '人', '时',
  '后', '前', '之', '的', '是', '使', '让', '和', '与', '及', '或', '、', '下', '期间', '以来', '一样', '似的',
  // a main verb after the phrase makes it the subject: 我细心的护理得到了认可、热情的服务赢得了信任.
  '得', '赢', '受到', '获得', '换来', '成为', '被', '令', '感动', '打动', '带来', '给', '离不开', '帮', '比', '促使',
  '激励', '鼓舞', '推动', '提高了', '改变了', '感染', '温暖', '化解', '避免', '弥补了', '才', '都', '也', '就', '还',
]);
/** Before MANNER these make MANNER 的 VERB a noun phrase: 进行了认真的学习、得到及时的处理、这是认真的学习. */
const NOMINAL_BEFORE = alt([
  '了', '有', '作', '做', '进行', '得到', '经过', '通过', '给予', '受到', '取得', '是', '作出', '做出', '加以',
  '予以', '提供', '保持', '需要', '具有', '种', '个', '这样', '那样', '的', '靠', '凭', '离不开', '感谢', '谢谢',
  '一番', '一次', '次', '场', '段',
]);
const DEGREE_WORDS = alt(['很', '非常', '十分', '特别', '更加', '更', '比较', '最', '极其', '相当', '格外', '越来越', '愈发', '较为']);
/** Adverbs before MANNER prove the adverbial: 一直认真的学习. */
const ADVERBS = alt([
  '一直', '始终', '总是', '都', '也', '还', '就', '便', '又', '要', '会', '能', '应该', '必须', '将', '一定', '仍然',
  '依然', '已经', '曾', '常常', '经常', '每天', '天天', '坚持', '继续', '不', '没有', '开始', '能够', '愿意', '才',
  '再', '却', '并', '均', '每次', '从此', '因此', '于是', '然后', '所以', '便会', '一向', '向来', '从来', '仍', '总',
]);
const SUBJECTS = alt(['我', '他', '她', '我们', '他们', '她们', '大家', '同事们', '同学们', '自己', '咱们', '你']);
const PREPS = ['向', '把', '将', '给', '跟', '与', '被', '从', '对'];
const ASPECT = ['了', '着', '过'];

/** Verbs and adjectives that take a degree complement with 得 (写得很好、忙得不可开交). */
export const COMPLEMENT_VERBS: readonly string[] = alt([
  '做', '学', '考', '干', '写', '讲', '说', '唱', '跑', '背', '记', '练', '画', '算', '办', '活', '睡', '吃', '过',
  '变', '长', '完成', '表现', '处理', '掌握', '发挥', '准备', '复习', '学习', '工作', '进步', '理解', '管理', '安排',
  '组织', '适应', '相处', '配合', '进展', '提高', '成长', '忙', '累', '答', '读', '听', '看', '想', '弄', '搞',
  '干活', '做事', '布置', '整理', '收拾', '解释', '分析', '总结', '规划', '坚持', '考试', '答题', '发展',
  '打扫', '玩', '洗', '擦', '修', '装', '跳', '笑', '讲解', '解答', '回答', '介绍', '说明', '描述', '表达', '发言',
  '演讲', '汇报', '翻译', '设计', '计算', '检查', '核对', '记录', '练习', '背诵', '休息', '改善', '恢复', '生活',
]);
const RESULTS = alt([
  '好', '出色', '扎实', '到位', '优秀', '充实', '顺利', '愉快', '踏实', '圆满', '熟练', '完美', '认真', '仔细', '清楚',
  '明白', '透彻', '快', '慢', '准确', '漂亮', '精彩', '成功', '理想', '满意', '不错', '辛苦', '开心', '有意义',
  '有条理', '井井有条', '有声有色', '淋漓尽致', '一塌糊涂', '不可开交', '满头大汗', '头头是道', '热火朝天',
  '清清楚楚', '明明白白', '整整齐齐', '干干净净', '津津有味', '丰富多彩', '有滋有味', '稳', '牢', '对', '准',
  '细', '透', '流利', '生动', '周到', '细致', '全面', '规范', '合格', '及时', '高效', '井然有序', '熟', '工整',
  '妥当', '整齐', '干净', '细心', '耐心', '流畅', '通顺', '清晰', '详细', '具体', '周密', '妥善', '合理', '得体',
  '自然', '大方', '热闹', '紧张', '轻松', '痛快', '尽兴',
]);
/** A RESULT followed by one of these is the start of another word (好吃、快乐、对象): not a complement. */
const RESULT_NOT_NEXT: Record<string, string> = {
  好: '吃看听用玩像几多些处奇转评感友书事人的', 快: '乐递餐速件', 慢: '性', 对: '象手方面于待话比照应策',
  准: '备时确则许考', 细: '节心致则', 稳: '定重妥', 牢: '固记骚', 透: '明露过', 理想: '的', 认真: '的', 成功: '的',
  清楚: '的', 明白: '的', 熟: '悉练睡',
};
const CLAUSE_END = '，。；！？、：…）”’\n';
const DEGREE_COMPLEMENT = ['不可开交', '满头大汗', '一塌糊涂', '井井有条', '有声有色', '淋漓尽致', '头头是道', '热火朝天', '津津有味'];

function endsWithAny(text: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (at - w.length >= 0 && text.startsWith(w, at - w.length)) return w;
  return null;
}
function startsWithAny(text: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return null;
}
const isHan = (ch: string | undefined) => !!ch && /\p{Script=Han}/u.test(ch);

export interface DeFinding {
  /** Offset of the 的 to replace. */
  at: number;
  right: '地' | '得';
}

/** The verb after 的 at `k`, when it is one (VERBS, or VERB1 with a marker); its end offset, else -1. */
function verbAfter(text: string, k: number): number {
  const v = startsWithAny(text, k, VERBS);
  if (v) return k + v.length;
  if (VERB1.includes(text[k] ?? '\0') && startsWithAny(text, k + 1, VERB1_NEXT)) return k + 1;
  return -1;
}

/** A noun-phrase marker ends at `b` (进行、得到、是 …), unless a longer adverb ends there (总是, 一直). */
function nominalBefore(text: string, b: number): boolean {
  const n = endsWithAny(text, b, NOMINAL_BEFORE);
  const a = endsWithAny(text, b, ADVERBS);
  return !!n && (!a || n.length >= a.length);
}

function adverbialDe(text: string, i: number): boolean {
  const manner = endsWithAny(text, i, MANNER);
  if (!manner) return false;
  const vEnd = verbAfter(text, i + 1);
  if (vEnd < 0) return false;
  if (text.startsWith('的确', i)) return false;
  // What follows the verb.
  if (startsWithAny(text, vEnd, NOUN_HEADS)) return false;
  // A single-character verb matched only with its marker (写完、做着), which is evidence enough.
  const aspect = !!startsWithAny(text, vEnd, ASPECT) || (vEnd === i + 2 && !startsWithAny(text, i + 1, VERBS));
  const clauseEnd = vEnd >= text.length || CLAUSE_END.includes(text[vEnd]);
  const object = isHan(text[vEnd]) || /[0-9A-Za-z“《]/u.test(text[vEnd] ?? '');
  // What precedes MANNER (degree words skipped).
  let b = i - manner.length;
  for (let d = endsWithAny(text, b, DEGREE_WORDS); d; d = endsWithAny(text, b, DEGREE_WORDS)) b -= d.length;
  if (nominalBefore(text, b)) return false;
  const adverb = !!endsWithAny(text, b, ADVERBS);
  // With only a subject before it, MANNER 的 VERB may be the subject of a later verb with 了/过: 我细致的检查发现了
  //问题 is right. Then it is left alone (an adverb before MANNER, as in 一直认真的学习, leaves no doubt).
  let clause = vEnd;
  while (clause < text.length && !CLAUSE_END.includes(text[clause])) clause++;
  const laterAspect = /[了过]/u.test(text.slice(vEnd, clause));
  const leftEvidence = adverb || (!!endsWithAny(text, b, SUBJECTS) && !laterAspect);
  if (aspect) return true;
  // NOTE: a clause-initial 认真的学习专业知识 is not flagged: 热情的服务赢得了信任 has the same shape and is right.
  return leftEvidence && (object || clauseEnd);
}

function prepositionDe(text: string, i: number): boolean {
  const manner = endsWithAny(text, i, MANNER);
  if (!manner || !startsWithAny(text, i + 1, PREPS)) return false;
  // 对 only as a preposition with an object and a verb later in the clause: 认真的对待 is a verb (VERBS), 正确的对错 not.
  if (text[i + 1] === '对' && !/^对[^，。；！？]{1,8}?(?:负责|进行|认真|做|学|说|讲)/u.test(text.slice(i + 1, i + 14))) return false;
  let b = i - manner.length;
  for (let d = endsWithAny(text, b, DEGREE_WORDS); d; d = endsWithAny(text, b, DEGREE_WORDS)) b -= d.length;
  return !nominalBefore(text, b);
}

function complementDe(text: string, i: number): boolean {
  const verb = endsWithAny(text, i, COMPLEMENT_VERBS);
  if (!verb) return false;
  // 所做的 / 我们学的 are nominal only when a noun follows; that is handled by RESULT. 的确 is a word.
  if (text.startsWith('的确', i)) return false;
  let k = i + 1;
  if (startsWithAny(text, k, DEGREE_COMPLEMENT)) return true;
  // 表现的还不够好、学的也很扎实: a linking adverb may come first.
  if ('还也并都'.includes(text[k] ?? '\0') && (text[k + 1] === '不' || startsWithAny(text, k + 1, DEGREE_WORDS))) k += 1;
  const degree = startsWithAny(text, k, DEGREE_WORDS);
  let negated = false;
  if (degree) k += degree.length;
  else if (text[k] === '不') {
    negated = true;
    k += 1;
    const soft = startsWithAny(text, k, ['太', '够', '是很', '很', '大']);
    if (soft) k += soft.length;
  }
  const result = startsWithAny(text, k, RESULTS);
  if (!result) return false;
  const after = text[k + result.length];
  if (after && RESULT_NOT_NEXT[result]?.includes(after)) return false;
  // 我度过的最充实的一年 / 做的很好的地方: nominal or complement — left alone.
  if (after === '的') return false;
  const clauseEnd = after === undefined || CLAUSE_END.includes(after);
  if (degree && !negated) return true;
  // Without a degree word: only when the result ends the clause (考的不太理想。/ 学的扎实，).
  return clauseEnd && (negated || result.length >= 2 || degree !== null);
}

/** Every 的 that should be 地 or 得, in text order. */
export function findDe(text: string): DeFinding[] {
  const out: DeFinding[] = [];
  for (let i = text.indexOf('的'); i >= 0; i = text.indexOf('的', i + 1)) {
    if (complementDe(text, i)) out.push({ at: i, right: '得' });
    else if (adverbialDe(text, i) || prepositionDe(text, i)) out.push({ at: i, right: '地' });
  }
  return out;
}
