import { describe, expect, it } from "vitest";
import type { PlanItemLike } from "./plan-context";
import { progressSnapshot, ruleCheckInsSince } from "./rule-snapshot";
import { ADHERENCE_RULE, PAIN_FLARE_RULE } from "./rules";

const item = (overrides: Partial<PlanItemLike>): PlanItemLike => ({
  id: "i1",
  category: "pt_ot",
  status: "active",
  startDate: "2026-01-10",
  therapyId: "mirror-therapy",
  custom: false,
  customName: null,
  ...overrides,
});

describe("ruleCheckInsSince", () => {
  const today = "2026-03-20";

  it("reads the adherence rule's periods when nothing reaches further back", () => {
    expect(ruleCheckInsSince(today, { conservativeCareStartedOn: null })).toBe("2026-03-07");
    expect(ADHERENCE_RULE.weeks * 7).toBe(14);
  });

  it("reads from the start of conservative care, the pain rule's baseline", () => {
    expect(ruleCheckInsSince(today, { conservativeCareStartedOn: "2026-01-02" })).toBe("2026-01-02");
    // A start inside the adherence periods does not shorten them.
    expect(ruleCheckInsSince(today, { conservativeCareStartedOn: "2026-03-15" })).toBe("2026-03-07");
  });

  it("reads the pain-flare window before a back-dated check-in", () => {
    const lookback = PAIN_FLARE_RULE.recentDays + PAIN_FLARE_RULE.baselineDays;
    expect(ruleCheckInsSince(today, { conservativeCareStartedOn: null, alsoFrom: "2026-02-20" })).toBe(`2026-02-${String(20 - lookback).padStart(2, "0")}`);
    expect(ruleCheckInsSince(today, { conservativeCareStartedOn: "2026-01-02", alsoFrom: "2026-02-20" })).toBe("2026-01-02");
  });
});

describe("progressSnapshot", () => {
  const inputs = { crpsOnsetDate: "2025-12-01", checkIns: [], cssScores: [], psychologistMeasureOnRecord: false };

  it("takes conservative care's start and the psychological evaluation from the plan", () => {
    const plan = {
      interventions: [
        item({ id: "a", startDate: "2026-02-01" }),
        item({ id: "b", startDate: "2026-01-15" }),
        item({ id: "c", category: "psychological", therapyId: "cbt", status: "proposed", startDate: null }),
      ],
    };
    expect(progressSnapshot("2026-03-20", plan, inputs)).toEqual({
      today: "2026-03-20",
      crpsOnsetDate: "2025-12-01",
      checkIns: [],
      cssScores: [],
      psychologicalEvaluationOnRecord: false,
      conservativeCareStartedOn: "2026-01-15",
    });
    const started = { interventions: [...plan.interventions.slice(0, 2), item({ id: "c", category: "psychological", therapyId: "cbt" })] };
    expect(progressSnapshot("2026-03-20", started, inputs).psychologicalEvaluationOnRecord).toBe(true);
  });

  it("counts a psychologist's measure as an evaluation without a plan", () => {
    expect(progressSnapshot("2026-03-20", null, { ...inputs, psychologistMeasureOnRecord: true })).toMatchObject({
      psychologicalEvaluationOnRecord: true,
      conservativeCareStartedOn: null,
    });
  });
});
