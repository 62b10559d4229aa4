/** Date ranges in words: "2026年6月" / "June 2026", quarters, years, month spans, or plain dates. */
import type { Language } from "../planner/planner.ts";

/** An inclusive date range, 'YYYY-MM-DD'. */
export interface Period {
  start: string;
  end: string;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_EN_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The last day of a month (1-based month). */
function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number);
  return { year, month, day };
}

/** The month 'YYYY-MM' in words: "2026年6月" / "June 2026". */
export function describeMonth(month: string, language: Language): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return language === "zh" ? `${year}年${monthNumber}月` : `${MONTHS_EN_LONG[monthNumber - 1]} ${year}`;
}

/** A date range in words, as short as its shape allows (whole month, quarter, year, month span, or dates). */
export function describePeriod(period: Period, language: Language): string {
  const start = parts(period.start);
  const end = parts(period.end);
  const wholeMonths = start.day === 1 && end.day === lastDayOfMonth(end.year, end.month);
  if (!wholeMonths) return language === "zh" ? `${period.start} 至 ${period.end}` : `${period.start} to ${period.end}`;
  const sameYear = start.year === end.year;
  if (sameYear && start.month === end.month) return describeMonth(period.start.slice(0, 7), language);
  if (sameYear && start.month === 1 && end.month === 12) return language === "zh" ? `${start.year}年` : `${start.year}`;
  if (sameYear && start.month % 3 === 1 && end.month === start.month + 2) {
    const quarter = (start.month + 2) / 3;
    return language === "zh" ? `${start.year}年第${"一二三四"[quarter - 1]}季度` : `Q${quarter} ${start.year}`;
  }
  if (language === "zh") return sameYear ? `${start.year}年${start.month}月至${end.month}月` : `${start.year}年${start.month}月至${end.year}年${end.month}月`;
  return sameYear
    ? `${MONTHS_EN[start.month - 1]}–${MONTHS_EN[end.month - 1]} ${start.year}`
    : `${MONTHS_EN[start.month - 1]} ${start.year}–${MONTHS_EN[end.month - 1]} ${end.year}`;
}

/** The as-of month of a date, 'YYYY-MM'. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, "0")}`;
}
