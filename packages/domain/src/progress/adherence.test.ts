import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { type AdherenceCheckIn, adherenceOverWindow, weeklyAdherence } from "./adherence";
import type { AdherenceStatus } from "./check-in";

const ci = (date: string, ...statuses: AdherenceStatus[]): AdherenceCheckIn => ({
  date,
  adherence: statuses.map((status) => ({ status })),
});

describe("adherenceOverWindow", () => {
  const rows: Array<[string, AdherenceCheckIn[], number | null, number]> = [
    ["all done", [ci("2024-05-01", "done"), ci("2024-05-02", "done")], 100, 2],
    ["done, partly, skipped", [ci("2024-05-01", "done", "partly", "skipped")], 50, 1],
    ["partly only", [ci("2024-05-03", "partly")], 50, 1],
    ["skipped only", [ci("2024-05-03", "skipped", "skipped")], 0, 1],
    // Five days without check-ins do not pull the figure down.
    ["two days of data in seven", [ci("2024-05-01", "done"), ci("2024-05-07", "partly")], 75, 2],
    ["no check-ins", [], null, 0],
    ["check-in with no adherence entries", [ci("2024-05-02")], null, 0],
    ["check-ins outside the window are ignored", [ci("2024-04-30", "skipped"), ci("2024-05-08", "skipped"), ci("2024-05-04", "done")], 100, 1],
    ["the last check-in for a date wins", [ci("2024-05-02", "skipped"), ci("2024-05-02", "done")], 100, 1],
  ];
  it.each(rows)("%s", (_label, checkIns, percentage, daysWithData) => {
    const r = adherenceOverWindow(checkIns, "2024-05-01", "2024-05-07");
    expect(r.percentage).toBe(percentage);
    expect(r.daysWithData).toBe(daysWithData);
    expect(r.daysInWindow).toBe(7);
  });

  it("weights every entry equally", () => {
    const r = adherenceOverWindow([ci("2024-05-01", "done", "done", "done"), ci("2024-05-02", "skipped")], "2024-05-01", "2024-05-07");
    expect(r.percentage).toBe(75);
    expect(r.entries).toBe(4);
  });

  it("rejects a reversed window", () => {
    expect(() => adherenceOverWindow([], "2024-05-07", "2024-05-01")).toThrow(DomainError);
  });
});

describe("weeklyAdherence", () => {
  it("returns rolling 7-day windows ending today, oldest first", () => {
    const checkIns = [
      ci("2024-05-01", "skipped"), // week 1 (04-25..05-01)
      ci("2024-05-02", "done"), // week 2 (05-02..05-08)
      ci("2024-05-08", "partly"), // week 2, today
      ci("2024-05-09", "skipped"), // after today: ignored
    ];
    const weeks = weeklyAdherence(checkIns, "2024-05-08", 3);
    expect(weeks.map((w) => [w.from, w.to])).toEqual([
      ["2024-04-18", "2024-04-24"],
      ["2024-04-25", "2024-05-01"],
      ["2024-05-02", "2024-05-08"],
    ]);
    expect(weeks.map((w) => w.percentage)).toEqual([null, 0, 75]);
    expect(weeks.map((w) => w.daysWithData)).toEqual([0, 1, 2]);
  });

  it.each([0, -1, 1.5])("rejects weeks = %s", (n) => {
    expect(() => weeklyAdherence([], "2024-05-08", n)).toThrow(DomainError);
  });
});
