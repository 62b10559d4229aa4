/** Names of compared periods: a range's own label ('2026-06', '2026-Q2', '2026'), 环比 vs 同比, and the bucket before a range. */
import type { DateRange, TimeGrain } from "../plan/query-plan.ts";
import { addDays, addMonths, bucketLabel, monthOf, monthRange, subtractYears } from "./calendar.ts";

/** How two compared periods relate: the same period a year earlier (同比), the period just before (环比), or other. */
export type ComparisonKind = "year_over_year" | "period_over_period" | "other";

/** The first month of the quarter holding `month` ('YYYY-MM'). */
function quarterStartMonth(month: string): string {
  const number = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-${String(Math.floor((number - 1) / 3) * 3 + 1).padStart(2, "0")}`;
}

/**
 * The label of a range as users name it: a month or month to date 'YYYY-MM', a whole quarter 'YYYY-Qn', a year or
 * year to date 'YYYY', otherwise 'start~end'. Labels of earlier ranges sort before later ones.
 */
export function periodLabel(range: DateRange): string {
  const month = monthOf(range.start);
  if (range.start === `${month}-01` && monthOf(range.end) === month) return month;
  const quarter = quarterStartMonth(month);
  if (range.start === `${quarter}-01` && range.end === monthRange(addMonths(quarter, 2)).end) return bucketLabel(range.start, "quarter");
  if (range.start.slice(5) === "01-01" && range.end.slice(0, 4) === range.start.slice(0, 4)) return range.start.slice(0, 4);
  return `${range.start}~${range.end}`;
}

/** Labels for the current and previous periods of a comparison, distinct even when their own labels coincide. */
export function comparisonLabels(current: DateRange, previous: DateRange): { current: string; previous: string } {
  const labels = { current: periodLabel(current), previous: periodLabel(previous) };
  return labels.current !== labels.previous ? labels : { current: `${current.start}~${current.end}`, previous: `${previous.start}~${previous.end}` };
}

/** 同比 when the earlier range starts exactly a year before, 环比 when it ends the day before the current one starts. */
export function comparisonKind(current: DateRange, previous: DateRange): ComparisonKind {
  if (previous.start === subtractYears(current.start, 1)) return "year_over_year";
  if (addDays(previous.end, 1) === current.start) return "period_over_period";
  return "other";
}

/** The whole bucket before the one holding `date` (the previous month of a monthly trend, etc.). */
export function previousBucket(date: string, grain: TimeGrain): DateRange {
  if (grain === "day") {
    const day = addDays(date, -1);
    return { start: day, end: day };
  }
  const step = { month: 1, quarter: 3, year: 12 }[grain];
  const month = monthOf(date);
  const first = grain === "month" ? month : grain === "quarter" ? quarterStartMonth(month) : `${month.slice(0, 4)}-01`;
  const start = addMonths(first, -step);
  return { start: `${start}-01`, end: monthRange(addMonths(start, step - 1)).end };
}
