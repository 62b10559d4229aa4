// Tests of the day and month arithmetic the generator uses instead of Date.
import { describe, expect, it } from "vitest";
import { addMonths, daysFromCivil, formatDay, formatMonth, formatTimestamp, lastDayOfMonth, monthIndexOfDay, parseDay } from "./calendar.ts";

describe("calendar", () => {
  it.each([
    ["1970-01-01", 0],
    ["2000-02-29", 11016],
    ["2026-06-30", 20634],
  ])("knows the day number of %s", (text, dayNumber) => {
    expect(parseDay(text)).toBe(dayNumber);
    expect(formatDay(dayNumber)).toBe(text);
  });

  it("agrees with Date over a long range", () => {
    for (let dayNumber = -5000; dayNumber < 60000; dayNumber += 37) {
      expect(formatDay(dayNumber)).toBe(new Date(dayNumber * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it.each(["2026-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-1", ""])("rejects %j", (text) => {
    expect(parseDay(text)).toBeUndefined();
  });

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2025-12-15", 2, "2026-02-15"],
    ["2026-06-30", -24, "2024-06-30"],
  ])("adds months to %s (+%i) = %s, clamping to the month's end", (text, months, expected) => {
    expect(formatDay(addMonths(parseDay(text) as number, months))).toBe(expected);
  });

  it("numbers months so they add up", () => {
    const june = monthIndexOfDay(daysFromCivil(2026, 6, 30));
    expect(formatMonth(june)).toBe("2026-06");
    expect(formatMonth(june - 23)).toBe("2024-07");
    expect(formatDay(lastDayOfMonth(june - 4))).toBe("2026-02-28");
    expect(formatTimestamp(daysFromCivil(2026, 6, 30), 3600 * 9 + 61)).toBe("2026-06-30 09:01:01");
  });
});
