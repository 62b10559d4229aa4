/** Schedules of subscriptions (daily, weekly, monthly at a time, or a cron expression) and their occurrences via croner. */
import { Cron } from "croner";
import { z } from "zod";
import { LendLensError } from "../../schema/errors.ts";

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).describe("HH:MM, 24-hour, in the bank's time zone");

/** When a subscription runs. Weekdays: 0 = Sunday … 6 = Saturday. */
export const Schedule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily"), time: Time, weekdays_only: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal("weekly"), weekday: z.number().int().min(0).max(6), time: Time }).strict(),
  z.object({ kind: z.literal("monthly"), day: z.union([z.number().int().min(1).max(31), z.literal("last")]), time: Time }).strict(),
  z.object({ kind: z.literal("cron"), expression: z.string().min(9).max(100).describe("5 fields (minute hour day month weekday) or 6 with seconds first") }).strict(),
]);
export type Schedule = z.infer<typeof Schedule>;
export type ScheduleInput = z.input<typeof Schedule>;

/** A schedule croner cannot read (a bad cron expression or time zone). */
export class ScheduleInvalidError extends LendLensError {
  constructor(problem: string) {
    super("SCHEDULE_INVALID", { zh: `订阅时间无效:${problem}`, en: `Invalid schedule: ${problem}` }, { details: { problem } });
  }
}

/** The cron pattern of a schedule (minute hour day-of-month month day-of-week). */
export function cronPatternOf(schedule: Schedule): string {
  if (schedule.kind === "cron") return schedule.expression.trim();
  const [hour, minute] = schedule.time.split(":").map(Number);
  if (schedule.kind === "daily") return `${minute} ${hour} * * ${schedule.weekdays_only ? "1-5" : "*"}`;
  if (schedule.kind === "weekly") return `${minute} ${hour} * * ${schedule.weekday}`;
  return `${minute} ${hour} ${schedule.day === "last" ? "L" : schedule.day} * *`;
}

/**
 * A paused croner job for the schedule in the time zone (used to compute occurrences, never to run anything).
 * @throws ScheduleInvalidError when croner rejects the pattern or the time zone.
 */
export function cronOf(schedule: Schedule, timeZone: string): Cron {
  try {
    // legacyMode off: day-of-month and weekday are AND-ed, as people read "the 1st if it is a Monday".
    const cron = new Cron(cronPatternOf(schedule), { timezone: timeZone, paused: true, legacyMode: false });
    if (!cron.nextRun(new Date(0))) throw new Error("the pattern never matches");
    return cron;
  } catch (error) {
    throw new ScheduleInvalidError(error instanceof Error ? error.message : String(error));
  }
}

/** The first occurrence strictly after `after`, or null. */
export function nextOccurrence(schedule: Schedule, timeZone: string, after: Date): Date | null {
  return cronOf(schedule, timeZone).nextRun(after);
}

/** Occurrences in (after, until], oldest first, at most `limit` (the newest ones are kept when there are more). */
export function occurrencesBetween(schedule: Schedule, timeZone: string, after: Date, until: Date, limit = 1000): Date[] {
  const cron = cronOf(schedule, timeZone);
  const found: Date[] = [];
  let cursor: Date | null = after;
  while (cursor) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor.getTime() > until.getTime()) break;
    found.push(cursor);
    if (found.length > limit) found.shift();
  }
  return found;
}

const WEEKDAYS = {
  zh: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

/** The schedule in words, in the user's language. */
export function describeSchedule(schedule: Schedule, language: "zh" | "en", timeZone: string): string {
  const zone = ` (${timeZone})`;
  if (schedule.kind === "cron") return language === "zh" ? `按 cron 表达式 ${schedule.expression}${zone}` : `on cron ${schedule.expression}${zone}`;
  if (schedule.kind === "daily") {
    if (language === "zh") return `${schedule.weekdays_only ? "每个工作日" : "每天"} ${schedule.time}${zone}`;
    return `${schedule.weekdays_only ? "every weekday" : "every day"} at ${schedule.time}${zone}`;
  }
  if (schedule.kind === "weekly") return language === "zh" ? `每${WEEKDAYS.zh[schedule.weekday]} ${schedule.time}${zone}` : `every ${WEEKDAYS.en[schedule.weekday]} at ${schedule.time}${zone}`;
  if (language === "zh") return `每月${schedule.day === "last" ? "最后一天" : `${schedule.day}日`} ${schedule.time}${zone}`;
  return `monthly on the ${schedule.day === "last" ? "last day" : ordinal(schedule.day)} at ${schedule.time}${zone}`;
}

function ordinal(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? "st" : day % 10 === 2 && day !== 12 ? "nd" : day % 10 === 3 && day !== 13 ? "rd" : "th";
  return `${day}${suffix}`;
}
