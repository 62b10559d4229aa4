/**
 * A schedule date of rows belonging to the subject, said with a period: "未来一周要还款的客户" (customers with a loan
 * whose next due date is in the next 7 days), "下周有还款到期的客户有多少". The period dates those rows by that date.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { DateRange } from "../../plan/query-plan.ts";
import { timeOf } from "./question-period.ts";
import type { Intent } from "./read-question.ts";
import type { Span } from "./scan-question.ts";

/** A date attribute of a schedule, of one entity whose rows belong to the subject. */
export interface ScheduledDate {
  entity: string;
  attribute: string;
  span: Span;
}

/**
 * The one schedule date (an attribute with `schedule`) said of rows that belong to the subject, none of whose
 * readings is the subject's own, when the question says one period; undefined otherwise.
 */
export function scheduledRelatedDate(intent: Intent, layer: SemanticLayer, subject: string, children: Set<string>): ScheduledDate | undefined {
  if (intent.times.length !== 1) return undefined;
  const found = intent.attributes.flatMap((mention) => {
    if (mention.options.some((option) => option.entity === subject)) return [];
    return mention.options.filter((option) => children.has(option.entity) && layer.attribute(option.id).type === "date" && layer.attribute(option.id).schedule).map((option) => ({ entity: option.entity, attribute: option.id, span: mention.span }));
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The period of a schedule date: one period, no trend, no comparison; a future schedule (next due date) with a
 * period that has ended is declined ("上个月要还款的客户": which date would that be?).
 */
export function scheduledPeriod(intent: Intent, layer: SemanticLayer, asOfDate: string, scheduled: ScheduledDate): DateRange | "decline" {
  if (intent.trendGrain) return "decline";
  const { period, compare } = timeOf(intent, asOfDate);
  if (!period || compare) return "decline";
  if (layer.attribute(scheduled.attribute).schedule === "future" && period.end <= asOfDate) return "decline";
  return period;
}
