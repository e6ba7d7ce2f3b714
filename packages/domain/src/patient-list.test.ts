import { describe, expect, it } from "vitest";
import { PATIENT_LIST_ADHERENCE_DAYS, describePainTrend, recentAdherence, windowStart } from "./patient-list";

describe("patient list windows", () => {
  it("counts today as the last day of the window", () => {
    expect(windowStart("2026-12-02", 30)).toBe("2026-11-03");
    expect(windowStart("2026-12-02", 1)).toBe("2026-12-02");
  });

  it("adherence covers exactly the last 14 days", () => {
    const r = recentAdherence(
      [
        { date: "2026-11-18", adherence: [{ status: "skipped" }] }, // 15 days back: outside
        { date: "2026-11-19", adherence: [{ status: "done" }] },
        { date: "2026-12-02", adherence: [{ status: "partly" }] },
      ],
      "2026-12-02",
    );
    expect(r.daysInWindow).toBe(PATIENT_LIST_ADHERENCE_DAYS);
    expect(r.from).toBe("2026-11-19");
    expect(r.percentage).toBe(75);
    expect(r.daysWithData).toBe(2);
  });

  it("describes the trend from the first to the last check-in, in date order", () => {
    expect(describePainTrend([])).toBe("No pain reported in the last 30 days");
    expect(describePainTrend([{ date: "2026-11-20", pain: 6 }])).toBe("Average pain over 30 days: 6 (one check-in)");
    expect(
      describePainTrend([
        { date: "2026-11-30", pain: 5 },
        { date: "2026-11-10", pain: 7 },
        { date: "2026-11-20", pain: 6 },
      ]),
    ).toBe("Average pain over 30 days: 7 → 5 (3 check-ins)");
  });
});
