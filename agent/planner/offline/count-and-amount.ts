/**
 * "how many and how much", "多少笔、多少钱": a count and an amount of money asked for in one question. Each needs its
 * own measure: the rows counted and their money total (the rows' one money total when no money measure is named).
 */

/** Words asking for a count ("how many", 多少笔); "how many more" is a change, not a count. */
const HOW_MANY = /\bhow many\b(?!\s+(?:more|fewer|less)\b)|多少笔|几笔|多少条|多少户|多少期/;
/** Words asking for an amount of money ("how much", 多少钱); "how much more" is a change. */
const HOW_MUCH = /\bhow much\b(?!\s+(?:more|less)\b)|多少钱|多少金额|金额多少|钱多少|总共多少钱/;

/** The words of a question asking for both a count and an amount, if it does ("how many", "how much"). */
export function countAndAmountWords(text: string): { count: string; amount: string } | undefined {
  const count = HOW_MANY.exec(text);
  const amount = HOW_MUCH.exec(text);
  if (!count || !amount) return undefined;
  // (One phrase cannot be both: "多少笔" and "多少钱" are said apart.)
  const overlaps = count.index < amount.index + amount[0].length && amount.index < count.index + count[0].length;
  return overlaps ? undefined : { count: count[0], amount: amount[0] };
}
