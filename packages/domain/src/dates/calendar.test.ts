import { describe, expect, it } from "vitest";
import { addCalendarDays, addDays, addMonths, daysBetween, daysInMonth, isIsoDate, isoWeekLabel, isoWeekStart, toDayNumber, fromDayNumber } from "./calendar";

describe("calendar dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["2024-1-01", false],
    ["2024-01-01T00:00:00Z", false],
  ])("isIsoDate(%s) = %s", (d, ok) => expect(isIsoDate(d)).toBe(ok));

  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-03-31", 56, "2024-05-26"],
  ])("addDays(%s, %i) = %s", (d, n, out) => expect(addDays(d, n)).toBe(out));

  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-12-31", 2, "2024-02-29"],
    ["2024-01-15", 2, "2024-03-15"],
    ["2024-11-30", 3, "2025-02-28"],
  ])("addMonths(%s, %i) = %s", (d, n, out) => expect(addMonths(d, n)).toBe(out));

  it("round-trips day numbers and counts days", () => {
    expect(fromDayNumber(toDayNumber("2031-07-04"))).toBe("2031-07-04");
    expect(daysBetween("2024-01-01", "2024-12-31")).toBe(365);
    expect(daysBetween("2024-01-10", "2024-01-01")).toBe(-9);
    expect(() => toDayNumber("2024-02-30")).toThrow(RangeError);
  });

  it.each([
    ["2024-01-01", "2024-01-01", "2024-W01"], // Monday
    ["2024-01-07", "2024-01-01", "2024-W01"], // Sunday
    ["2021-01-01", "2020-12-28", "2020-W53"],
    ["2024-12-30", "2024-12-30", "2025-W01"],
    ["1969-12-31", "1969-12-29", "1970-W01"],
  ])("ISO week of %s starts %s (%s)", (d, monday, label) => {
    expect(isoWeekStart(d)).toBe(monday);
    expect(isoWeekLabel(d)).toBe(label);
  });

  it.each([
    ["2026-12-25", 14, "2027-01-08"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s + %i days = %s (the care plan's addCalendarDays)", (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    [2023, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("%i-%i has %i days", (year, month, days) => expect(daysInMonth(year, month)).toBe(days));

  it.each(["2023-02-30", "2026-04-31", "2026-00-10", "2026-01-00", "2026-1-1"])("refuses %s", (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(() => toDayNumber(d)).toThrow(RangeError);
  });
});
