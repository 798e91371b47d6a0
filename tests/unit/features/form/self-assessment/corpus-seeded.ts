/**
 * Self-assessment paragraphs with seeded errors (written for this test). Each error is annotated in place as
 * `{{wrong|right|kind}}`: `wrong` is what the candidate typed, `right` the correct text, `kind` the LintKind the
 * checker should report. `parseSeeded` turns a paragraph into the erroneous text, the correct text and the
 * annotated spans (UTF-16 offsets into the erroneous text), so recall is measured against real positions.
 */
import type { LintKind } from '../../../../../src/features/form/self-assessment/index.ts';

export const SEEDED_PARAGRAPHS: readonly string[] = [
  '自2019年9月参加自学考试以来{{,|，|halfwidth-punct}}我始终坚持业余学习{{.|。|halfwidth-punct}}',
  '在学习上我{{再接再励|再接再厉|wrong-word}}，不断提高{{自已|自己|wrong-word}}的专业水平。',
  '工作中我{{按步就班|按部就班|wrong-word}}地完成领导交办的任务，从不拖延{{。。|。|doubled-punct}}',
  '考试前我{{迫不急待|迫不及待|wrong-word}}地想知道成绩{{,|，|halfwidth-punct}}结果比预想的还好。',
  '我读了{{《平凡的世界）|《平凡的世界》|mispaired}}，深受鼓舞，决心{{一股作气|一鼓作气|wrong-word}}考完剩下的课程。',
  '{{截止|截至|jiezhi}}目前，我已通过全部课程考试{{，，|，|doubled-punct}}并顺利完成了毕业论文。',
  '我在单位担任仓库管理员{{(|（|halfwidth-punct}}兼统计员{{)|）|halfwidth-punct}}，工作认真负责。',
  '我{{ |\u200b|space}}热爱祖国，拥护党的领导，自觉遵守国家的法律法规。',
  '遇到困难时我常对自己说{{:|：|halfwidth-punct}}{{"|“|quote}}办法总比困难多{{"|”|quote}}。',
  '学习和工作的压力很大{{...|……|ellipsis}}但我从来没有想过放弃。',
  '我最大的收获是学会了坚持{{-|——|dash}}这比任何证书都重要。',
  '我于{{２０２２|2022|fullwidth-alnum}}年取得专科毕业证书，同年报考本科段的课程。',
  '这几年我{{受益非浅|受益匪浅|wrong-word}}，也更加明白了{{学以至用|学以致用|wrong-word}}的道理。',
  '我严格要求自己，做到{{戒骄戒燥|戒骄戒躁|wrong-word}}，{{尊纪守法|遵纪守法|wrong-word}}。',
  '我会把这种精神坚持下去，{{一如继往|一如既往|wrong-word}}地努力工作{{！！|！|doubled-punct}}',
  '这门课我学{{的|得|de}}非常扎实，期末考了86分{{;|；|halfwidth-punct}}另一门课也顺利通过。',
  '在老师的帮助下，我顺利{{的|地|de}}完成了毕业论文的写作{{，。|。|doubled-punct}}',
  '我经常虚心{{的|地|de}}向有经验的同事请教{{?|？|halfwidth-punct}}因为我知道自己的不足。',
  '工作中我{{己经|已经|wrong-word}}能够独立处理各种单据{{，|。|sentence-end}}',
  '我熟练使用{{ＥＸＣＥＬ|EXCEL|fullwidth-alnum}}等办公软件{{,|，|halfwidth-punct}}能够独立制作各类报表。',
  '我参加了单位组织的“读书月{{“|”|quote}}活动，并在活动中获得了二等奖。',
  '我认为学习贵在{{持之以衡|持之以恒|wrong-word}}，只有{{专心至志|专心致志|wrong-word}}才能学有所成。',
  '今后我将{{严于律已|严于律己|wrong-word}}，{{以身做则|以身作则|wrong-word}}，带动身边的同事共同进步。',
  '这几年的学习使我的综合{{素 质|素质|space}}有了很大提高，{{思想 上|思想上|space}}也更加成熟。',
  '我的专业是会计学{{!|！|halfwidth-punct}}这门专业要求细心和耐心{{。。。|……|ellipsis}}',
  '我喜欢读书，尤其喜欢{{《红岩|《红岩》|unbalanced}}这样的红色经典，它让我懂得了什么是信仰。',
  '通过学习我明白了一个道理{{——|——|none}}机会总是留给有准备的人{{|。|sentence-end}}',
  '我积极参加志愿服务{{（累计服务时长超过100小时|（累计服务时长超过100小时）|unbalanced}}，获得了单位的表扬。',
  '我对待工作{{竞竞业业|兢兢业业|wrong-word}}，对待同事{{彬彬有理|彬彬有礼|wrong-word}}，得到了大家的认可。',
  '面对繁重的学习任务，我{{坚持不懈|坚持不懈|none}}，{{循序渐近|循序渐进|wrong-word}}，终于取得了好成绩{{.|。|halfwidth-punct}}',
  '学习期间我也走过弯路{{—|——|dash}}曾经因为工作太忙{{…|……|ellipsis}}差点放弃了考试。',
  '在生活中我乐于助人{{、、|、|doubled-punct}}勤俭节约，{{自力更生|自力更生|none}}，从不给别人添麻烦。',
  '今后我要继续加强学习，{{博彩众长|博采众长|wrong-word}}，争取做一名{{德材兼备|德才兼备|wrong-word}}的人。',
  '我于2023年{{６|6|fullwidth-alnum}}月通过了最后一门课程，{{心浮气燥|心浮气躁|wrong-word}}的毛病也改了不少。',
  '我的缺点是有时考虑问题不够全面{{,|，|halfwidth-punct}}今后要更加{{有条不稳|有条不紊|wrong-word}}地安排工作。',
  '工作中我表现{{的|得|de}}十分出色{{，，|，|doubled-punct}}被评为年度先进个人。',
];

/**
 * Written after the rules, as a check of how the rules generalise: realistic errors that were NOT looked up in the
 * word list or the detectors first. First measured at 63.6 % recall (7/11: missed 高兴的跳, 收益匪浅, a comma after a
 * digit, 考的不太理想); the rules were then extended for those four, so this set is no longer a blind hold-out.
 */
export const HOLDOUT_PARAGRAPHS: readonly string[] = [
  '听到通过的消息，我高兴{{的|地|de}}跳了起来，因为这是我努力了三年的结果。',
  '通过学习，我的能力得到了{{提高 ,|提高，|halfwidth-punct}}也收获了珍贵的友谊。',
  '我积极参加单位组织的各种活动{{ 。|。|space}}',
  '这段经历让我{{收益匪浅|受益匪浅|wrong-word}}，也让我更加珍惜现在的工作。',
  '我热爱{{　|​|space}}学习，也热爱生活。',
  '我毕业于某某学院{{(|（|halfwidth-punct}}现更名为某某大学{{)|）|halfwidth-punct}}，所学专业为机电一体化。',
  '我的联系电话是0551-12345678{{,|，|halfwidth-punct}}如有需要可以联系我。',
  '我学会了{{坚持 ，|坚持，|space}}也学会了感恩。',
  '这次考试我考{{的|得|de}}不太理想，但我没有灰心。',
  '我每天坚持学习到深夜{{，|。|sentence-end}}',
];

export interface SeededError {
  start: number;
  end: number;
  wrong: string;
  right: string;
  kind: LintKind;
}

export interface SeededParagraph {
  text: string;
  correct: string;
  errors: SeededError[];
}

/** `{{wrong|right|kind}}` → erroneous text, correct text, spans. Kind 'none' is a control: correct as written. */
export function parseSeeded(src: string): SeededParagraph {
  let text = '';
  let correct = '';
  const errors: SeededError[] = [];
  const re = /\{\{([^|}]*)\|([^|}]*)\|([a-z-]+)\}\}/g;
  let last = 0;
  for (const m of src.matchAll(re)) {
    const plain = src.slice(last, m.index);
    text += plain;
    correct += plain;
    const [, wrong, right, kind] = m;
    const rightText = right === '\u200b' ? '' : right;
    if (kind !== 'none') {
      // A missing mark (empty `wrong`) is located at the character before it.
      const start = wrong ? text.length : text.length - 1;
      const end = wrong ? text.length + wrong.length : text.length;
      errors.push({ start, end, wrong, right: rightText, kind: kind as LintKind });
    }
    text += wrong;
    correct += rightText;
    last = m.index + m[0].length;
  }
  text += src.slice(last);
  correct += src.slice(last);
  return { text, correct, errors };
}
