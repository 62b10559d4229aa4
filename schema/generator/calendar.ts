/** Calendar arithmetic on whole days and months, without Date objects or time zones. */

/** Days since 1970-01-01 for a civil date (proleptic Gregorian). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date [year, month 1-12, day 1-31] of a day number. */
export function civilFromDays(dayNumber: number): [number, number, number] {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthPart = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthPart + 2) / 5) + 1;
  const month = monthPart + (monthPart < 10 ? 3 : -9);
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

const formattedDays = new Map<number, string>();

/** 'YYYY-MM-DD' for a day number (memoised: the generator formats millions of dates over a few thousand days). */
export function formatDay(dayNumber: number): string {
  let text = formattedDays.get(dayNumber);
  if (text === undefined) {
    const [year, month, day] = civilFromDays(dayNumber);
    text = `${year}-${pad2(month)}-${pad2(day)}`;
    formattedDays.set(dayNumber, text);
  }
  return text;
}

/** The day number of a 'YYYY-MM-DD' text, or undefined when it is not a real calendar date. */
export function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** 'YYYY-MM-DD HH:MM:SS' for a day number and a second of that day (0..86399). */
export function formatTimestamp(dayNumber: number, secondOfDay: number): string {
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay % 3600) / 60);
  return `${formatDay(dayNumber)} ${pad2(hours)}:${pad2(minutes)}:${pad2(secondOfDay % 60)}`;
}

/** Number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A month as one integer (year * 12 + month - 1), so that months add and subtract. */
export function monthIndexOfDay(dayNumber: number): number {
  const [year, month] = civilFromDays(dayNumber);
  return year * 12 + month - 1;
}

/** 'YYYY-MM' of a month index. */
export function formatMonth(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${pad2((monthIndex % 12) + 1)}`;
}

/** The first day of a month index. */
export function firstDayOfMonth(monthIndex: number): number {
  return daysFromCivil(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/** The last day of a month index. */
export function lastDayOfMonth(monthIndex: number): number {
  return firstDayOfMonth(monthIndex + 1) - 1;
}

/** The same day of the month `months` later, clamped to the month's length (Jan 31 + 1 month = Feb 28). */
export function addMonths(dayNumber: number, months: number): number {
  const [year, month, day] = civilFromDays(dayNumber);
  const target = year * 12 + month - 1 + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = (target % 12) + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
