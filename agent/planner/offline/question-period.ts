/** The period a question names and what it is compared with; trends default to the last 12 months. */
import type { DateRange } from "../../plan/query-plan.ts";
import { addDays, daysInRange, monthOf, monthRange, previousPeriod, quarterRange } from "./date-math.ts";
import type { Comparison } from "./draft.ts";
import type { Intent } from "./read-question.ts";

/** The period said and how it is compared (two periods with "vs", 环比, 同比, "compared with last month"). */
export function timeOf(intent: Intent, asOfDate: string): { period?: DateRange; compare?: Comparison } {
  const times = [...intent.times].sort((left, right) => left.range.start.localeCompare(right.range.start));
  const comparing = intent.cues.has("compare") || intent.cues.has("previous_period") || intent.cues.has("year_over_year");
  const changing = intent.cues.has("rise") || intent.cues.has("fall") || intent.cues.has("change");
  // Two periods said side by side ("今年和去年对比", "this quarter vs last quarter") are shown one row each; a
  // change word (增长率, 增加了多少, growth) asks for the difference instead, in the wide change columns.
  // "本月和上月的逾期率", "disbursement in January and February": two periods joined by 和/and are each shown, not
  // added together ("between March and May", "1月到3月" are one range).
  const [first, second] = [...intent.times].sort((left, right) => left.start - right.start);
  const joined =
    intent.times.length === 2 &&
    /^\s*(和|与|及|跟|同|、|,|and|&)\s*$/.test(intent.text.slice(first.end, second.start)) &&
    !/between\s*$/.test(intent.text.slice(0, first.start)) &&
    first.range.end < second.range.start !== second.range.end < first.range.start;
  if (joined && !comparing) return { period: times[1].range, compare: { kind: "range", range: times[0].range, ...(changing ? {} : { layout: "rows" as const }) } };
  if (times.length >= 2 && comparing) return { period: times[times.length - 1].range, compare: { kind: "range", range: times[0].range, ...(changing ? {} : { layout: "rows" as const }) } };
  let period: DateRange | undefined;
  if (times.length >= 1) period = { start: times[0].range.start, end: times.reduce((end, time) => (time.range.end > end ? time.range.end : end), times[0].range.end) };
  if (intent.cues.has("year_over_year")) return { period, compare: { kind: "year" } };
  // "QoQ", "季度环比" with no period said: this quarter against the last one (else the as-of month).
  const quarterly = intent.cueSpans.some((entry) => entry.cue === "previous_period" && /qoq|quarter|季度/.test(entry.span.text));
  if (!period && quarterly) {
    const month = monthOf(asOfDate);
    period = quarterRange(month.year, Math.ceil(month.month / 3));
  }
  if (intent.cues.has("previous_period") || changing) return { period, compare: { kind: "previous" } };
  if (intent.cues.has("compare") && period) {
    // "compared with last month": the period said is the earlier one; the current one is the period after it.
    const compareSpan = intent.cueSpans.find((entry) => entry.cue === "compare")?.span;
    const timeStart = intent.times[0].start;
    // Values compared with each other ("上海和北京对比", "branch vs mobile app this year") are not periods.
    const comparesValues = new Set(intent.values.flatMap((mention) => mention.options.map((option) => option.dimension))).size < intent.values.length;
    if (comparesValues) return { period };
    if (compareSpan && compareSpan.start < timeStart && timeStart - compareSpan.end <= 8) {
      const days = daysInRange(period);
      const isMonth = period.start.endsWith("-01") && days >= 28 && days <= 31;
      const next = isMonth ? monthRange({ ...monthOf(addDays(period.end, 1)) }) : { start: addDays(period.end, 1), end: addDays(period.end, days) };
      return { period: next.end > asOfDate ? { start: next.start, end: asOfDate } : next, compare: { kind: "range", range: period } };
    }
    return { period, compare: { kind: "range", range: previousPeriod(period) } };
  }
  return { period };
}

/** The last 12 whole months ending with the as-of month. */
export function lastTwelveMonths(asOfDate: string): DateRange {
  const asOf = monthOf(asOfDate);
  const first = asOf.month === 12 ? { year: asOf.year, month: 1 } : { year: asOf.year - 1, month: asOf.month + 1 };
  return { start: `${first.year}-${String(first.month).padStart(2, "0")}-01`, end: monthRange(asOf).end };
}
