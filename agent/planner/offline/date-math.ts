/** Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC, for resolving time words. */
import type { DateRange } from "../../plan/query-plan.ts";

/** A year and month (1-12). */
export interface YearMonth {
  year: number;
  month: number;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** 'YYYY-MM-DD' of a UTC date. */
export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Parses 'YYYY-MM-DD' as a UTC date. */
export function parseDate(text: string): Date {
  const [year, month, day] = text.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const value = parseDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return formatDate(value);
}

/** The month of a date. */
export function monthOf(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** The month `count` months after `month` (negative goes back). */
export function addMonths(month: YearMonth, count: number): YearMonth {
  const index = month.year * 12 + (month.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 'YYYY-MM'. */
export function formatMonth(month: YearMonth): string {
  return `${month.year}-${pad(month.month)}`;
}

/** The last day of a month. */
function lastDay(month: YearMonth): number {
  return new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
}

/** The whole months from `first` through `last`, inclusive. */
export function monthsRange(first: YearMonth, last: YearMonth): DateRange {
  return { start: `${first.year}-${pad(first.month)}-01`, end: `${last.year}-${pad(last.month)}-${pad(lastDay(last))}` };
}

/** One whole month. */
export function monthRange(month: YearMonth): DateRange {
  return monthsRange(month, month);
}

/** A calendar quarter (1-4) of a year. */
export function quarterRange(year: number, quarter: number): DateRange {
  const first = { year, month: (quarter - 1) * 3 + 1 };
  return monthsRange(first, addMonths(first, 2));
}

/** A calendar year. */
export function yearRange(year: number): DateRange {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Whole days from start to end, inclusive. */
export function daysInRange(range: DateRange): number {
  return Math.round((parseDate(range.end).getTime() - parseDate(range.start).getTime()) / 86_400_000) + 1;
}

/**
 * The period just before `range`, of the same shape: the previous month for a month, the previous quarter for a
 * quarter, the same number of whole months for month-aligned ranges, else the same number of days.
 */
export function previousPeriod(range: DateRange): DateRange {
  const start = monthOf(range.start);
  const end = monthOf(range.end);
  const monthAligned = range.start.endsWith("-01") && addDays(range.end, 1).endsWith("-01");
  if (monthAligned) {
    const months = (end.year - start.year) * 12 + (end.month - start.month) + 1;
    return monthsRange(addMonths(start, -months), addMonths(start, -1));
  }
  const days = daysInRange(range);
  return { start: addDays(range.start, -days), end: addDays(range.start, -1) };
}

/** The same range one year earlier (同比 / year over year). */
export function sameRangeLastYear(range: DateRange): DateRange {
  const shift = (date: string) => {
    const year = Number(date.slice(0, 4)) - 1;
    const rest = date.slice(4);
    // 29 February has no twin in a common year.
    return rest === "-02-29" ? `${year}-02-28` : `${year}${rest}`;
  };
  return { start: shift(range.start), end: shift(range.end) };
}

/** Whether a date lies in a range. */
export function rangeContains(range: DateRange, date: string): boolean {
  return range.start <= date && date <= range.end;
}
