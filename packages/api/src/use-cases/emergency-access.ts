import {
  type Actor,
  type ClinicSettings,
  DomainError,
  EMERGENCY_ACCESS_MINUTES,
  type OpenEmergencyAccessInput,
  ROLE_LABELS,
  conflict,
  emergencyAccessExpiry,
  formatDateTime,
  invalid,
  isClinicianRole,
  normalizePersonName,
  notFound,
} from "@concord/domain";
import {
  type Database,
  activeEmergencyAccess,
  activeUserIdsWithRole,
  careTeamUserIds,
  createNotifications,
  endEmergencyAccess as closeAccess,
  findPatientForEmergency,
  getEmergencyAccess,
  getPatientFacts,
  insertEmergencyAccess,
  listEmergencyAccessesOf,
  reviewEmergencyAccess as markReviewed,
  writeAudit,
  writeAuditForPatients,
} from "@concord/db";
import type { ProcedureAudit } from "../audit";

const NO_MATCH = "No patient matches that name and date of birth (and record number, if given). Check them with the patient or their documents.";

export interface OpenEmergencyAccessOptions {
  db: Database;
  actor: Actor;
  audit: ProcedureAudit;
  actorName: string | null;
  input: OpenEmergencyAccessInput;
  settings: ClinicSettings;
  now?: Date;
}

/**
 * "Break the glass": a clinician who is not on the patient's team opens the record, read-only, for
 * EMERGENCY_ACCESS_MINUTES. The access, its audit row (with the reason) and the notifications to the
 * care team, the administrators and the compliance officers are written in one transaction; a failed
 * match is audited as denied (without the names typed, which may not be this clinic's patient).
 */
export async function openEmergencyAccess({ db, actor, audit, actorName, input, settings, now = new Date() }: OpenEmergencyAccessOptions) {
  if (!isClinicianRole(actor.role)) throw invalid("Only clinicians can open a record in an emergency.");
  const patient = await findPatientForEmergency(db, {
    normalizedName: normalizePersonName(input.name),
    dateOfBirth: input.dateOfBirth,
    mrn: input.mrn ?? null,
  });
  if (!patient) {
    // Refused, and on the record as "denied" (without the names typed).
    throw new DomainError("NOT_FOUND", NO_MATCH, undefined, { deniedAudit: { reason: "no single patient matches", withMrn: Boolean(input.mrn) } });
  }
  const facts = await getPatientFacts(db, actor.userId, patient.id);
  if (facts?.careTeamDiscipline) {
    throw invalid("You are on this patient's care team: open their record from My patients.", { patientId: patient.id });
  }
  const existing = await activeEmergencyAccess(db, actor.userId, patient.id, now);
  if (existing) return { id: existing.id, patientId: patient.id, patientName: patient.name, expiresAt: existing.expiresAt, reopened: true };

  const expiresAt = emergencyAccessExpiry(now);
  const access = await db.transaction(async (tx) => {
    const access = await insertEmergencyAccess(tx, { patientId: patient.id, clinicianId: actor.userId, reason: input.reason, openedAt: now, expiresAt });
    // The patient's "who looked at my record" shows this row with its reason.
    await writeAudit(tx, {
      ...audit,
      patientId: patient.id,
      outcome: "allowed",
      detail: { permission: "emergencyAccess.open", accessId: access.id, reason: input.reason, expiresAt: expiresAt.toISOString(), minutes: EMERGENCY_ACCESS_MINUTES },
    });
    const who = `${actorName ?? "A clinician"} (${ROLE_LABELS[actor.role]})`;
    const when = formatDateTime(now, settings.timeZone);
    // The team reads the reason: it is about their patient. Administrators and compliance officers
    // learn who opened whose record and when; the reason waits in the review, not in a notification.
    await createNotifications(tx, {
      userIds: await careTeamUserIds(tx, patient.id),
      patientId: patient.id,
      kind: "emergency_access",
      title: `Emergency access: ${who} opened ${patient.name}'s record at ${when}. Reason: ${input.reason}`,
      link: `/patients/${patient.id}`,
      ref: { emergencyAccessId: access.id },
    });
    await createNotifications(tx, {
      userIds: await activeUserIdsWithRole(tx, "admin"),
      patientId: null,
      kind: "emergency_access",
      title: `Emergency access: ${who} opened ${patient.name}'s record at ${when}, read-only for ${EMERGENCY_ACCESS_MINUTES} minutes. A compliance officer will review it.`,
      link: "/notifications",
      ref: { emergencyAccessId: access.id },
    });
    await createNotifications(tx, {
      userIds: await activeUserIdsWithRole(tx, "compliance_officer"),
      patientId: null,
      kind: "emergency_access",
      title: `Emergency access to review: ${who} opened ${patient.name}'s record at ${when}.`,
      link: "/compliance/emergency-access",
      ref: { emergencyAccessId: access.id },
    });
    return access;
  });
  return { id: access.id, patientId: patient.id, patientName: patient.name, expiresAt: access.expiresAt, reopened: false };
}

/** One's own emergency accesses (open ones link to the record until they expire); each patient named gets an audit row. */
export async function listMyEmergencyAccesses(db: Database, actor: Actor, audit: ProcedureAudit) {
  const accesses = await listEmergencyAccessesOf(db, actor.userId);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "emergencyAccess.listMine" } }, accesses.map((a) => a.patientId));
  return accesses;
}

/** The clinician is done before the hour is up: their access ends now (audited against the patient). */
export async function endEmergencyAccess(db: Database, actor: Actor, audit: ProcedureAudit, input: { id: string }, now = new Date()) {
  const ended = await closeAccess(db, { id: input.id, clinicianId: actor.userId, now });
  if (!ended) throw notFound("This emergency access (it may have ended already)");
  await writeAudit(db, { ...audit, patientId: ended.patientId, outcome: "allowed", detail: { permission: "emergencyAccess.end", accessId: ended.id } });
  return { id: ended.id, endedAt: ended.expiresAt };
}

/** A compliance officer marks an ended emergency access reviewed, once, with a note (audited against the patient). */
export async function reviewEmergencyAccess(db: Database, actor: Actor, audit: ProcedureAudit, input: { id: string; note: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const access = await getEmergencyAccess(tx, input.id);
    if (!access) throw notFound("This emergency access");
    if (access.reviewedAt) throw conflict("This emergency access has already been reviewed; its review cannot be changed.", { reviewedAt: access.reviewedAt.toISOString() });
    // Reviewed once it has ended, so the review sees every read made under it.
    if (access.expiresAt > now) {
      throw conflict(`This emergency access is still open (until ${access.expiresAt.toISOString()}); review it once it has ended.`, { expiresAt: access.expiresAt.toISOString() });
    }
    const reviewed = await markReviewed(tx, { id: input.id, reviewerId: actor.userId, note: input.note, at: now });
    if (!reviewed) throw conflict("This emergency access was reviewed a moment ago by someone else.");
    await writeAudit(tx, { ...audit, patientId: access.patientId, outcome: "allowed", detail: { permission: "emergencyAccess.review", accessId: access.id } });
    return { id: reviewed.id, reviewedAt: reviewed.reviewedAt ?? now };
  });
}
