import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { chartAxis, groupPlanChanges } from "./chart-axis";

const WINDOW = { from: "2026-09-04", to: "2026-12-02" };

describe("chartAxis", () => {
  it("runs from the first to the last data point in the window, not the whole 90 days", () => {
    expect(chartAxis(["2026-11-20", "2026-11-11", "2026-12-01", "2026-11-15"], WINDOW)).toEqual({ from: "2026-11-11", to: "2026-12-01" });
  });

  it("is the whole window when there is no data", () => {
    expect(chartAxis([], WINDOW)).toEqual(WINDOW);
  });

  it("pads a single day so the point is not drawn on an edge", () => {
    expect(chartAxis(["2026-11-20", "2026-11-20"], WINDOW)).toEqual({ from: "2026-11-17", to: "2026-11-23" });
  });

  it("clamps weekly points dated on a Monday before the window", () => {
    expect(chartAxis(["2026-08-31", "2026-11-30"], WINDOW)).toEqual({ from: "2026-09-04", to: "2026-11-30" });
  });

  it("rejects malformed dates and reversed windows", () => {
    expect(() => chartAxis(["2026-1-1"], WINDOW)).toThrow(DomainError);
    expect(() => chartAxis([], { from: "2026-12-02", to: "2026-12-01" })).toThrow(DomainError);
  });
});

describe("groupPlanChanges", () => {
  it("makes one marker per day, each listing every revision of that day by version", () => {
    const revisions = [
      ...Array.from({ length: 14 }, (_, i) => ({ date: "2026-11-20", version: 10 + i, label: `Change ${10 + i}` })),
      { date: "2026-11-12", version: 9, label: "Started pregabalin" },
      { date: "2026-11-25", version: 24, label: "  " },
    ];
    const groups = groupPlanChanges(revisions, { from: "2026-11-10", to: "2026-12-01" });
    expect(groups.map((g) => g.date)).toEqual(["2026-11-12", "2026-11-20", "2026-11-25"]);
    expect(groups[1]?.changes).toHaveLength(14);
    expect(groups[1]?.changes[0]).toEqual({ version: 10, label: "Change 10" });
    expect(groups[2]?.changes).toEqual([{ version: 24, label: "Version 24" }]);
  });

  it("keeps only the days on the chart's axis", () => {
    const groups = groupPlanChanges(
      [
        { date: "2026-11-01", version: 1, label: "Plan created" },
        { date: "2026-11-15", version: 2, label: "Added mirror therapy" },
        { date: "2026-12-03", version: 3, label: "Later" },
      ],
      { from: "2026-11-10", to: "2026-12-01" },
    );
    expect(groups).toEqual([{ date: "2026-11-15", changes: [{ version: 2, label: "Added mirror therapy" }] }]);
  });

  it("rejects a malformed date", () => {
    expect(() => groupPlanChanges([{ date: "20261115", version: 2, label: "x" }], WINDOW)).toThrow(DomainError);
  });
});
