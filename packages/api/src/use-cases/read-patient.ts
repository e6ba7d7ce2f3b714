import { type Actor, type ClinicSettings, crpsStage, describeDiagnosis, notFound, todayInZone } from "@concord/domain";
import { type Database, activeEmergencyAccess, getCareTeam, getPatient } from "@concord/db";
import type { PatientScope } from "../access";

/**
 * One patient's header: who they are, their diagnosis and stage, and their day (their own zone,
 * else the clinic's): forms default to it and refuse later dates.
 */
export async function readPatient(db: Database, actor: Actor, scope: PatientScope, settings: ClinicSettings) {
  const patient = await getPatient(db, scope.patientId);
  if (!patient) throw notFound("This patient");
  const timeZone = patient.timeZone ?? settings.timeZone;
  const today = todayInZone(timeZone);
  return {
    id: patient.id,
    name: patient.name,
    dateOfBirth: patient.dateOfBirth,
    onsetDate: patient.onsetDate,
    // patient.read admits the care team and the patient themself only.
    phone: patient.phone,
    diagnosis: describeDiagnosis(patient.diagnosisCode),
    stage: crpsStage(patient.onsetDate, today),
    viewerDiscipline: scope.facts.careTeamDiscipline,
    // Open under "break the glass": read-only until this time (pages show it and offer no edits).
    emergencyAccessUntil: scope.via === "emergencyAccess" ? ((await activeEmergencyAccess(db, actor.userId, patient.id, new Date()))?.expiresAt ?? null) : null,
    timeZone,
    ownTimeZone: patient.timeZone,
    clinicTimeZone: settings.timeZone,
    today,
  };
}

/** The patient's care team, each with their discipline and whether their account is active. */
export async function readCareTeam(db: Database, patientId: string) {
  const team = await getCareTeam(db, patientId);
  return team.map(({ clinicianId, name, discipline, active }) => ({ clinicianId, name, discipline, active }));
}
