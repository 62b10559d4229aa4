/**
 * A rate word said right after a term's or value's name ("NPL率", "M3+率", "逾期贷款率", "核销贷款率") asks for a rate of those
 * rows; 率 is otherwise a stop word, so a plan with no rate measure (a count or a list of the term's rows) drops it.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, ListQuery } from "../../plan/query-plan.ts";
import type { Intent } from "./read-question.ts";

/** A rate word right after a name, or after the rows it names: 率, 比率, rate, ratio (not 占比: shares are read by share-segment.ts). */
const RATE_AFTER_NAME = /^\s*(?:贷款|客户|申请|预警|还款|loans?\s+|customers?\s+|applications?\s+)?(?:率|比率|rate\b|ratio\b)/;

/** The term or value name said with a rate word after it that the plan answers with no rate (undefined when there is none). */
export function rateWordDropped(intent: Intent, query: AggregateQuery | ListQuery, layer: SemanticLayer): string | undefined {
  if (query.kind === "aggregate" && (query.share || query.shareOf)) return undefined;
  const rated = query.kind === "aggregate" && query.metrics.some((id) => ["rate", "probability"].includes(layer.metric(id).format));
  if (rated) return undefined;
  const spans = [...intent.termSpans.map((entry) => entry.span), ...intent.values.map((mention) => mention.span)];
  const span = spans.find((candidate) => RATE_AFTER_NAME.test(intent.text.slice(candidate.end)));
  return span ? `${span.text}${RATE_AFTER_NAME.exec(intent.text.slice(span.end))?.[0].trim() ?? ""}` : undefined;
}
