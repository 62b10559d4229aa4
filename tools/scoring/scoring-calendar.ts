/** Month and day arithmetic on 'YYYY-MM' and 'YYYY-MM-DD' texts, in UTC, for as-of-relative windows. */

const DAY_MS = 86_400_000;
const pad2 = (value: number): string => String(value).padStart(2, "0");

/** True when the text is a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `offset` months from a 'YYYY-MM' month (negative goes back). */
export function shiftMonth(month: string, offset: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

/** The `count` months ending with (and including) `lastMonth`, oldest first. */
export function monthsEndingWith(lastMonth: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => shiftMonth(lastMonth, index - count + 1));
}

/** The first day 'YYYY-MM-01' of a month. */
export function firstDayOf(month: string): string {
  return `${month}-01`;
}

/** The last day of a month. */
export function lastDayOf(month: string): string {
  return addDays(firstDayOf(shiftMonth(month, 1)), -1);
}

/** The date `days` days after a date (negative goes back). */
export function addDays(date: string, days: number): string {
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * DAY_MS;
  const shifted = new Date(time);
  return `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const time = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((time(to) - time(from)) / DAY_MS);
}
