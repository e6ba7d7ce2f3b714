import { describe, expect, it } from "vitest";
import { addDays } from "../dates/index";
import { DomainError } from "../errors";
import { type CheckInDayValues, progressSummary, summariseMetric } from "./progress-summary";

const TODAY = "2026-12-02";
const START = addDays(TODAY, -27);
const day = (offset: number) => addDays(START, offset);
/** Check-ins on the given day offsets (0 = first day of the 4 weeks) with one value. */
const points = (entries: Array<[number, number | null]>) => entries.map(([o, value]) => ({ date: day(o), value }));
const pain = (p: ReturnType<typeof points>) => ({ label: "average pain", points: p, sameWithin: 1 });

describe("summariseMetric", () => {
  it("compares the first week's average with the last week's, in plain words", () => {
    const s = summariseMetric(pain(points([[0, 7], [2, 8], [4, 6], [21, 5], [24, 4], [27, 6]])), TODAY);
    expect(s).toMatchObject({ trend: "down", firstWeek: 7, lastWeek: 5 });
    expect(s.text).toBe("Your average pain went from 7 to 5 over the last 4 weeks.");
  });

  it("says when it went up", () => {
    const s = summariseMetric(pain(points([[0, 3], [1, 3], [22, 6], [23, 6]])), TODAY);
    expect(s.trend).toBe("up");
    expect(s.text).toBe("Your average pain went from 3 to 6 over the last 4 weeks.");
  });

  it("calls a change smaller than the threshold about the same", () => {
    const s = summariseMetric(pain(points([[0, 6], [1, 6], [22, 5.5], [23, 5.5]])), TODAY);
    expect(s.trend).toBe("same");
    expect(s.text).toBe("Your average pain stayed about the same over the last 4 weeks (around 6).");
  });

  it("treats a change of exactly the threshold as a change", () => {
    expect(summariseMetric(pain(points([[0, 6], [1, 6], [22, 5], [23, 5]])), TODAY).trend).toBe("down");
  });

  it.each([
    ["no check-ins", []],
    ["one check-in in the first week", [[0, 7], [22, 5], [23, 5]]],
    ["one check-in in the last week", [[0, 7], [1, 7], [23, 5]]],
    ["check-ins only in the middle weeks", [[8, 7], [9, 7], [15, 5], [16, 5]]],
    ["missing values do not count", [[0, 7], [1, null], [22, 5], [23, 5]]],
  ] as Array<[string, Array<[number, number | null]>]>)("is honest about too little data: %s", (_label, entries) => {
    const s = summariseMetric(pain(points(entries)), TODAY);
    expect(s).toMatchObject({ trend: "not_enough_data", firstWeek: null, lastWeek: null });
    expect(s.text).toBe("Not enough check-ins yet to see a trend in your average pain.");
  });

  it("ignores check-ins before the window and after today", () => {
    const s = summariseMetric(pain(points([[-1, 10], [-2, 10], [0, 4], [1, 4], [22, 4], [23, 4], [28, 10], [29, 10]])), TODAY);
    expect(s.trend).toBe("same");
  });

  it("never diagnoses or advises", () => {
    const texts = [
      summariseMetric(pain(points([[0, 7], [1, 7], [22, 3], [23, 3]])), TODAY).text,
      summariseMetric(pain(points([[0, 3], [1, 3], [22, 9], [23, 9]])), TODAY).text,
    ];
    for (const t of texts) expect(t).not.toMatch(/should|must|diagnos|take|stop|increase|decrease|better|worse/i);
  });

  it("rejects a malformed date or a window under two weeks", () => {
    expect(() => summariseMetric(pain([]), "2026/12/02")).toThrow(DomainError);
    expect(() => summariseMetric(pain([]), TODAY, 1)).toThrow(DomainError);
  });
});

describe("progressSummary", () => {
  it("gives one sentence each for average pain, worst pain and plan activities, with % for adherence", () => {
    const days: CheckInDayValues[] = [0, 1, 22, 23].map((o) => ({
      date: day(o),
      painAverage: o < 7 ? 7 : 5,
      painWorst: 9,
      adherencePercent: o < 7 ? 40 : 80,
    }));
    expect(progressSummary(days, TODAY).map((s) => s.text)).toEqual([
      "Your average pain went from 7 to 5 over the last 4 weeks.",
      "Your worst pain stayed about the same over the last 4 weeks (around 9).",
      "Your share of plan activities done went from 40% to 80% over the last 4 weeks.",
    ]);
  });
});
