import { describe, expect, it } from "vitest";
import { type PlanItemLike, adherenceItems, asksAboutProcedureRedFlag, conservativeCareStartedOn, psychologicalEvaluationOnRecord } from "./plan-context";

const item = (o: Partial<PlanItemLike> & { id: string }): PlanItemLike => ({
  category: "medication",
  status: "active",
  startDate: "2026-01-10",
  therapyId: "pregabalin",
  custom: false,
  customName: null,
  ...o,
});

describe("adherenceItems", () => {
  it("lists active exercises, medications and self-management, by name", () => {
    const plan = {
      interventions: [
        item({ id: "a" }),
        item({ id: "b", category: "pt_ot", therapyId: "mirror-therapy" }),
        item({ id: "c", category: "interventional", therapyId: "sympathetic-nerve-block" }),
        item({ id: "d", status: "paused" }),
        item({ id: "e", category: "self_management", custom: true, therapyId: null, customName: "Evening walk" }),
      ],
    };
    expect(adherenceItems(plan).map((i) => [i.interventionId, i.name])).toEqual([
      ["a", "Pregabalin"],
      ["b", "Mirror therapy (graded motor imagery)"],
      ["e", "Evening walk"],
    ]);
  });
  it("works without a plan", () => expect(adherenceItems(null)).toEqual([]));
});

describe("conservativeCareStartedOn", () => {
  it.each([
    { name: "no plan", plan: null, expected: null },
    { name: "earliest started conservative item", plan: { interventions: [item({ id: "a", startDate: "2026-02-01" }), item({ id: "b", category: "pt_ot", startDate: "2026-01-15" })] }, expected: "2026-01-15" },
    { name: "interventional items do not count", plan: { interventions: [item({ id: "a", category: "interventional", startDate: "2025-12-01" })] }, expected: null },
    { name: "proposals have not started", plan: { interventions: [item({ id: "a", status: "proposed", startDate: "2025-12-01" })] }, expected: null },
    { name: "completed items count", plan: { interventions: [item({ id: "a", status: "completed", startDate: "2025-11-01" })] }, expected: "2025-11-01" },
  ])("$name", ({ plan, expected }) => expect(conservativeCareStartedOn(plan)).toBe(expected));
});

describe("psychologicalEvaluationOnRecord", () => {
  it.each([
    { name: "nothing on record", plan: null, measure: false, expected: false },
    { name: "a psychologist recorded a measure", plan: null, measure: true, expected: true },
    { name: "an active psychological therapy", plan: { interventions: [item({ id: "a", category: "psychological" })] }, measure: false, expected: true },
    { name: "a completed psychological therapy", plan: { interventions: [item({ id: "a", category: "psychological", status: "completed" })] }, measure: false, expected: true },
    { name: "only a proposal", plan: { interventions: [item({ id: "a", category: "psychological", status: "proposed" })] }, measure: false, expected: false },
  ])("$name", ({ plan, measure, expected }) => expect(psychologicalEvaluationOnRecord(plan, measure)).toBe(expected));
});

describe("asksAboutProcedureRedFlag", () => {
  const planItem = (therapyId: string, status: string): PlanItemLike => ({ id: therapyId, category: "interventional", status, therapyId, custom: false, customName: null });
  it.each([
    ["a spinal cord stimulator in use", [planItem("spinal-cord-stimulation", "active")], true],
    ["a DRG stimulator that was removed (completed)", [planItem("drg-stimulation", "completed")], true],
    ["a sympathetic block done", [planItem("sympathetic-nerve-block", "completed")], true],
    ["a stimulator only proposed", [planItem("spinal-cord-stimulation", "proposed")], false],
    ["a ketamine infusion", [planItem("ketamine-infusion", "active")], false],
    ["no plan", null, false],
  ] as const)("%s → %s", (_label, interventions, expected) => {
    expect(asksAboutProcedureRedFlag(interventions ? { interventions } : null)).toBe(expected);
  });
});
