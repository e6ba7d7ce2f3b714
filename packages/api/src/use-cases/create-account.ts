import { type CreateUserInput, type Actor, invalid, isClinicianRole } from "@concord/domain";
import { type Database, findUserByEmail, insertPatient, insertUser, writeAudit } from "@concord/db";

/** Admin creates an account; a patient account also gets its patient record. */
export async function createAccount(
  db: Database,
  actor: Actor,
  input: CreateUserInput,
  hashPassword: (plain: string) => Promise<string>,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw invalid("An account with this email already exists.", { field: "email" });
    }
    const user = await insertUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash });
    let patientId: string | null = null;
    if (input.role === "patient" && input.patient) {
      const patient = await insertPatient(tx, { userId: user.id, name: input.name, ...input.patient });
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
