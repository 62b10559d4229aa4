/** Dimension words said after a word for each or all of their members ("of every branch", "所有城市的"): groupings. */

/** Words for each member, right before the dimension word ("every branch", "each of our campaigns", 每一个产品). */
const EACH_BEFORE = /(?:\b(?:every|each)\s+(?:single\s+)?(?:(?:one\s+)?of\s+(?:the\s+|our\s+)?)?|每(?:一)?(?:个|家|类|款|种|所)?\s*)$/u;

/** Words for all members, right before the dimension word ("all branches", "all of our campaigns", 所有的城市, 全部产品). */
const ALL_BEFORE = /(?:\ball\s+(?:of\s+)?(?:the\s+|our\s+)?|(?:所有|全部)(?:的)?\s*)$/u;

/** Words that ask for one total over the members ("total balance across all branches", 所有支行的贷款余额合计). */
const TOTAL_WORDS = /合计|总计|总和|加总|汇总|一共|总共|加起来|合起来|整体|总体|全行|总(?!行)|\b(?:total|totals|overall|combined|altogether|aggregate|sum|summed|bank-wide|in all)\b/u;

/** How a dimension word starting at `start` is quantified: each member, all members, or not at all. */
export function quantifierBefore(text: string, start: number): "each" | "all" | undefined {
  const before = text.slice(0, start);
  if (EACH_BEFORE.test(before)) return "each";
  if (ALL_BEFORE.test(before)) return "all";
  return undefined;
}

/** Whether the question asks for one total (so "all branches" is the whole, not each branch). */
export function asksForTotal(text: string): boolean {
  return TOTAL_WORDS.test(text);
}

/**
 * Whether a dimension word at `start` asks for its groups: "every/each X" always; "all X" unless a total is asked
 * for ("NPL ratio of all branches" is each branch's; "total balance of all branches" is one figure).
 */
export function quantifiedGrouping(text: string, start: number): boolean {
  const quantifier = quantifierBefore(text, start);
  return quantifier === "each" || (quantifier === "all" && !asksForTotal(text));
}

/** Whether a dimension word at `start` names all members for one total ("total balance across all branches"). */
export function allMembersForTotal(text: string, start: number): boolean {
  return quantifierBefore(text, start) === "all" && asksForTotal(text);
}
