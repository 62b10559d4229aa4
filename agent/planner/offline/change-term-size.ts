/**
 * "违约概率上升了多少", "how much did PD go up": the size of a change, asked of a term that names the change as a filter
 * (rising repayment risk: customers whose pd rose by 0.02 or more). Counting those customers answers another
 * question, so the planner declines.
 */
import { CUE_WORDS } from "./cue-words.ts";
import type { Intent } from "./read-question.ts";

/** "了多少", "得多大", "几个百分点" right after the change word, unless rows are counted ("上升了多少个客户"). */
const ZH_SIZE_AFTER = /^\s*(?:了|得)?\s*(?:多少|多大|几个点|几个百分点|百分之几|几成)(?!\s*(?:个|位|名|户|笔)?\s*(?:客户|人|户|借款人|笔))/u;
/** "how much", "by how much", "how far", "what amount": a size asked, not a count of rows. */
const EN_SIZE = /(?<![a-z])(?:how much|how far|by what amount)(?![a-z])/u;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CHANGE_WORD = new RegExp(
  [...CUE_WORDS.rise.zh, ...CUE_WORDS.fall.zh].map(escape).join("|") + "|" + [...CUE_WORDS.rise.en, ...CUE_WORDS.fall.en].map((word) => `(?<![a-z])${escape(word)}(?![a-z])`).join("|"),
  "u",
);

/** Whether a term said with a change word is asked by how much it changed. */
export function changeTermAskedBySize(intent: Intent): boolean {
  return intent.termSpans.some(({ span }) => {
    if (!CHANGE_WORD.test(span.text)) return false;
    return ZH_SIZE_AFTER.test(intent.text.slice(span.end)) || EN_SIZE.test(intent.text);
  });
}
