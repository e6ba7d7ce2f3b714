import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { addDays, daysBetween } from "../dates/index";
import { type SeriesPoint, chartSeries, planChangeMarkers, rollingMean, toSeries, weeklyMeans } from "./trends";

const pts = (...pairs: Array<[string, number]>): SeriesPoint[] => pairs.map(([date, value]) => ({ date, value }));

describe("toSeries", () => {
  it("filters to the range (inclusive), sorts, keeps the last value per date and drops missing values", () => {
    const out = toSeries(
      [
        { date: "2024-01-05", value: 5 },
        { date: "2024-01-01", value: 1 },
        { date: "2023-12-31", value: 9 },
        { date: "2024-01-03", value: null },
        { date: "2024-01-05", value: 6 },
        { date: "2024-01-10", value: 10 },
        { date: "2024-01-11", value: 11 },
        { date: "2024-01-04", value: Number.NaN },
      ],
      { from: "2024-01-01", to: "2024-01-10" },
    );
    expect(out).toEqual(pts(["2024-01-01", 1], ["2024-01-05", 6], ["2024-01-10", 10]));
  });

  it.each([
    ["reversed range", [], { from: "2024-02-01", to: "2024-01-01" }],
    ["malformed point date", [{ date: "2024/01/02", value: 1 }], { from: "2024-01-01", to: "2024-01-10" }],
  ])("rejects %s", (_label, points, range) => {
    expect(() => toSeries(points, range)).toThrow(DomainError);
  });
});

describe("rollingMean", () => {
  const rows: Array<[string, SeriesPoint[], number, number[]]> = [
    ["3-day window over consecutive days", pts(["2024-01-01", 3], ["2024-01-02", 6], ["2024-01-03", 9], ["2024-01-04", 0]), 3, [3, 4.5, 6, 5]],
    ["window of 1 returns the values", pts(["2024-01-01", 3], ["2024-01-02", 6]), 1, [3, 6]],
    // 01-01 falls out of the 3-day window ending 01-04, so only 01-04 counts there.
    ["gaps shrink the window by calendar days", pts(["2024-01-01", 2], ["2024-01-04", 8], ["2024-01-05", 4]), 3, [2, 8, 6]],
    ["7-day window across a month end", pts(["2024-01-29", 1], ["2024-02-04", 3], ["2024-02-05", 5]), 7, [1, 2, 4]],
  ];
  it.each(rows)("%s", (_label, series, window, expected) => {
    expect(rollingMean(series, window).map((p) => p.value)).toEqual(expected);
  });

  it("rejects a bad window and an unsorted series", () => {
    expect(() => rollingMean([], 0)).toThrow(DomainError);
    expect(() => rollingMean(pts(["2024-01-02", 1], ["2024-01-01", 1]), 3)).toThrow(DomainError);
  });
});

describe("weeklyMeans", () => {
  it("averages per ISO week, dated on the Monday, skipping empty weeks", () => {
    const out = weeklyMeans(
      pts(
        ["2023-12-31", 10], // Sunday: week 2023-W52
        ["2024-01-01", 2], // Monday: week 2024-W01
        ["2024-01-07", 4], // Sunday: still 2024-W01
        ["2024-01-22", 7], // 2024-W04 (W02 and W03 empty)
      ),
    );
    expect(out).toEqual([
      { date: "2023-12-25", weekStart: "2023-12-25", isoWeek: "2023-W52", value: 10, count: 1 },
      { date: "2024-01-01", weekStart: "2024-01-01", isoWeek: "2024-W01", value: 3, count: 2 },
      { date: "2024-01-22", weekStart: "2024-01-22", isoWeek: "2024-W04", value: 7, count: 1 },
    ]);
  });
});

describe("chartSeries", () => {
  const dailyFrom = (from: string, days: number) =>
    Array.from({ length: days }, (_, i) => ({ date: addDays(from, i), value: i % 11 }));

  it("keeps daily points for 120 days and switches to weekly at 121", () => {
    const from = "2024-01-01";
    expect(chartSeries(dailyFrom(from, 120), { from, to: addDays(from, 119) }).resolution).toBe("daily");
    expect(chartSeries(dailyFrom(from, 121), { from, to: addDays(from, 120) }).resolution).toBe("weekly");
  });

  it("turns two years of daily data into at most 110 weekly points", () => {
    const from = "2022-03-01";
    const to = "2024-02-29";
    const days = daysBetween(from, to) + 1;
    const out = chartSeries(dailyFrom(from, days), { from, to });
    expect(days).toBe(731);
    expect(out.resolution).toBe("weekly");
    expect(out.points.length).toBeLessThanOrEqual(110);
    expect(out.points.length).toBeGreaterThanOrEqual(104);
    const total = dailyFrom(from, days).reduce((a, p) => a + p.value, 0) / days;
    const weeklyOverall = out.points.reduce((a, p) => a + p.value, 0) / out.points.length;
    expect(Math.abs(weeklyOverall - total)).toBeLessThan(0.5);
  });
});

describe("planChangeMarkers", () => {
  it("merges same-day changes, sorts by date and limits to the range", () => {
    const out = planChangeMarkers(
      [
        { date: "2024-03-05", label: "Started mirror therapy" },
        { date: "2024-02-01", label: "Gabapentin dose step" },
        { date: "2024-03-05", label: "Added CBT" },
        { date: "2023-12-01", label: "Outside range" },
        { date: "2024-03-06", label: "  " },
      ],
      { from: "2024-01-01", to: "2024-12-31" },
    );
    expect(out).toEqual([
      { date: "2024-02-01", labels: ["Gabapentin dose step"], label: "Gabapentin dose step" },
      { date: "2024-03-05", labels: ["Started mirror therapy", "Added CBT"], label: "Started mirror therapy; Added CBT" },
    ]);
  });

  it("keeps every change without a range and rejects malformed dates", () => {
    expect(planChangeMarkers([{ date: "2020-01-01", label: "Plan created" }])).toHaveLength(1);
    expect(() => planChangeMarkers([{ date: "2024-03-05T10:00:00Z", label: "x" }])).toThrow(DomainError);
  });
});
