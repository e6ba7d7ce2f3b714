import { type Actor, type ClinicSettings, notFound, todayInZone } from "@concord/domain";
import { type Database, findUserById, getPatient } from "@concord/db";

/**
 * "Today" for one patient: the day in the patient's own time zone (the clinic's when the patient has
 * none). Check-in dates, "this week", titration steps, adherence and the decision rules all use it.
 */
export async function patientToday(db: Database, patientId: string, settings: ClinicSettings, now: Date = new Date()) {
  const patient = await getPatient(db, patientId);
  if (!patient) throw notFound("This patient");
  const timeZone = patient.timeZone ?? settings.timeZone;
  return { today: todayInZone(timeZone, now), timeZone, ownTimeZone: patient.timeZone };
}

/**
 * The zone times are shown in for this viewer: their own choice, else the clinic's. A patient has one
 * clock: the zone of their record (which decides their day) wins over an account setting.
 */
export async function viewerTimeZone(db: Database, actor: Actor, settings: ClinicSettings, now: Date = new Date()) {
  const patient = actor.patientId ? await getPatient(db, actor.patientId) : null;
  const user = await findUserById(db, actor.userId);
  const ownTimeZone = patient?.timeZone ?? user?.timeZone ?? null;
  const timeZone = ownTimeZone ?? settings.timeZone;
  return { timeZone, ownTimeZone, clinicTimeZone: settings.timeZone, today: todayInZone(timeZone, now) };
}
