import { describe, expect, it } from "vitest";
import { carePlanSchema } from "./plan";
import { findIntervention, isPastReview, medicationTrialsOf, planByGoal } from "./plan-views";
import { mirrorTherapy, plan, pregabalin } from "./test-fixtures";

describe("care plan schema", () => {
  it("accepts a consistent plan", () => {
    expect(carePlanSchema.safeParse(plan()).success).toBe(true);
  });

  it("refuses a goal listed twice", () => {
    const p = plan();
    const result = carePlanSchema.safeParse({ ...p, goals: [...p.goals, p.goals[0]] });
    expect(result.error?.issues[0]?.message).toBe("The goal ‘Reduce pain and hypersensitivity’ appears twice.");
  });

  it("refuses an intervention linked to a goal the plan does not have", () => {
    const p = plan();
    const result = carePlanSchema.safeParse({ ...p, goals: p.goals.filter((g) => g.id !== "mobility") });
    expect(result.error?.issues[0]?.message).toBe(
      "Mirror therapy (graded motor imagery) is linked to ‘Improve mobility and strength’, which is not a goal in this plan.",
    );
  });

  it("refuses duplicate intervention ids", () => {
    const result = carePlanSchema.safeParse({ ...plan(), interventions: [pregabalin(), pregabalin()] });
    expect(result.error?.issues[0]?.message).toBe("Intervention id iv-preg appears twice.");
  });

  it("refuses a goal without targets", () => {
    const p = plan();
    const result = carePlanSchema.safeParse({ ...p, goals: [{ ...p.goals[0], targets: [] }] });
    expect(result.error?.issues.map((i) => i.message)).toContain("A goal needs at least one measurable target.");
  });
});

describe("isPastReview", () => {
  it.each([
    ["2026-03-31", false],
    ["2026-04-01", false],
    ["2026-04-02", true],
    ["2027-01-01", true],
  ])("review due 2026-04-01, today %s → %s", (today, past) => {
    expect(isPastReview(plan(), today)).toBe(past);
  });
});

describe("plan helpers", () => {
  it("finds an intervention by id", () => {
    expect(findIntervention(plan(), "iv-mirror")?.therapyId).toBe("mirror-therapy");
    expect(findIntervention(plan(), "nope")).toBeUndefined();
  });

  it("turns medications into trials at today's dose", () => {
    const titrated = {
      ...pregabalin(),
      details: { ...pregabalin().details, titrationSteps: [{ dose: 150, startsOn: "2026-03-01" }] },
    };
    const trials = medicationTrialsOf(plan([titrated, mirrorTherapy()]), "2026-03-02");
    expect(trials).toEqual([
      { interventionId: "iv-preg", medication: "Pregabalin", prescribedDose: { value: 150, unit: "mg" }, entries: [] },
    ]);
  });
});

describe("planByGoal", () => {
  it("lists an item under every goal it serves, marking the first as where its card lives", () => {
    // Mirror therapy serves mobility and pain; pregabalin pain only.
    const groups = planByGoal(plan());
    expect(groups.map((g) => [g.goalId, g.items.map(({ item, primary }) => `${item.id}${primary ? "*" : ""}`)])).toEqual([
      ["pain", ["iv-preg*", "iv-mirror"]],
      ["mobility", ["iv-mirror*"]],
      ["function", []],
      ["wellbeing", []],
    ]);
  });

  it("keeps a goal the plan lacks only while an item still links to it", () => {
    const p = plan();
    const withoutWellbeing = { ...p, goals: p.goals.filter((g) => g.id !== "wellbeing" && g.id !== "mobility") };
    expect(planByGoal(withoutWellbeing).map((g) => [g.goalId, g.goal === null])).toEqual([
      ["pain", false],
      ["mobility", true],
      ["function", false],
    ]);
  });
});
