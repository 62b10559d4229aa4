/**
 * A class word right after a grouped dimension's name ("产品种类", "各产品类", "渠道类"): 种, 类 and 大 are stop words, so the
 * grouping would be the dimension itself (products) where a coarser class (the product category) may be meant.
 */
import type { AggregateQuery, ListQuery } from "../../plan/query-plan.ts";
import type { ScannedQuestion } from "./scan-question.ts";

/** Class words that may follow a dimension name without being part of any name the layer knows. */
const CLASS_WORD = /^(?:大类|种类|类别|类型|分类|类|大的类)/;

/** The dimension name and class word said together when the query groups by that dimension (undefined: none). */
export function classWordAfterDimension(scanned: ScannedQuestion, query: AggregateQuery | ListQuery): string | undefined {
  if (query.kind !== "aggregate" || query.dimensions.length === 0) return undefined;
  const grouped = new Set(query.dimensions.map((dimension) => dimension.id));
  for (const span of scanned.spans) {
    if (!span.senses.some((sense) => sense.kind === "dimension" && grouped.has(sense.id))) continue;
    const word = CLASS_WORD.exec(scanned.text.slice(span.end));
    if (word) return `${span.text}${word[0]}`;
  }
  return undefined;
}
