// Schedules: cron patterns, occurrences in the bank's time zone (Asia/Shanghai is UTC+8), words.
import { describe, expect, it } from "vitest";
import { cronPatternOf, describeSchedule, nextOccurrence, occurrencesBetween, ScheduleInvalidError } from "./schedule.ts";
import type { Schedule } from "./schedule.ts";

const SHANGHAI = "Asia/Shanghai";

describe("schedules", () => {
  it.each<[Schedule, string, string]>([
    [{ kind: "daily", time: "08:00", weekdays_only: false }, "0 8 * * *", "2026-07-01T00:00:00.000Z"],
    [{ kind: "daily", time: "09:30", weekdays_only: true }, "30 9 * * 1-5", "2026-07-01T01:30:00.000Z"],
    [{ kind: "weekly", weekday: 1, time: "09:00" }, "0 9 * * 1", "2026-07-06T01:00:00.000Z"],
    [{ kind: "monthly", day: 1, time: "15:30" }, "30 15 1 * *", "2026-07-01T07:30:00.000Z"],
    [{ kind: "monthly", day: "last", time: "18:00" }, "0 18 L * *", "2026-07-31T10:00:00.000Z"],
    [{ kind: "cron", expression: "15 7 * * 2" }, "15 7 * * 2", "2026-07-06T23:15:00.000Z"],
  ])("%j is %s and next runs at %s after 2026-06-30T18:00Z (Wed 02:00 Shanghai)", (schedule, pattern, next) => {
    expect(cronPatternOf(schedule)).toBe(pattern);
    expect(nextOccurrence(schedule, SHANGHAI, new Date("2026-06-30T18:00:00Z"))?.toISOString()).toBe(next);
  });

  it("lists occurrences in (after, until], keeping the newest when capped", () => {
    const daily: Schedule = { kind: "daily", time: "08:00", weekdays_only: false };
    const found = occurrencesBetween(daily, SHANGHAI, new Date("2026-07-01T00:00:00Z"), new Date("2026-07-04T00:00:00Z"));
    expect(found.map((date) => date.toISOString())).toEqual(["2026-07-02T00:00:00.000Z", "2026-07-03T00:00:00.000Z", "2026-07-04T00:00:00.000Z"]);
    expect(occurrencesBetween(daily, SHANGHAI, new Date("2026-07-01T00:00:00Z"), new Date("2026-07-04T00:00:00Z"), 1).map((date) => date.toISOString())).toEqual(["2026-07-04T00:00:00.000Z"]);
    expect(occurrencesBetween(daily, "UTC", new Date("2026-07-01T00:00:00Z"), new Date("2026-07-01T07:59:00Z"))).toEqual([]);
  });

  it("refuses bad cron expressions and time zones with a typed error", () => {
    expect(() => nextOccurrence({ kind: "cron", expression: "99 99 * * * *" }, SHANGHAI, new Date())).toThrow(ScheduleInvalidError);
    expect(() => nextOccurrence({ kind: "daily", time: "08:00", weekdays_only: false }, "Mars/Olympus", new Date())).toThrow(ScheduleInvalidError);
  });

  it("says the schedule in the user's language", () => {
    expect(describeSchedule({ kind: "weekly", weekday: 1, time: "09:00" }, "zh", SHANGHAI)).toBe("每周一 09:00 (Asia/Shanghai)");
    expect(describeSchedule({ kind: "monthly", day: 2, time: "09:00" }, "en", SHANGHAI)).toBe("monthly on the 2nd at 09:00 (Asia/Shanghai)");
  });
});
