/**
 * A verb that is both a count and an amount, ranked or compared with nothing saying which ("哪个支行今年放款最多": the
 * most loans, or the most money lent?): declined rather than guessed.
 */
import type { Intent } from "./read-question.ts";

/** 放款/贷出/借出 said with 最多/最少/多/少 or a ranking place and no count word (笔, 数) or money word (金额, 额, 钱) anywhere. */
// (A ranking place, "放款前三", "放款排名", is the same choice; "放款前的审批" is a time, not a place.)
const COUNT_OR_AMOUNT = /(?:放款|放贷|贷出|借出)(?:了)?(?:的)?(?:最多|最少|多|少|排名|排行|排前|前(?:\s*\d+|[一二两三四五六七八九十]+|几)|倒数|垫底|靠前|靠后)(?!少)/u;
const DECIDING_WORDS = /笔|数|件|个数|金额|额|钱|元|规模/u;

/** Whether the question ranks or compares a count-or-amount verb without saying which. */
export function countOrAmountUndecided(intent: Intent): boolean {
  if (!COUNT_OR_AMOUNT.test(intent.text)) return false;
  return !DECIDING_WORDS.test(intent.text.replace(COUNT_OR_AMOUNT, " ")) && intent.metrics.length === 0;
}
