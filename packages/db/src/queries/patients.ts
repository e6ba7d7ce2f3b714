import { type SQL, and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import {
  type AdherenceStatus,
  type AlertSeverity,
  DEFAULT_PATIENT_LIST_SORT,
  type Discipline,
  INT4_MAX,
  PATIENT_LIST_SORTS,
  type PatientFacts,
  type PatientListSort,
} from "@concord/domain";
import type { Database } from "../client";
import { alerts, carePlanItems, careTeamMembers, checkIns, emergencyAccesses, patients, users } from "../schema/index";
import { OPEN_ITEM_STATUSES } from "./care-plan-items";
import { InvalidCursorError, cursorPart, decodeCursor, keysetPage } from "./cursor";

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

/** A computed sort key: signed so "descending" can be "ascending on the negation", one row comparison for every order. */
const sortInt = z.number().int().min(-INT4_MAX).max(INT4_MAX);
/** The sort it was made for, two computed keys, name, id: a cursor from another sort is refused, not misread. */
const patientListCursor = z.tuple([z.enum(PATIENT_LIST_SORTS), sortInt, sortInt, cursorPart.text, cursorPart.uuid]);

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
  /** The date of the latest check-in (the patient's own calendar day), and its average pain. */
  lastCheckInDate: string | null;
  lastPainAverage: number | null;
  /** Earliest review date of an open item (proposed, active, paused) on the plan. */
  nextReviewDate: string | null;
}

const openAlertCount = (severity: AlertSeverity) =>
  sql<number>`(select count(*)::int from ${alerts} where ${alerts.patientId} = ${patients.id} and ${alerts.acknowledgedAt} is null and ${alerts.severity} = ${severity})`;
const lastCheckInDate = sql<string | null>`(select c.date::text from ${checkIns} c where c.patient_id = ${patients.id} order by c.date desc limit 1)`;
const lastPainAverage = sql<number | null>`(select c.pain_average::int from ${checkIns} c where c.patient_id = ${patients.id} order by c.date desc limit 1)`;
const nextReviewDate = sql<string | null>`(select min(i.next_review_date)::text from ${carePlanItems} i where i.patient_id = ${patients.id} and i.status in (${sql.join(
  OPEN_ITEM_STATUSES.map((st) => sql`${st}`),
  sql`, `,
)}))`;

/**
 * The two computed sort keys of each order, over the caseload CTE's columns (nulls last in every order).
 * Days are counted from 2000-01-01 so a date fits a signed int and "most recent first" is its negation.
 */
function sortKeys(sort: PatientListSort, c: { urgent: SQL; review: SQL; lastDate: SQL; pain: SQL; review_on: SQL }): [SQL, SQL] {
  const days = (d: SQL) => sql`(${d}::date - date '2000-01-01')`;
  switch (sort) {
    case "urgent":
      return [sql`(case when ${c.urgent} > 0 then 0 else 1 end)`, sql`0`];
    case "name":
      return [sql`0`, sql`0`];
    case "alerts":
      return [sql`(-${c.urgent})`, sql`(-${c.review})`];
    case "lastCheckIn":
      return [sql`(case when ${c.lastDate} is null then 1 else 0 end)`, sql`coalesce(-${days(c.lastDate)}, 0)`];
    case "pain":
      return [sql`(case when ${c.pain} is null then 1 else 0 end)`, sql`coalesce(-${c.pain}, 0)`];
    case "nextReview":
      return [sql`(case when ${c.review_on} is null then 1 else 0 end)`, sql`coalesce(${days(c.review_on)}, 0)`];
  }
}

/**
 * The clinician's own patients with what the list shows: open alert counts, the latest check-in, the next
 * item review. The care-team join is the scope: a patient not on the clinician's team cannot appear,
 * whatever the search text. One query, whatever the page size (correlated aggregates in a CTE, not a
 * query per row). Keyset pagination on (sort, key 1, key 2, name, id): the sort key is part of the cursor,
 * so a page boundary inside a group of equal keys continues in it.
 */
export async function listPatientsForClinician(
  db: Database,
  clinicianId: string,
  params: { search?: string | undefined; cursor?: string | undefined; limit: number; sort?: PatientListSort | undefined },
) {
  const sort = params.sort ?? DEFAULT_PATIENT_LIST_SORT;
  const after = decodeCursor(params.cursor, patientListCursor);
  if (after && after[0] !== sort) throw new InvalidCursorError();
  const conditions = [eq(careTeamMembers.clinicianId, clinicianId)];
  if (params.search) conditions.push(ilike(patients.name, escapeLike(params.search)));
  const caseload = db.$with("caseload").as(
    db
      .select({
        id: sql<string>`${patients.id}`.as("id"),
        name: sql<string>`${patients.name}`.as("name"),
        dateOfBirth: sql<string>`${patients.dateOfBirth}::text`.as("date_of_birth"),
        diagnosisCode: sql<string>`${patients.diagnosisCode}`.as("diagnosis_code"),
        onsetDate: sql<string>`${patients.onsetDate}::text`.as("onset_date"),
        discipline: sql<string>`${careTeamMembers.discipline}`.as("discipline"),
        openUrgentAlerts: openAlertCount("urgent").as("open_urgent"),
        openReviewAlerts: openAlertCount("review").as("open_review"),
        lastCheckInDate: lastCheckInDate.as("last_check_in_date"),
        lastPainAverage: lastPainAverage.as("last_pain_average"),
        nextReviewDate: nextReviewDate.as("next_review_date"),
      })
      .from(careTeamMembers)
      .innerJoin(patients, eq(patients.id, careTeamMembers.patientId))
      .where(and(...conditions)),
  );
  const [k1, k2] = sortKeys(sort, {
    urgent: sql`${caseload.openUrgentAlerts}`,
    review: sql`${caseload.openReviewAlerts}`,
    lastDate: sql`${caseload.lastCheckInDate}`,
    pain: sql`${caseload.lastPainAverage}`,
    review_on: sql`${caseload.nextReviewDate}`,
  });
  const rows = await db
    .with(caseload)
    .select({
      id: caseload.id,
      name: caseload.name,
      dateOfBirth: caseload.dateOfBirth,
      diagnosisCode: caseload.diagnosisCode,
      onsetDate: caseload.onsetDate,
      discipline: caseload.discipline,
      openUrgentAlerts: caseload.openUrgentAlerts,
      openReviewAlerts: caseload.openReviewAlerts,
      lastCheckInDate: caseload.lastCheckInDate,
      lastPainAverage: caseload.lastPainAverage,
      nextReviewDate: caseload.nextReviewDate,
      k1: sql<number>`(${k1})::int`,
      k2: sql<number>`(${k2})::int`,
    })
    .from(caseload)
    .where(after ? sql`((${k1})::int, (${k2})::int, ${caseload.name}, ${caseload.id}) > (${after[1]}::int, ${after[2]}::int, ${after[3]}, ${after[4]}::uuid)` : undefined)
    .orderBy(sql`(${k1})::int`, sql`(${k2})::int`, asc(caseload.name), asc(caseload.id))
    .limit(params.limit + 1);
  const { items: pageRows, nextCursor } = keysetPage(rows, params.limit, (last) => [sort, Number(last.k1), Number(last.k2), last.name, last.id]);
  const page: PatientListItem[] = pageRows.map(({ k1: _k1, k2: _k2, ...row }) => ({
    ...row,
    discipline: row.discipline as Discipline,
    openUrgentAlerts: Number(row.openUrgentAlerts),
    openReviewAlerts: Number(row.openReviewAlerts),
    lastPainAverage: row.lastPainAverage === null ? null : Number(row.lastPainAverage),
  }));
  return { items: page, nextCursor };
}

export interface PatientPainPoint {
  date: string;
  painAverage: number;
  adherence: Array<{ status: AdherenceStatus }>;
}

/**
 * Check-ins from `since` on for a page of the list, in one query (never one per row): the sparkline's
 * average pain and the adherence entries. Scoped by the care-team join like the list itself.
 */
export async function listRecentCheckInsForClinician(
  db: Database,
  clinicianId: string,
  params: { patientIds: string[]; since: string },
): Promise<Map<string, PatientPainPoint[]>> {
  const result = new Map<string, PatientPainPoint[]>();
  if (params.patientIds.length === 0) return result;
  const rows = await db
    .select({
      patientId: checkIns.patientId,
      date: sql<string>`${checkIns.date}::text`,
      painAverage: checkIns.painAverage,
      adherence: sql<Array<{ status: AdherenceStatus }> | null>`${checkIns.data}->'adherence'`,
    })
    .from(checkIns)
    .innerJoin(careTeamMembers, and(eq(careTeamMembers.patientId, checkIns.patientId), eq(careTeamMembers.clinicianId, clinicianId)))
    .where(and(inArray(checkIns.patientId, [...new Set(params.patientIds)]), sql`${checkIns.date} >= ${params.since}::date`))
    .orderBy(asc(checkIns.patientId), asc(checkIns.date));
  for (const r of rows) {
    const list = result.get(r.patientId) ?? [];
    list.push({ date: r.date, painAverage: Number(r.painAverage), adherence: Array.isArray(r.adherence) ? r.adherence.map((a) => ({ status: a.status })) : [] });
    result.set(r.patientId, list);
  }
  return result;
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
