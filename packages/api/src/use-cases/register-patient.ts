import { type Actor, type ClinicSettings, type RegisterPatientInput, invalid, todayInZone } from "@concord/domain";
import { type Database, addCareTeamMember, findUserByEmail, insertPatient, insertUser, isPatientMrnTaken, writeAudit } from "@concord/db";
import { deliverInvitation, issueInvitation } from "../accounts/invitations";
import type { ProcedureAudit } from "../audit";
import type { Services } from "../services";

export interface RegisterPatientOptions {
  db: Database;
  actor: Actor;
  audit: ProcedureAudit;
  input: RegisterPatientInput;
  services: Services;
  settings: ClinicSettings;
  /** When it happened (a replayed history passes its own); absent, the present moment and the database's clock. */
  now?: Date;
}

/**
 * A pain physician or an admin registers a patient: the account (no password), the patient record,
 * the registering physician on the care team as pain physician, and the invitation, all in one
 * transaction; then the invitation email, whose outcome is recorded on the invitation.
 */
export async function registerPatient({ db, actor, audit, input, services, settings, now: at }: RegisterPatientOptions) {
  const now = at ?? new Date();
  const timeZone = input.timeZone ?? null;
  // "The future" is the patient's own calendar: their chosen zone, else the clinic's.
  const today = todayInZone(timeZone ?? settings.timeZone, now);
  if (input.patient.dateOfBirth > today) throw invalid("The date of birth cannot be in the future.", { field: "patient.dateOfBirth" });
  if (input.patient.onsetDate > today) throw invalid("The onset date cannot be in the future.", { field: "patient.onsetDate" });
  const { user, patient, invitation } = await db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw invalid("An account with this email already exists.", { field: "email" });
    if (input.patient.mrn && (await isPatientMrnTaken(tx, input.patient.mrn))) {
      throw invalid("Another patient already has this medical record number.", { field: "patient.mrn" });
    }
    const user = await insertUser(tx, { email: input.email, name: input.name, role: "patient", passwordHash: null, timeZone });
    const patient = await insertPatient(tx, {
      userId: user.id,
      name: input.name,
      dateOfBirth: input.patient.dateOfBirth,
      diagnosisCode: input.patient.diagnosisCode,
      onsetDate: input.patient.onsetDate,
      phone: input.patient.phone ?? null,
      email: input.email,
      mrn: input.patient.mrn ?? null,
      timeZone,
    });
    if (actor.role === "pain_physician") {
      await addCareTeamMember(tx, { patientId: patient.id, clinicianId: actor.userId, discipline: "pain_physician", addedBy: actor.userId });
    }
    const invitation = await issueInvitation(tx, { userId: user.id, createdBy: actor.userId, now });
    await writeAudit(tx, {
      ...audit,
      patientId: patient.id,
      outcome: "allowed",
      detail: { userId: user.id, invitationId: invitation.tokenId, joinedCareTeam: actor.role === "pain_physician" },
      at,
    });
    return { user, patient, invitation };
  });
  const delivery = await deliverInvitation(db, services, {
    invitation,
    to: user.email,
    inviteeName: user.name,
    invitedBy: actor,
    timeZone: timeZone ?? settings.timeZone,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, patientId: patient.id, invitation: delivery };
}
