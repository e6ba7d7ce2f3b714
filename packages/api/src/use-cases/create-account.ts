import { type ClinicSettings, type CreateUserInput, type Actor, invalid, isClinicianRole, todayInZone } from "@concord/domain";
import { type Database, findUserByEmail, insertPatient, insertUser, writeAudit } from "@concord/db";

/** Admin creates an account; a patient account also gets its patient record. */
export async function createAccount(
  db: Database,
  actor: Actor,
  input: CreateUserInput,
  hashPassword: (plain: string) => Promise<string>,
  settings: ClinicSettings,
) {
  const timeZone = input.timeZone ?? null;
  if (input.role === "patient" && input.patient) {
    // "The future" is the patient's own calendar: their chosen zone, else the clinic's.
    const today = todayInZone(timeZone ?? settings.timeZone);
    if (input.patient.dateOfBirth > today) throw invalid("The date of birth cannot be in the future.", { field: "patient.dateOfBirth" });
    if (input.patient.onsetDate > today) throw invalid("The onset date cannot be in the future.", { field: "patient.onsetDate" });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw invalid("An account with this email already exists.", { field: "email" });
    }
    const user = await insertUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash, timeZone });
    let patientId: string | null = null;
    if (input.role === "patient" && input.patient) {
      const patient = await insertPatient(tx, { userId: user.id, name: input.name, ...input.patient, timeZone });
      patientId = patient.id;
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "admin.users.create",
      patientId,
      outcome: "allowed",
      detail: { userId: user.id, role: user.role, clinician: isClinicianRole(user.role) },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, patientId };
  });
}
