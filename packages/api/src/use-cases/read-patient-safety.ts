import { type ClinicSettings, type CrisisResources, crisisResourcesFor } from "@concord/domain";
import { type Database, hasOpenUrgentAlert } from "@concord/db";

export interface PatientSafety {
  showCrisisResources: boolean;
  /** The region's crisis resources while they are to be shown; null otherwise. */
  resources: CrisisResources | null;
}

/**
 * What the patient's home needs while an urgent alert about them is open: the crisis resources,
 * and nothing of the alert itself (its clinical wording is written for clinicians).
 */
export async function readPatientSafety(db: Database, patientId: string, settings: ClinicSettings): Promise<PatientSafety> {
  const show = await hasOpenUrgentAlert(db, patientId);
  return { showCrisisResources: show, resources: show ? crisisResourcesFor(settings) : null };
}
