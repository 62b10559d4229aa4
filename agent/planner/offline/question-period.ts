/** The period a question names and what it is compared with; trends default to the last 12 months. */
import type { DateRange } from "../../plan/query-plan.ts";
import { addDays, daysInRange, monthOf, monthRange, previousPeriod, quarterRange } from "./date-math.ts";
import type { Comparison } from "./draft.ts";
import type { Intent } from "./read-question.ts";

/**
 * Whether two separate periods are joined by 和/与/and ("本月和上月", "January and February"): each is shown, not
 * added together ("between March and May", "1月到3月" are one range).
 */
export function periodsJoined(intent: Intent): boolean {
  if (intent.times.length !== 2) return false;
  const [first, second] = [...intent.times].sort((left, right) => left.start - right.start);
  return (
    /^\s*(和|与|及|跟|同|、|,|and|&)\s*$/.test(intent.text.slice(first.end, second.start)) &&
    !/between\s*$/.test(intent.text.slice(0, first.start)) &&
    first.range.end < second.range.start !== second.range.end < first.range.start
  );
}

/** The period said and how it is compared (two periods with "vs", 环比, 同比, "compared with last month"). */
export function timeOf(intent: Intent, asOfDate: string): { period?: DateRange; compare?: Comparison } {
  const times = [...intent.times].sort((left, right) => left.range.start.localeCompare(right.range.start));
  const comparing = intent.cues.has("compare") || intent.cues.has("previous_period") || intent.cues.has("year_over_year");
  const changing = intent.cues.has("rise") || intent.cues.has("fall") || intent.cues.has("change");
  // Two periods said side by side ("今年和去年对比", "this quarter vs last quarter") are shown one row each; a
  // change word (增长率, 增加了多少, growth) asks for the difference instead, in the wide change columns.
  // "本月和上月的逾期率", "disbursement in January and February": two periods joined by 和/and are each shown, not
  // added together ("between March and May", "1月到3月" are one range).
  const joined = periodsJoined(intent);
  if (joined && !comparing) return { period: times[1].range, compare: { kind: "range", range: times[0].range, ...(changing ? {} : { layout: "rows" as const }) } };
  if (times.length >= 2 && comparing) return { period: times[times.length - 1].range, compare: { kind: "range", range: times[0].range, ...(changing ? {} : { layout: "rows" as const }) } };
  let period: DateRange | undefined;
  if (times.length >= 1) period = { start: times[0].range.start, end: times.reduce((end, time) => (time.range.end > end ? time.range.end : end), times[0].range.end) };
  // 环比, QoQ, YoY, "比上月多还是少" with no change word ask to see both periods: one row each; a change word (增长率,
  // growth, 增加了多少) asks for the change itself, in the wide change columns.
  const layout = changing ? {} : { layout: "rows" as const };
  if (intent.cues.has("year_over_year")) return { period, compare: { kind: "year", ...layout } };
  // "QoQ", "季度环比" with no period said: this quarter against the last one (else the as-of month).
  const quarterly = intent.cueSpans.some((entry) => entry.cue === "previous_period" && /qoq|quarter|季度/.test(entry.span.text));
  if (!period && quarterly) {
    const month = monthOf(asOfDate);
    period = quarterRange(month.year, Math.ceil(month.month / 3));
  }
  // "compared with last month", "how did the NPL ratio change vs last quarter": the period said after the comparison
  // word is the earlier one; the current one is the period after it (even with a change word).
  const compareSpan = intent.cueSpans.find((entry) => entry.cue === "compare")?.span;
  // Values compared with each other ("上海和北京对比", "branch vs mobile app this year") are not periods.
  const comparesValues = new Set(intent.values.flatMap((mention) => mention.options.map((option) => option.dimension))).size < intent.values.length;
  // "和上月相比", "跟去年比": the same, said with the comparison word after the period.
  const only = intent.times.length === 1 ? intent.times[0] : undefined;
  const saidBefore = Boolean(only && compareSpan && compareSpan.start < only.start && only.start - compareSpan.end <= 8);
  const saidWith = Boolean(only && compareSpan && compareSpan.start >= only.end && compareSpan.start - only.end <= 1 && /(?:和|跟|与|同)\s*$/.test(intent.text.slice(0, only.start)));
  if (period && compareSpan && !comparesValues && (saidBefore || saidWith)) {
    const days = daysInRange(period);
    const months = wholeMonths(period);
    const next = months ? monthsAfter(period, months) : { start: addDays(period.end, 1), end: addDays(period.end, days) };
    return { period: next.end > asOfDate ? { start: next.start, end: asOfDate } : next, compare: { kind: "range", range: period, ...layout } };
  }
  if (intent.cues.has("previous_period") || changing) return { period, compare: { kind: "previous", ...layout } };
  if (intent.cues.has("compare") && period) {
    if (comparesValues) return { period };
    return { period, compare: { kind: "range", range: previousPeriod(period), ...layout } };
  }
  return { period };
}

/** How many whole calendar months a range spans (0 when it does not start on a first and end on a last day). */
function wholeMonths(range: DateRange): number {
  const first = monthOf(range.start);
  const last = monthOf(range.end);
  if (!range.start.endsWith("-01") || monthRange(last).end !== range.end) return 0;
  return (last.year - first.year) * 12 + last.month - first.month + 1;
}

/** The `count` whole months right after a range. */
function monthsAfter(range: DateRange, count: number): DateRange {
  const start = monthOf(addDays(range.end, 1));
  let end = start;
  for (let index = 1; index < count; index++) end = monthOf(addDays(monthRange(end).end, 1));
  return { start: monthRange(start).start, end: monthRange(end).end };
}

/** The last 12 whole months ending with the as-of month. */
export function lastTwelveMonths(asOfDate: string): DateRange {
  const asOf = monthOf(asOfDate);
  const first = asOf.month === 12 ? { year: asOf.year, month: 1 } : { year: asOf.year - 1, month: asOf.month + 1 };
  return { start: `${first.year}-${String(first.month).padStart(2, "0")}-01`, end: monthRange(asOf).end };
}
