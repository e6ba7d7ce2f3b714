import { type ClinicSettings, type CrisisResourceReason, type CrisisResources, crisisResourcesFor, urgentSymptomResourcesFor } from "@concord/domain";
import { type Database, openUrgentAlertRules } from "@concord/db";

export interface PatientSafety {
  showCrisisResources: boolean;
  /** The region's resources while they are to be shown; null otherwise. */
  resources: CrisisResources | null;
  /** Why: thoughts of self-harm (crisis lines) or a reported symptom (emergency number); null when nothing is open. */
  reason: CrisisResourceReason | null;
}

/**
 * What the patient's home needs while an urgent alert about them is open: the resources that fit —
 * crisis lines after a PHQ-9 item 9 answer, the emergency number after an urgent symptom — and
 * nothing of the alert itself (its clinical wording is written for clinicians).
 */
export async function readPatientSafety(db: Database, patientId: string, settings: ClinicSettings): Promise<PatientSafety> {
  const rules = await openUrgentAlertRules(db, patientId);
  if (rules.includes("phq9-self-harm")) return { showCrisisResources: true, resources: crisisResourcesFor(settings), reason: "self-harm" };
  if (rules.length > 0) return { showCrisisResources: true, resources: urgentSymptomResourcesFor(settings), reason: "symptom" };
  return { showCrisisResources: false, resources: null, reason: null };
}
