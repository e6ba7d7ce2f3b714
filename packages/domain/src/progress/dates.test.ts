import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isIsoDate, isoWeekLabel, isoWeekStart, toDayNumber, fromDayNumber } from "./dates";

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
});
