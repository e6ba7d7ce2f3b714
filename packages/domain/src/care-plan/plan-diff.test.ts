import { describe, expect, it } from "vitest";
import type { CarePlan } from "./plan";
import { applyCommand } from "./plan-commands";
import { DIFF_SUMMARY_MAX, type PlanDiffEntry, diffPlans, summariseDiff } from "./plan-diff";
import { TODAY, ctx, intervention, mirrorTherapy, nerveBlock, plan, pregabalin } from "./test-fixtures";

const labels = (before: CarePlan, after: CarePlan) => diffPlans(before, after).map((d) => d.label);

describe("diffPlans", () => {
  it("finds nothing between equal plans, whatever the key order", () => {
    const before = plan();
    const reorder = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const after = { ...before, interventions: before.interventions.map((i) => ({ ...reorder(i), details: reorder(i.details) })) };
    expect(diffPlans(before, structuredClone(before))).toEqual([]);
    expect(diffPlans(before, after)).toEqual([]);
  });

  it("labels a dose change", () => {
    const before = plan();
    const after = applyCommand(before, { type: "updateIntervention", interventionId: "iv-preg", details: { dose: 150 } }, ctx("pain_physician"));
    expect(diffPlans(before, after)).toEqual([
      { path: "interventions.iv-preg.details.dose", kind: "changed", before: "75 mg", after: "150 mg", label: "Pregabalin: dose 75 mg → 150 mg" },
    ]);
  });

  it("labels doses per day, the timing note and each titration step planned or withdrawn", () => {
    const before = plan();
    const planned = applyCommand(
      before,
      { type: "updateIntervention", interventionId: "iv-preg", details: { dosesPerDay: 3, schedule: "with food", titrationSteps: [{ dose: 150, startsOn: "2026-03-09" }] } },
      ctx("pain_physician"),
    );
    expect(labels(before, planned)).toEqual([
      "Pregabalin: doses per day 2 → 3",
      "Pregabalin: timing note none → with food",
      "Pregabalin: titration step planned: 150 mg from 9 Mar 2026",
    ]);
    const withdrawn = applyCommand(planned, { type: "updateIntervention", interventionId: "iv-preg", details: { titrationSteps: [] } }, ctx("pain_physician"));
    expect(diffPlans(planned, withdrawn)).toEqual([
      {
        path: "interventions.iv-preg.details.titrationSteps",
        kind: "removed",
        before: { dose: 150, startsOn: "2026-03-09" },
        label: "Pregabalin: titration step withdrawn: 150 mg from 9 Mar 2026",
      },
    ]);
  });

  it("labels the medicine named on a reviewed entry, and the review's completion", () => {
    const legacy = intervention({ id: "iv-nsaid", therapyId: "nsaids", details: { kind: "medication", dose: 250, unit: "mg", route: "oral", schedule: "bd" } });
    const before = plan([legacy]);
    const after = applyCommand(before, { type: "updateIntervention", interventionId: "iv-nsaid", details: { agentId: "naproxen" } }, ctx("pain_physician"));
    expect(labels(before, after)).toEqual(["Naproxen: medicine none → Naproxen", "Naproxen: entry reviewed and completed"]);
  });

  it("labels a goal status change", () => {
    const before = plan();
    const after = applyCommand(before, { type: "updateGoal", goalId: "mobility", status: "achieved" }, ctx("physical_therapist"));
    expect(diffPlans(before, after)).toEqual([
      {
        path: "goals.mobility.status",
        kind: "changed",
        before: "in_progress",
        after: "achieved",
        label: "Goal ‘Improve mobility and strength’: status in_progress → achieved",
      },
    ]);
  });

  it("labels a stop with its reason", () => {
    const before = plan();
    const after = applyCommand(
      before,
      { type: "changeInterventionStatus", interventionId: "iv-preg", to: "stopped", reason: "Dizziness" },
      ctx("pain_physician"),
    );
    expect(labels(before, after)).toEqual(["Pregabalin: status active → stopped (reason: Dizziness)"]);
  });

  it("labels added and removed items and goals, and target changes", () => {
    const before = plan([pregabalin(), mirrorTherapy()]);
    const after: CarePlan = {
      ...before,
      reviewDueAt: "2026-05-01",
      goals: before.goals
        .filter((g) => g.id !== "wellbeing")
        .map((g) => (g.id === "pain" ? { ...g, targets: [{ kind: "pain_average_at_most", value: 3, byDate: "2026-09-01" }] } : g)),
      interventions: [mirrorTherapy(), nerveBlock()],
    };
    expect(labels(before, after)).toEqual([
      "Review date 1 Apr 2026 → 1 May 2026",
      "Goal ‘Reduce pain and hypersensitivity’: target added: Average pain at most 3/10 by 1 Sep 2026",
      "Goal ‘Reduce pain and hypersensitivity’: target removed: Average pain at most 4/10 by 1 Jun 2026",
      "Removed goal ‘Support emotional well-being’",
      "Added Sympathetic nerve block (active)",
      "Removed Pregabalin",
    ]);
    const kinds = diffPlans(before, after).map((d) => d.kind);
    expect(kinds).toEqual(["changed", "added", "removed", "removed", "added", "removed"]);
  });

  it.each([
    [{ stage: "imagined_movement" }, "Mirror therapy (graded motor imagery): stage left/right judgement → imagined movement"],
    [{ sets: 4 }, "Mirror therapy (graded motor imagery): sets 3 → 4"],
    [{ durationMinutes: 15 }, "Mirror therapy (graded motor imagery): minutes none → 15"],
    [{ instructions: "Use the large mirror" }, "Mirror therapy (graded motor imagery): instructions changed"],
  ])("labels exercise detail %j", (change, label) => {
    const before = plan();
    const after = applyCommand(before, { type: "updateIntervention", interventionId: "iv-mirror", details: change }, ctx("physical_therapist"));
    expect(labels(before, after)).toEqual([label]);
  });

  it("labels procedure dates and linked goals", () => {
    const before = plan([nerveBlock()]);
    const block = before.interventions[0]!;
    const after: CarePlan = {
      ...before,
      interventions: [
        { ...block, goalIds: ["pain", "mobility"], nextReviewDate: "2026-03-20", details: { ...block.details, plannedDate: "2026-03-14" } as typeof block.details },
      ],
    };
    expect(labels(before, after)).toEqual([
      "Sympathetic nerve block: planned date 7 Mar 2026 → 14 Mar 2026",
      "Sympathetic nerve block: now linked to goal ‘Improve mobility and strength’",
      "Sympathetic nerve block: next review none → 20 Mar 2026",
    ]);
  });

  it("labels recorded trial entries", () => {
    const before = plan();
    const step1 = applyCommand(
      before,
      { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "dose_change", to: 150, date: TODAY, reason: "partial relief" } },
      ctx("pain_physician"),
    );
    const step2 = applyCommand(
      step1,
      { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "side_effect", name: "Dizziness", severity: "moderate", date: TODAY } },
      ctx("physical_therapist"),
    );
    const after = applyCommand(
      step2,
      { type: "recordTrialEntry", interventionId: "iv-preg", entry: { type: "response", pain: 4, date: TODAY } },
      ctx("physical_therapist"),
    );
    expect(diffPlans(before, after).map((d) => [d.path, d.label])).toEqual([
      ["interventions.iv-preg.details.dose", "Pregabalin: dose 75 mg → 150 mg"],
      ["interventions.iv-preg.trialEntries.0", "Pregabalin: dose change recorded (partial relief)"],
      ["interventions.iv-preg.trialEntries.1", "Pregabalin: side effect recorded: Dizziness (moderate)"],
      ["interventions.iv-preg.trialEntries.2", "Pregabalin: pain 4/10 recorded"],
    ]);
  });
});

describe("summariseDiff", () => {
  const entry = (label: string): PlanDiffEntry => ({ path: "x", kind: "changed", label });

  it("says when nothing changed", () => {
    expect(summariseDiff([])).toBe("No changes.");
  });

  it("joins short labels", () => {
    expect(summariseDiff([entry("Pregabalin: dose 75 mg → 150 mg"), entry("Review date 1 Apr 2026 → 1 May 2026")])).toBe(
      "Pregabalin: dose 75 mg → 150 mg; Review date 1 Apr 2026 → 1 May 2026",
    );
  });

  it("counts what does not fit", () => {
    const many = Array.from({ length: 12 }, (_, i) => entry(`Goal ‘Improve mobility and strength’: target ${i} changed`));
    const text = summariseDiff(many);
    expect(text.length).toBeLessThanOrEqual(DIFF_SUMMARY_MAX);
    expect(text).toMatch(/^Goal ‘Improve mobility and strength’: target 0 changed; .*; and \d+ more$/);
    const shown = text.split("; ").length - 1;
    expect(text).toContain(`and ${12 - shown} more`);
  });

  it("shortens a single very long label", () => {
    const text = summariseDiff([entry("x".repeat(500)), entry("short")]);
    expect(text.length).toBeLessThanOrEqual(DIFF_SUMMARY_MAX);
    expect(text.endsWith("…; and 1 more")).toBe(true);
  });
});
