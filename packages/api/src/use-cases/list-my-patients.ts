import {
  type Actor,
  type ClinicSettings,
  PATIENT_LIST_PAIN_DAYS,
  type PatientListSort,
  crpsStage,
  describeDiagnosis,
  recentAdherence,
  todayInZone,
  windowStart,
} from "@concord/domain";
import { type Database, listPatientsForClinician, listRecentCheckInsForClinician, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/**
 * My patients: only those on the clinician's care teams (the query's join is the scope), urgent first
 * unless another sort is asked for, with open alert counts, the last check-in, a 30-day pain series,
 * home-programme adherence and the next item review. Two queries per page whatever its size (the list,
 * then the page's check-ins in one batch). Every patient shown gets an audit row.
 */
export async function listMyPatients(
  db: Database,
  actor: Actor,
  audit: ProcedureAudit,
  input: { search?: string | undefined; cursor?: string | undefined; limit: number; sort?: PatientListSort | undefined },
  settings: ClinicSettings,
) {
  const page = await listPatientsForClinician(db, actor.userId, input);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "patient.list" } }, page.items.map((p) => p.id));
  // The stage and the windows are counted in the clinic's days, so one "today" serves the whole list.
  const today = todayInZone(settings.timeZone);
  const since = windowStart(today, PATIENT_LIST_PAIN_DAYS);
  const recent = await listRecentCheckInsForClinician(db, actor.userId, { patientIds: page.items.map((p) => p.id), since });
  return {
    nextCursor: page.nextCursor,
    painWindow: { from: since, to: today },
    items: page.items.map((p) => {
      const checkIns = recent.get(p.id) ?? [];
      const adherence = recentAdherence(checkIns, today);
      return {
        ...p,
        diagnosis: describeDiagnosis(p.diagnosisCode),
        stage: crpsStage(p.onsetDate, today),
        painSeries: checkIns.map((c) => ({ date: c.date, pain: c.painAverage })),
        adherence: { percentage: adherence.percentage === null ? null : Math.round(adherence.percentage), daysWithData: adherence.daysWithData, daysInWindow: adherence.daysInWindow },
      };
    }),
  };
}
