/**
 * Words of mixed Chinese questions read as the plain words they stand for: an English verb said in a Chinese passive
 * or perfect ("被reject的申请", "已approve", "reject掉的") is its past participle (rejected, approved), the form the
 * layer's value names take; 期 counting installments ("到期的还款有几期") is a count of repayment rows (几笔).
 */

/** The past participle of a regular English verb (reject → rejected, approve → approved, deny → denied). */
function pastParticiple(verb: string): string {
  // (Participles and adjectives stay as said: "已pending", "已active" are not verbs to inflect.)
  if (/(?:ed|en|ing|ive|al|ous|ful|able|ent|ant)$/.test(verb)) return verb;
  if (/e$/.test(verb)) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** An English verb right after a Chinese passive or perfect marker (被, 已, 已经, 已被). */
const AFTER_MARKER = /(被|已经被|已被|已经|已)\s*([a-z]{3,})(?![a-z])/g;
/** An English verb right before a Chinese perfect particle (了, 掉). */
const BEFORE_PARTICLE = /(?<![a-z])([a-z]{3,})\s*(掉(?:了)?|(?=了))/gu;

/** Words naming installments (repayment rows); 期 counts them when they are named. */
const INSTALLMENT_ROWS = /还款|期供|还款计划|installment/;
/**
 * "几期", "多少期" closing the question as a count, not 期限 / 期数 / 期次 / 期间, "分几期" (a loan's term) or "第几期" (an
 * installment's number). (Said before more words, "有多少期是逾期的", the words after describe installments in ways the
 * loans' terms do not serve: left unread, the question is declined.)
 */
const PERIODS_COUNTED = /(?<![分第])(几|多少)期(?=\s*(?:了|啊|呀|呢|吗|嘛|啦)?\s*(?:[?.!,;]|$))/g;

/**
 * The text with English verbs in Chinese passives read as participles and 期 counting named installments read as
 * 笔: "列出这个月被reject的申请" → "列出这个月被 rejected的申请", "未来14天到期的还款有几期" → "…有几笔".
 */
export function readMixedLanguageWords(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  let result = text.replace(AFTER_MARKER, (_, marker: string, verb: string) => `${marker} ${pastParticiple(verb)} `);
  // (掉 "away" only completes the verb: "reject掉的" is rejected.)
  result = result.replace(BEFORE_PARTICLE, (_, verb: string) => `${pastParticiple(verb)} `);
  if (INSTALLMENT_ROWS.test(result)) result = result.replace(PERIODS_COUNTED, "$1笔");
  return result;
}
