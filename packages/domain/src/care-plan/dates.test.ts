import { describe, expect, it } from "vitest";
import { addCalendarDays, calendarDateSchema, daysBetween, formatCalendarDate } from "./dates";

describe("calendar dates", () => {
  it.each([
    ["2026-03-01", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2026-13-01", false],
    ["01/03/2026", false],
    ["2026-03-01T10:00:00Z", false],
  ])("%s valid: %s", (value, ok) => {
    expect(calendarDateSchema.safeParse(value).success).toBe(ok);
  });

  it.each([
    ["2026-12-12", "12 Dec 2026"],
    ["2027-01-05", "5 Jan 2027"],
  ])("formats %s as %s", (date, text) => {
    expect(formatCalendarDate(date)).toBe(text);
  });

  it.each([
    ["2026-12-25", 14, "2027-01-08"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });
});
