import { and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { AlertSeverity, Discipline, PatientFacts } from "@concord/domain";
import type { Database } from "../client";
import { alerts, careTeamMembers, emergencyAccesses, patients, users } from "../schema/index";
import { cursorPart, decodeCursor, keysetPage } from "./cursor";

export type PatientRow = typeof patients.$inferSelect;

/**
 * The actor's relation to one patient, or null when the patient does not exist. One query: the
 * access decision needs it on every patient-scoped call.
 */
export async function getPatientFacts(db: Database, actorUserId: string, patientId: string): Promise<PatientFacts | null> {
  const [row] = await db
    .select({
      userId: patients.userId,
      discipline: careTeamMembers.discipline,
      // An unexpired emergency access of this actor to this patient (its index leads with the actor).
      emergency: sql<boolean>`exists (select 1 from ${emergencyAccesses} e where e.clinician_id = ${actorUserId} and e.patient_id = ${patients.id} and e.expires_at > now())`,
    })
    .from(patients)
    .leftJoin(careTeamMembers, and(eq(careTeamMembers.patientId, patients.id), eq(careTeamMembers.clinicianId, actorUserId)))
    .where(eq(patients.id, patientId))
    .limit(1);
  if (!row) return null;
  return {
    careTeamDiscipline: (row.discipline as Discipline | null) ?? null,
    isPatientSelf: row.userId === actorUserId,
    emergencyAccess: row.emergency === true || (row.emergency as unknown) === "t",
  };
}

export async function findPatientByUserId(db: Database, userId: string): Promise<PatientRow | null> {
  const [row] = await db.select().from(patients).where(eq(patients.userId, userId)).limit(1);
  return row ?? null;
}

export async function getPatient(db: Database, patientId: string): Promise<PatientRow | null> {
  const [row] = await db.select().from(patients).where(eq(patients.id, patientId)).limit(1);
  return row ?? null;
}

export async function insertPatient(
  db: Database,
  values: {
    userId: string | null;
    name: string;
    dateOfBirth: string;
    diagnosisCode: string;
    onsetDate: string;
    phone?: string | null | undefined;
    email?: string | null | undefined;
    mrn?: string | null | undefined;
    timeZone?: string | null | undefined;
  },
): Promise<PatientRow> {
  const [row] = await db.insert(patients).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Whether a medical record number is already on a patient (MRNs are unique when given). */
export async function isPatientMrnTaken(db: Database, mrn: string): Promise<boolean> {
  const [row] = await db.select({ id: patients.id }).from(patients).where(eq(patients.mrn, mrn)).limit(1);
  return Boolean(row);
}

function escapeLike(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const nameCursor = z.tuple([cursorPart.text, cursorPart.uuid]);
/** Urgent rank (0: an open urgent alert, 1: none), name, id. */
const rankedNameCursor = z.tuple([cursorPart.rank, cursorPart.text, cursorPart.uuid]);

export interface PatientListItem {
  id: string;
  name: string;
  dateOfBirth: string;
  diagnosisCode: string;
  onsetDate: string;
  discipline: Discipline;
  /** Open (unacknowledged) alerts of this patient, by severity. */
  openUrgentAlerts: number;
  openReviewAlerts: number;
}

const openAlertCount = (severity: AlertSeverity) =>
  sql<number>`(select count(*)::int from ${alerts} where ${alerts.patientId} = ${patients.id} and ${alerts.acknowledgedAt} is null and ${alerts.severity} = ${severity})`;
/** 0 when the patient has an open urgent alert: they sort first. */
const urgentRank = sql<number>`(case when exists (select 1 from ${alerts} where ${alerts.patientId} = ${patients.id} and ${alerts.acknowledgedAt} is null and ${alerts.severity} = 'urgent') then 0 else 1 end)`;

/**
 * The clinician's own patients: those with an open urgent alert first, then by name. The
 * care-team join is the scope: a patient not on the clinician's team cannot appear, whatever the
 * search text, and the alert counts are of listed patients only. Keyset pagination on
 * (urgent rank, name, id); the rank is part of the cursor so a page boundary inside the urgent
 * group continues in it.
 */
export async function listPatientsForClinician(
  db: Database,
  clinicianId: string,
  params: { search?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(params.cursor, rankedNameCursor);
  const conditions = [eq(careTeamMembers.clinicianId, clinicianId)];
  if (params.search) conditions.push(ilike(patients.name, escapeLike(params.search)));
  if (after) conditions.push(sql`(${urgentRank}, ${patients.name}, ${patients.id}) > (${after[0]}::int, ${after[1]}, ${after[2]}::uuid)`);
  const rows = await db
    .select({
      id: patients.id,
      name: patients.name,
      dateOfBirth: patients.dateOfBirth,
      diagnosisCode: patients.diagnosisCode,
      onsetDate: patients.onsetDate,
      discipline: careTeamMembers.discipline,
      openUrgentAlerts: openAlertCount("urgent"),
      openReviewAlerts: openAlertCount("review"),
      rank: urgentRank,
    })
    .from(careTeamMembers)
    .innerJoin(patients, eq(patients.id, careTeamMembers.patientId))
    .where(and(...conditions))
    .orderBy(asc(urgentRank), asc(patients.name), asc(patients.id))
    .limit(params.limit + 1);
  const { items: pageRows, nextCursor } = keysetPage(rows, params.limit, (last) => [Number(last.rank) === 0 ? 0 : 1, last.name, last.id]);
  const page: PatientListItem[] = pageRows.map(({ rank: _rank, ...row }) => ({
    ...row,
    discipline: row.discipline as Discipline,
    openUrgentAlerts: Number(row.openUrgentAlerts),
    openReviewAlerts: Number(row.openReviewAlerts),
  }));
  return { items: page, nextCursor };
}

/**
 * Contact phones of patients on the clinician's own care teams (for the worklist's alert cards):
 * the care-team join is the scope, so an id of someone else's patient yields nothing.
 */
export async function patientPhonesForClinician(db: Database, clinicianId: string, patientIds: string[]): Promise<Map<string, string | null>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({ id: patients.id, phone: patients.phone })
    .from(careTeamMembers)
    .innerJoin(patients, eq(patients.id, careTeamMembers.patientId))
    .where(and(eq(careTeamMembers.clinicianId, clinicianId), inArray(patients.id, [...new Set(patientIds)])));
  return new Map(rows.map((r) => [r.id, r.phone]));
}

export interface CareTeamMember {
  clinicianId: string;
  name: string;
  email: string;
  discipline: Discipline;
  active: boolean;
}

export async function getCareTeam(db: Database, patientId: string): Promise<CareTeamMember[]> {
  return (await getCareTeams(db, [patientId])).get(patientId) ?? [];
}

/** Care teams of many patients in one query (no N+1 on directory pages). */
export async function getCareTeams(db: Database, patientIds: string[]): Promise<Map<string, CareTeamMember[]>> {
  const result = new Map<string, CareTeamMember[]>();
  if (patientIds.length === 0) return result;
  const rows = await db
    .select({
      patientId: careTeamMembers.patientId,
      clinicianId: careTeamMembers.clinicianId,
      name: users.name,
      email: users.email,
      discipline: careTeamMembers.discipline,
      active: users.active,
    })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.clinicianId))
    .where(inArray(careTeamMembers.patientId, patientIds))
    .orderBy(asc(careTeamMembers.discipline), asc(users.name));
  for (const { patientId, ...member } of rows) {
    const list = result.get(patientId) ?? [];
    list.push(member as CareTeamMember);
    result.set(patientId, list);
  }
  return result;
}

/** Admin directory: names and team membership only, no clinical fields. */
export async function listPatientDirectory(
  db: Database,
  params: { search?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(params.cursor, nameCursor);
  const conditions = [];
  if (params.search) conditions.push(ilike(patients.name, escapeLike(params.search)));
  if (after) conditions.push(sql`(${patients.name}, ${patients.id}) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await db
    .select({ id: patients.id, name: patients.name })
    .from(patients)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(patients.name), asc(patients.id))
    .limit(params.limit + 1);
  return keysetPage(rows, params.limit, (last) => [last.name, last.id]);
}

export async function addCareTeamMember(
  db: Database,
  values: { patientId: string; clinicianId: string; discipline: Discipline; addedBy: string | null },
): Promise<boolean> {
  const inserted = await db.insert(careTeamMembers).values(values).onConflictDoNothing().returning({ id: careTeamMembers.clinicianId });
  return inserted.length > 0;
}

export async function removeCareTeamMember(db: Database, patientId: string, clinicianId: string): Promise<boolean> {
  const removed = await db
    .delete(careTeamMembers)
    .where(and(eq(careTeamMembers.patientId, patientId), eq(careTeamMembers.clinicianId, clinicianId)))
    .returning({ id: careTeamMembers.clinicianId });
  return removed.length > 0;
}

/** Patient ids on a clinician's teams (used to authorize real-time events in bulk). */
export async function patientIdsForClinician(db: Database, clinicianId: string): Promise<string[]> {
  const rows = await db
    .select({ patientId: careTeamMembers.patientId })
    .from(careTeamMembers)
    .where(eq(careTeamMembers.clinicianId, clinicianId));
  return rows.map((r) => r.patientId);
}
