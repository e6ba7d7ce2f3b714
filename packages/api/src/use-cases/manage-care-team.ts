import { type Actor, type Discipline, invalid, isClinicianRole, notFound } from "@concord/domain";
import { type Database, addCareTeamMember, inOrder, findUserById, getPatient, removeCareTeamMember, writeAudit } from "@concord/db";

/** `now`: when it happened (a replayed history passes its own); absent, the database's clock. */
export async function assignCareTeamMember(db: Database, actor: Actor, input: { patientId: string; clinicianId: string }, now?: Date) {
  return db.transaction(async (tx) => {
    const [patient, clinician] = await inOrder([() => getPatient(tx, input.patientId), () => findUserById(tx, input.clinicianId)] as const);
    if (!patient) throw notFound("This patient");
    if (!clinician) throw notFound("This clinician");
    if (!isClinicianRole(clinician.role)) throw invalid("Only clinicians can join a care team.");
    if (!clinician.active) throw invalid("This clinician's account is deactivated.");
    const added = await addCareTeamMember(tx, {
      patientId: patient.id,
      clinicianId: clinician.id,
      discipline: clinician.role as Discipline,
      addedBy: actor.userId,
    });
    if (!added) throw invalid(`${clinician.name} is already on this care team.`);
    await writeAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "admin.careTeam.assign",
      patientId: patient.id,
      outcome: "allowed",
      detail: { clinicianId: clinician.id, discipline: clinician.role },
      at: now,
    });
    return { patientId: patient.id, clinicianId: clinician.id };
  });
}

export async function removeFromCareTeam(db: Database, actor: Actor, input: { patientId: string; clinicianId: string }) {
  return db.transaction(async (tx) => {
    const removed = await removeCareTeamMember(tx, input.patientId, input.clinicianId);
    if (!removed) throw notFound("This care-team membership");
    await writeAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "admin.careTeam.remove",
      patientId: input.patientId,
      outcome: "allowed",
      detail: { clinicianId: input.clinicianId },
    });
    return { removed: true };
  });
}
