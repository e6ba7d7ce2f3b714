import { type Actor, type Discipline, invalid, isClinicianRole, notFound } from "@concord/domain";
import { type Database, addCareTeamMember, inOrder, findUserById, getPatient, removeCareTeamMember, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/** An admin puts an active clinician on a patient's team, in the discipline of their role; audited against the patient.
 * `now`: when it happened (a replayed history passes its own); absent, the database's clock. */
export async function assignCareTeamMember(db: Database, actor: Actor, audit: ProcedureAudit, input: { patientId: string; clinicianId: string }, now?: Date) {
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
    await writeAuditForPatients(tx, { ...audit, detail: { clinicianId: clinician.id, discipline: clinician.role }, at: now }, [patient.id]);
    return { patientId: patient.id, clinicianId: clinician.id };
  });
}

/** Takes a clinician off a patient's team (they lose access at once); audited against the patient. */
export async function removeFromCareTeam(db: Database, audit: ProcedureAudit, input: { patientId: string; clinicianId: string }) {
  return db.transaction(async (tx) => {
    const removed = await removeCareTeamMember(tx, input.patientId, input.clinicianId);
    if (!removed) throw notFound("This care-team membership");
    await writeAuditForPatients(tx, { ...audit, detail: { clinicianId: input.clinicianId } }, [input.patientId]);
    return { removed: true };
  });
}
