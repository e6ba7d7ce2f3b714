import { type Actor, type ClinicSettings, crpsStage, describeDiagnosis, todayInZone } from "@concord/domain";
import { type Database, listPatientsForClinician, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/**
 * My patients: only those on the clinician's care teams (the query's join is the scope), those with
 * an open urgent alert first, with their open alert counts. Every patient shown gets an audit row.
 */
export async function listMyPatients(
  db: Database,
  actor: Actor,
  audit: ProcedureAudit,
  input: { search?: string | undefined; cursor?: string | undefined; limit: number },
  settings: ClinicSettings,
) {
  const page = await listPatientsForClinician(db, actor.userId, input);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "patient.list" } }, page.items.map((p) => p.id));
  // The stage is counted in months, so the clinic's day serves the whole list.
  const today = todayInZone(settings.timeZone);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((p) => ({ ...p, diagnosis: describeDiagnosis(p.diagnosisCode), stage: crpsStage(p.onsetDate, today) })),
  };
}
