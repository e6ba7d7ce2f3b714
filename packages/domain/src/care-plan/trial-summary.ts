// Zod-free: the medication-trial summaries the browser shows; ./medication-trial.ts holds the entry schemas.
import type { DoseUnit } from "./medication-units";

export const SIDE_EFFECT_SEVERITIES = ["mild", "moderate", "severe"] as const;
export type SideEffectSeverity = (typeof SIDE_EFFECT_SEVERITIES)[number];

/**
 * The fields of each trial entry the summary reads (medication-trial.ts's TrialEntry has them all),
 * written out rather than imported so medication-trial.ts (which builds its schemas from the
 * severities above) and this module do not import each other.
 */
export type TrialEntryFacts =
  | { type: "dose_change"; date: string; from: number | null; to: number; unit: DoseUnit }
  | { type: "response"; date: string; pain: number }
  | { type: "side_effect"; date: string; severity: SideEffectSeverity };

export interface Dose {
  value: number;
  unit: DoseUnit;
}

export interface MedicationTrial {
  interventionId: string;
  medication: string;
  /** The dose the plan prescribes now; when absent, the last recorded dose change is used. */
  prescribedDose: Dose | null;
  entries: readonly TrialEntryFacts[];
}

export interface TrialSummary {
  interventionId: string;
  medication: string;
  currentDose: Dose | null;
  /** Lowest pain reported; ties go to the lower dose, then the earlier date. */
  bestResponse: { pain: number; dose: Dose | null; date: string } | null;
  responseCount: number;
  sideEffectCount: number;
  severeSideEffectCount: number;
}

export function summariseTrial(trial: MedicationTrial): TrialSummary {
  // Stable sort keeps entries recorded on the same day in the order they were entered.
  const entries = [...trial.entries].sort((a, b) => a.date.localeCompare(b.date));
  const doseChanges = entries.filter((e) => e.type === "dose_change");
  const first = doseChanges[0];
  const last = doseChanges[doseChanges.length - 1];

  let dose: Dose | null = first
    ? first.from === null
      ? null
      : { value: first.from, unit: first.unit }
    : trial.prescribedDose;
  let best: TrialSummary["bestResponse"] = null;
  let responseCount = 0;
  let sideEffectCount = 0;
  let severeSideEffectCount = 0;

  for (const entry of entries) {
    switch (entry.type) {
      case "dose_change":
        dose = { value: entry.to, unit: entry.unit };
        break;
      case "response":
        responseCount++;
        if (!best || isBetter(entry.pain, dose, best)) best = { pain: entry.pain, dose, date: entry.date };
        break;
      case "side_effect":
        sideEffectCount++;
        if (entry.severity === "severe") severeSideEffectCount++;
        break;
    }
  }

  return {
    interventionId: trial.interventionId,
    medication: trial.medication,
    currentDose: trial.prescribedDose ?? (last ? { value: last.to, unit: last.unit } : null),
    bestResponse: best,
    responseCount,
    sideEffectCount,
    severeSideEffectCount,
  };
}

function isBetter(pain: number, dose: Dose | null, best: NonNullable<TrialSummary["bestResponse"]>): boolean {
  if (pain !== best.pain) return pain < best.pain;
  return dose !== null && best.dose !== null && dose.unit === best.dose.unit && dose.value < best.dose.value;
}

/** One summary per trial, in the order given. */
export function summariseTrials(trials: readonly MedicationTrial[]): TrialSummary[] {
  return trials.map(summariseTrial);
}

/**
 * Orders summaries for the "best relief with the fewest side effects" question: lowest best pain
 * first, then fewer severe side effects, then fewer side effects. Trials without a response last.
 */
export function rankTrialSummaries(summaries: readonly TrialSummary[]): TrialSummary[] {
  const pain = (s: TrialSummary) => s.bestResponse?.pain ?? Number.POSITIVE_INFINITY;
  return [...summaries].sort(
    (a, b) =>
      pain(a) - pain(b) ||
      a.severeSideEffectCount - b.severeSideEffectCount ||
      a.sideEffectCount - b.sideEffectCount,
  );
}
