import { describe, expect, it } from "vitest";
import {
  type MedicationTrial,
  type SideEffectSeverity,
  type TrialEntry,
  type TrialSummary,
  rankTrialSummaries,
  summariseTrial,
  summariseTrials,
  trialEntrySchema,
} from "./medication-trial";

const dose = (from: number | null, to: number, date: string): TrialEntry => ({
  type: "dose_change",
  from,
  to,
  unit: "mg",
  date,
  reason: "titration",
});
const response = (pain: number, date: string): TrialEntry => ({ type: "response", pain, note: "", date });
const sideEffect = (name: string, severity: SideEffectSeverity, date: string): TrialEntry => ({
  type: "side_effect",
  name,
  severity,
  date,
});

const trial = (entries: TrialEntry[], prescribedDose: MedicationTrial["prescribedDose"] = null): MedicationTrial => ({
  interventionId: "iv-1",
  medication: "Pregabalin",
  prescribedDose,
  entries,
});

describe("summariseTrial", () => {
  it("reports the best response and the dose it came at", () => {
    const s = summariseTrial(
      trial([
        dose(null, 75, "2026-01-01"),
        response(7, "2026-01-07"),
        dose(75, 150, "2026-01-08"),
        response(4, "2026-01-14"),
        sideEffect("dizziness", "moderate", "2026-01-10"),
        dose(150, 300, "2026-01-15"),
        response(5, "2026-01-21"),
        sideEffect("drowsiness", "severe", "2026-01-18"),
      ]),
    );
    expect(s.currentDose).toEqual({ value: 300, unit: "mg" });
    expect(s.bestResponse).toEqual({ pain: 4, dose: { value: 150, unit: "mg" }, date: "2026-01-14" });
    expect(s.responseCount).toBe(3);
    expect(s.sideEffectCount).toBe(2);
    expect(s.severeSideEffectCount).toBe(1);
  });

  it("on equal pain prefers the lower dose", () => {
    const s = summariseTrial(
      trial([dose(null, 300, "2026-01-01"), response(3, "2026-01-05"), dose(300, 150, "2026-01-06"), response(3, "2026-01-10")]),
    );
    expect(s.bestResponse?.dose).toEqual({ value: 150, unit: "mg" });
    expect(s.bestResponse?.date).toBe("2026-01-10");
  });

  it("sorts entries by date before attributing responses to doses", () => {
    const s = summariseTrial(trial([response(2, "2026-01-20"), dose(150, 225, "2026-01-15"), dose(null, 150, "2026-01-01")]));
    expect(s.bestResponse?.dose?.value).toBe(225);
  });

  it("attributes a response before the first recorded change to that change's starting dose", () => {
    const s = summariseTrial(trial([response(6, "2026-01-02"), dose(75, 150, "2026-01-10")]));
    expect(s.bestResponse?.dose).toEqual({ value: 75, unit: "mg" });
  });

  it("uses the prescribed dose when nothing changed, and prefers it as current", () => {
    expect(summariseTrial(trial([response(5, "2026-01-02")], { value: 50, unit: "mg" })).bestResponse?.dose).toEqual({
      value: 50,
      unit: "mg",
    });
    expect(summariseTrial(trial([dose(null, 75, "2026-01-01")], { value: 150, unit: "mg" })).currentDose?.value).toBe(150);
  });

  it("is empty for an empty trial", () => {
    expect(summariseTrial(trial([]))).toMatchObject({ currentDose: null, bestResponse: null, responseCount: 0, sideEffectCount: 0 });
  });

  it("summarises each trial in order", () => {
    const trials = [trial([response(6, "2026-01-02")]), { ...trial([response(3, "2026-01-02")]), medication: "Duloxetine" }];
    expect(summariseTrials(trials).map((s) => [s.medication, s.bestResponse?.pain])).toEqual([
      ["Pregabalin", 6],
      ["Duloxetine", 3],
    ]);
  });
});

describe("rankTrialSummaries", () => {
  const summary = (medication: string, pain: number | null, severe: number, total: number): TrialSummary => ({
    interventionId: medication,
    medication,
    currentDose: null,
    bestResponse: pain === null ? null : { pain, dose: null, date: "2026-01-01" },
    responseCount: pain === null ? 0 : 1,
    sideEffectCount: total,
    severeSideEffectCount: severe,
  });

  it("ranks best relief first, then fewest severe, then fewest side effects, untested last", () => {
    const ranked = rankTrialSummaries([
      summary("untested", null, 0, 0),
      summary("gabapentin", 4, 1, 1),
      summary("duloxetine", 4, 0, 3),
      summary("amitriptyline", 4, 0, 1),
      summary("pregabalin", 3, 2, 4),
    ]);
    expect(ranked.map((s) => s.medication)).toEqual(["pregabalin", "amitriptyline", "duloxetine", "gabapentin", "untested"]);
  });
});

describe("trial entry schema", () => {
  it.each([
    [{ type: "response", pain: 4, date: "2026-01-02" }, true],
    [{ type: "response", pain: 11, date: "2026-01-02" }, false],
    [{ type: "response", pain: 3.5, date: "2026-01-02" }, false],
    [{ type: "side_effect", name: "Nausea", severity: "severe", date: "2026-01-02" }, true],
    [{ type: "side_effect", name: "Nausea", severity: "awful", date: "2026-01-02" }, false],
    [{ type: "dose_change", from: 75, to: 150, unit: "mg", date: "2026-01-02", reason: "more relief needed" }, true],
    [{ type: "dose_change", from: 75, to: 0, unit: "mg", date: "2026-01-02", reason: "x" }, false],
    [{ type: "dose_change", from: null, to: 75, unit: "mg", date: "2026-01-02", reason: "" }, false],
  ])("%j valid: %s", (entry, ok) => {
    expect(trialEntrySchema.safeParse(entry).success).toBe(ok);
  });
});
