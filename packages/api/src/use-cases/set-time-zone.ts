import { type Actor, type ClinicSettings, type SetOwnTimeZoneInput, type SetPatientTimeZoneInput, notFound } from "@concord/domain";
import { type Database, getPatient, updatePatientTimeZone, updateUserTimeZone, writeAudit } from "@concord/db";
import type { ProcedureAudit } from "../audit";
import { patientToday, viewerTimeZone } from "./patient-clock";

/**
 * A person chooses the zone they read times in. For a patient it is also the zone of their day, so
 * "today", "this week" and the rules follow them when they move. Null returns to the clinic default.
 * `db` is one transaction: the account, the patient record and the audit row change together.
 */
export async function setOwnTimeZone(db: Database, actor: Actor, audit: ProcedureAudit, input: SetOwnTimeZoneInput, settings: ClinicSettings) {
  return db.transaction(async (tx) => {
    const before = await viewerTimeZone(tx, actor, settings);
    await updateUserTimeZone(tx, actor.userId, input.timeZone);
    if (actor.patientId) await updatePatientTimeZone(tx, actor.patientId, input.timeZone);
    await writeAudit(tx, {
      ...audit,
      patientId: actor.patientId,
      outcome: "allowed",
      detail: { from: before.ownTimeZone, to: input.timeZone },
    });
    return viewerTimeZone(tx, actor, settings);
  });
}

/**
 * The care team (or an administrator) sets the zone of a patient's day, e.g. after a move. The
 * procedure's transaction already holds the access check and its audit row; the change is recorded
 * with what it was before.
 */
export async function setPatientTimeZone(db: Database, actor: Actor, input: SetPatientTimeZoneInput, settings: ClinicSettings) {
  const patient = await getPatient(db, input.patientId);
  if (!patient) throw notFound("This patient");
  await updatePatientTimeZone(db, input.patientId, input.timeZone);
  await writeAudit(db, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "patients.timeZone.changed",
    patientId: input.patientId,
    outcome: "allowed",
    detail: { from: patient.timeZone, to: input.timeZone },
  });
  const day = await patientToday(db, input.patientId, settings);
  return { timeZone: day.timeZone, ownTimeZone: day.ownTimeZone, clinicTimeZone: settings.timeZone, today: day.today };
}
