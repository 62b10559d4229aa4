/** A bare dimension noun right before the one metric asked (分行贷款余额, branch loan balance) groups the metric by it. */
import type { Span } from "./scan-question.ts";

/**
 * Whether the question is only a dimension word and, right after it, one metric, with period
 * words beside them and nothing else of the data model: "分行贷款余额", "上季度大区放款金额", "product overdue rate".
 * A manager's terse "X + measure" asks for the measure per X. Any value, term, number or other word (上海分行贷款余额:
 * a branch named) keeps the dimension word as context, so it is not grouped here.
 */
export function bareDimensionBeforeMetric(text: string, content: Span[], dimensionId: string): boolean {
  const words = content.filter((span) => !span.time);
  if (words.length !== 2 || content.some((span) => span.number || span.limit)) return false;
  const [dimension, metric] = words;
  if (!dimension.senses.some((sense) => sense.kind === "dimension" && sense.id === dimensionId)) return false;
  if (dimension.senses.some((sense) => sense.kind === "value" || sense.kind === "term" || sense.kind === "metric")) return false;
  if (!metric.senses.some((sense) => sense.kind === "metric")) return false;
  if (metric.senses.some((sense) => sense.kind === "value" || sense.kind === "term" || sense.kind === "dimension")) return false;
  return /^\s*$/u.test(text.slice(dimension.end, metric.start));
}
