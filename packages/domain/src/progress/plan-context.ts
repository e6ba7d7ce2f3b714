import { CATEGORY_TIER, type TherapyCategory } from "../care-plan/catalogue";
import { interventionName } from "../care-plan/intervention";

/**
 * What progress reads from the care plan. The plan is owned by the care-plan feature; this reads
 * only the few stable fields it needs, defensively, so a plan in an older or newer shape never
 * breaks a patient's check-in.
 */
export interface PlanItemLike {
  id: string;
  category: string;
  status: string;
  startDate?: string | null;
  therapyId: string | null;
  custom: boolean;
  customName: string | null;
}
export interface PlanLike {
  interventions?: readonly PlanItemLike[];
}

/** Categories a patient reports adherence for on the daily check-in: things they do themselves. */
export const ADHERENCE_CATEGORIES: readonly TherapyCategory[] = ["pt_ot", "medication", "self_management"];

export interface AdherenceItem {
  interventionId: string;
  name: string;
  category: TherapyCategory;
}

export function adherenceItems(plan: PlanLike | null): AdherenceItem[] {
  return (plan?.interventions ?? [])
    .filter((i) => i.status === "active" && (ADHERENCE_CATEGORIES as readonly string[]).includes(i.category))
    .map((i) => ({ interventionId: i.id, name: interventionName(i), category: i.category as TherapyCategory }));
}

const STARTED = new Set(["active", "paused", "completed", "stopped"]);

/** The earliest start date of a conservative-care item that has actually started; null when none. */
export function conservativeCareStartedOn(plan: PlanLike | null): string | null {
  const starts = (plan?.interventions ?? [])
    .filter((i) => CATEGORY_TIER[i.category as TherapyCategory] === "conservative" && STARTED.has(i.status) && i.startDate)
    .map((i) => i.startDate as string)
    .sort();
  return starts[0] ?? null;
}

/**
 * Decision: a psychological evaluation is "on record" when the plan has a psychological therapy
 * that is active or completed (a psychologist has taken the patient on), or when a psychologist
 * has recorded any measure for the patient. A PHQ-9 the patient fills in alone is screening, not
 * an evaluation, so it does not count.
 */
export function psychologicalEvaluationOnRecord(plan: PlanLike | null, psychologistMeasureOnRecord: boolean): boolean {
  if (psychologistMeasureOnRecord) return true;
  return (plan?.interventions ?? []).some((i) => i.category === "psychological" && (i.status === "active" || i.status === "completed"));
}

/** Plan items after which new numbness, weakness or bladder/bowel change is a red flag (compression, haematoma or abscess). */
export const SPINAL_PROCEDURE_THERAPY_IDS = ["spinal-cord-stimulation", "drg-stimulation", "neuromodulation-devices", "sympathetic-nerve-block"] as const;

/**
 * Whether the check-in asks about numbness, weakness or bladder/bowel change after a procedure: the
 * patient has (or had) a stimulator or a spinal procedure in their plan that has started.
 */
export function asksAboutProcedureRedFlag(plan: PlanLike | null): boolean {
  return (plan?.interventions ?? []).some(
    (i) => i.therapyId !== null && (SPINAL_PROCEDURE_THERAPY_IDS as readonly string[]).includes(i.therapyId) && STARTED.has(i.status),
  );
}
