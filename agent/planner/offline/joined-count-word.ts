/** A bare count word joined to a measure ("count and balance of overdue loans", 数量和余额): the rows' count is measured too. */

/** A count word said as a measure of its own, joined to another by and/和 ("count and balance", "balance and number"). */
const JOINED_COUNT = /(?:\b(?:count|number|total number|headcount)\s*(?:,\s*)?(?:and|&|plus|as well as)\s+(?!(?:count|number)\b)|(?:\band|&|plus|as well as)\s+(?:the\s+)?(?:count|number|total number)\b(?!\s+of\b))|(?:数量|个数|总数|件数)\s*(?:和|与|及|以及|、|跟)|(?:和|与|及|以及|、|跟)\s*(?:数量|个数|总数|件数)/u;

/** The count word joined to another measure, if the question says one. */
export function joinedCountWord(text: string): string | undefined {
  return JOINED_COUNT.exec(text)?.[0].trim();
}
