import { describe, expect, it } from "vitest";
import {
  GOAL_IDS,
  GOAL_NEEDS_TARGET,
  GOAL_STATUSES,
  TREATMENT_GOALS,
  describeTarget,
  goalLabel,
  goalSchema,
  goalTargetSchema,
} from "./goals";

describe("treatment goals", () => {
  it("has the four goals of the domain reference, in order", () => {
    expect(GOAL_IDS.map((id) => TREATMENT_GOALS[id].clinicianLabel)).toEqual([
      "Reduce pain and hypersensitivity",
      "Improve mobility and strength",
      "Restore daily function",
      "Support emotional well-being",
    ]);
  });

  it("gives each goal a patient label distinct from the clinician label", () => {
    for (const id of GOAL_IDS) {
      expect(goalLabel(id, "patient")).not.toBe(goalLabel(id, "clinician"));
      expect(goalLabel(id, "patient").length).toBeGreaterThan(5);
    }
  });

  it("has the five goal statuses", () => {
    expect(GOAL_STATUSES).toEqual(["not_started", "in_progress", "achieved", "revised", "discontinued"]);
  });
});

describe("goal targets", () => {
  const cases: Array<[string, unknown, string | null]> = [
    ["average pain", { kind: "pain_average_at_most", value: 4, byDate: "2026-06-01" }, null],
    ["average pain above 10", { kind: "pain_average_at_most", value: 11, byDate: "2026-06-01" }, "between 0 and 10"],
    ["average pain without date", { kind: "pain_average_at_most", value: 4 }, "calendar date"],
    ["activity minutes", { kind: "activity_minutes", activity: "Walking", minutes: 30 }, null],
    ["activity minutes 0", { kind: "activity_minutes", activity: "Walking", minutes: 0 }, "1 to 600"],
    ["activity minutes 601", { kind: "activity_minutes", activity: "Walking", minutes: 601 }, "1 to 600"],
    ["psfs", { kind: "psfs_activity_score", activity: "Carry shopping", atLeast: 7, byDate: "2026-09-01" }, null],
    ["psfs above 10", { kind: "psfs_activity_score", activity: "Carry shopping", atLeast: 12 }, "between 0 and 10"],
    ["phq9 27", { kind: "measure_at_most", measure: "phq9", value: 27 }, null],
    ["phq9 28", { kind: "measure_at_most", measure: "phq9", value: 28 }, "PHQ-9 target must be between 0 and 27"],
    ["gad7 22", { kind: "measure_at_most", measure: "gad7", value: 22 }, "GAD-7 target must be between 0 and 21"],
    ["css 17", { kind: "measure_at_most", measure: "css", value: 17 }, null],
    ["css 18", { kind: "measure_at_most", measure: "css", value: 18 }, "between 0 and 17"],
    ["unknown measure", { kind: "measure_at_most", measure: "lefs", value: 10 }, "Choose PHQ-9"],
    ["custom", { kind: "custom", description: "Type for 20 minutes", measure: "patient diary" }, null],
    ["custom too short", { kind: "custom", description: "Type", measure: "diary" }, "at least 5 characters"],
    ["unknown kind", { kind: "vibes" }, "Choose a kind of measurable target."],
  ];
  it.each(cases)("%s", (_label, input, expectedError) => {
    const result = goalTargetSchema.safeParse(input);
    expect(result.success).toBe(expectedError === null);
    if (!result.success && expectedError) expect(result.error.issues[0]?.message).toContain(expectedError);
  });

  it.each([
    [{ kind: "pain_average_at_most", value: 4, byDate: "2026-06-01" }, "Average pain at most 4/10 by 1 Jun 2026"],
    [{ kind: "activity_minutes", activity: "Walking", minutes: 30 }, "Walking for 30 minutes"],
    [{ kind: "measure_at_most", measure: "css", value: 8 }, "CRPS Severity Score at most 8"],
    [{ kind: "custom", description: "Type an email", measure: "diary" }, "Type an email (measured by diary)"],
  ])("describes %j", (input, text) => {
    expect(describeTarget(goalTargetSchema.parse(input))).toBe(text);
  });
});

describe("goal", () => {
  const base = { id: "mobility", status: "in_progress", note: null };

  it("accepts a goal with a target", () => {
    expect(goalSchema.safeParse({ ...base, targets: [{ kind: "activity_minutes", activity: "Walk", minutes: 20 }] }).success).toBe(true);
  });

  it.each([[[]], [undefined]])("refuses a goal with targets %j", (targets) => {
    const result = goalSchema.safeParse({ ...base, targets });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(GOAL_NEEDS_TARGET);
    expect(GOAL_NEEDS_TARGET).toBe("A goal needs at least one measurable target.");
  });

  it("refuses an id that is not one of the four goals", () => {
    expect(goalSchema.safeParse({ ...base, id: "sleep", targets: [{ kind: "custom", description: "Sleep 7 hours", measure: "diary" }] }).success).toBe(false);
  });
});
