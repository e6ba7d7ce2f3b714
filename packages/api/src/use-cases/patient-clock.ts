import { type ClinicSettings, notFound } from "@concord/domain";
import { type Database, getPatient } from "@concord/db";

/** The calendar day (YYYY-MM-DD) it is now in `timeZone`. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * "Today" for one patient: the day in the patient's own time zone (the clinic's when the patient has
 * none). Check-in dates, "this week", titration steps, adherence and the decision rules all use it.
 */
export async function patientToday(db: Database, patientId: string, settings: ClinicSettings, now: Date = new Date()) {
  const patient = await getPatient(db, patientId);
  if (!patient) throw notFound("This patient");
  const timeZone = patient.timeZone ?? settings.timeZone;
  return { today: todayInZone(timeZone, now), timeZone };
}
