/** Calendar arithmetic on 'YYYY-MM-DD' dates and 'YYYY-MM' months, in UTC, for placeholders and time buckets. */
import type { DateRange, TimeGrain } from "../plan/query-plan.ts";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function parse(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parse(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The same calendar day `years` years earlier; 29 February becomes 28 February in a common year. */
export function subtractYears(date: string, years: number): string {
  const { year, month, day } = parse(date);
  const target = year - years;
  return format(target, month, Math.min(day, daysInMonth(target, month)));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `count` months after `month` ('YYYY-MM'; negative goes back). */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** First and last day of a month. */
export function monthRange(month: string): DateRange {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  return { start: `${month}-01`, end: format(year, monthNumber, daysInMonth(year, monthNumber)) };
}

/** One time bucket: its label as the time dimension shows it, and its days clipped to the range asked. */
export interface TimeBucket {
  label: string;
  range: DateRange;
}

/** The label of the bucket holding `date` at `grain` (day 'YYYY-MM-DD', month 'YYYY-MM', quarter 'YYYY-Qn', year 'YYYY'). */
export function bucketLabel(date: string, grain: TimeGrain): string {
  const { year, month } = parse(date);
  if (grain === "day") return date;
  if (grain === "month") return date.slice(0, 7);
  if (grain === "quarter") return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  return pad(year, 4);
}

/** The month, quarter or year buckets covering `range`, in order, each clipped to the range. */
export function bucketsOf(range: DateRange, grain: Exclude<TimeGrain, "day">): TimeBucket[] {
  const step = { month: 1, quarter: 3, year: 12 }[grain];
  const buckets: TimeBucket[] = [];
  // Start at the first month of the bucket holding range.start.
  const { year, month } = parse(range.start);
  const firstMonth = grain === "month" ? month : grain === "quarter" ? Math.floor((month - 1) / 3) * 3 + 1 : 1;
  let current = `${pad(year, 4)}-${pad(firstMonth)}`;
  while (`${current}-01` <= range.end) {
    const start = `${current}-01`;
    const end = monthRange(addMonths(current, step - 1)).end;
    buckets.push({
      label: bucketLabel(start, grain),
      range: { start: start < range.start ? range.start : start, end: end > range.end ? range.end : end },
    });
    current = addMonths(current, step);
  }
  return buckets;
}
