import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { SideEffectReviewStatus } from "@concord/domain";
import { type Database, queryRows } from "../client";
import { alerts, careTeamMembers, clinicianPatientViews, patients, reportedSideEffects, sideEffectReviews, users } from "../schema/index";

/* ---------------------------------------------------------------- patient-reported side effects */

export interface NewReportedSideEffect {
  patientId: string;
  interventionId: string;
  checkInId: string;
  reportedOn: string;
  text: string;
  /** When the check-in reporting it was saved; the database's clock when absent. */
  reportedAt?: Date | undefined;
}

/** Adds what a check-in reported; the same words on the same check-in and item are stored once. */
export async function insertReportedSideEffects(db: Database, rows: NewReportedSideEffect[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(reportedSideEffects)
    .values(rows)
    .onConflictDoNothing({ target: [reportedSideEffects.checkInId, reportedSideEffects.interventionId, reportedSideEffects.text] })
    .returning({ id: reportedSideEffects.id });
  return inserted.length;
}

export interface ReportedSideEffectRow {
  id: string;
  interventionId: string;
  reportedOn: string;
  text: string;
  reportedAt: Date;
  review: { status: SideEffectReviewStatus; note: string | null; reviewedByName: string; reviewedAt: Date } | null;
}

/**
 * A patient's reported side effects, newest first, each with its latest review. Bounded by `limit`
 * per call (a trial record shows the recent ones); one query with a lateral join, no N+1.
 */
export async function listReportedSideEffects(
  db: Database,
  patientId: string,
  params: { interventionIds?: string[]; limit: number },
): Promise<ReportedSideEffectRow[]> {
  if (params.interventionIds && params.interventionIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    intervention_id: string;
    reported_on: string;
    text: string;
    reported_at: string;
    status: SideEffectReviewStatus | null;
    note: string | null;
    reviewed_by_name: string | null;
    reviewed_at: string | null;
  }>(
    db,
    sql`select r.id, r.intervention_id, r.reported_on::text as reported_on, r.text, r.reported_at,
               v.status, v.note, v.reviewed_by_name, v.reviewed_at
        from ${reportedSideEffects} r
        left join lateral (
          select s.status, s.note, s.reviewed_at, u.name as reviewed_by_name
          from ${sideEffectReviews} s join ${users} u on u.id = s.reviewed_by
          where s.report_id = r.id and s.patient_id = r.patient_id
          order by s.reviewed_at desc, s.id desc limit 1
        ) v on true
        where r.patient_id = ${patientId}
          ${params.interventionIds ? sql`and r.intervention_id in (${sql.join(params.interventionIds.map((i) => sql`${i}`), sql`, `)})` : sql``}
        order by r.reported_on desc, r.reported_at desc, r.id desc
        limit ${params.limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    interventionId: r.intervention_id,
    reportedOn: r.reported_on,
    text: r.text,
    reportedAt: new Date(r.reported_at),
    review:
      r.status && r.reviewed_by_name && r.reviewed_at
        ? { status: r.status, note: r.note, reviewedByName: r.reviewed_by_name, reviewedAt: new Date(r.reviewed_at) }
        : null,
  }));
}

/** Side effects reported on one check-in (for the clinician's view of that check-in). */
export async function reportedSideEffectsOfCheckIns(db: Database, patientId: string, checkInIds: string[]) {
  if (checkInIds.length === 0) return [];
  return db
    .select({ checkInId: reportedSideEffects.checkInId, interventionId: reportedSideEffects.interventionId, text: reportedSideEffects.text })
    .from(reportedSideEffects)
    .where(and(eq(reportedSideEffects.patientId, patientId), inArray(reportedSideEffects.checkInId, checkInIds)))
    .orderBy(asc(reportedSideEffects.reportedAt));
}

export async function getReportedSideEffect(db: Database, patientId: string, reportId: string) {
  const [row] = await db
    .select()
    .from(reportedSideEffects)
    .where(and(eq(reportedSideEffects.id, reportId), eq(reportedSideEffects.patientId, patientId)))
    .limit(1);
  return row ?? null;
}

export async function insertSideEffectReview(
  db: Database,
  v: { reportId: string; patientId: string; status: SideEffectReviewStatus; note: string | null; reviewedBy: string },
) {
  const [row] = await db.insert(sideEffectReviews).values(v).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/* ---------------------------------------------------------------- what a clinician has seen */

export async function getCheckInsSeenAt(db: Database, userId: string, patientId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: clinicianPatientViews.checkInsSeenAt })
    .from(clinicianPatientViews)
    .where(and(eq(clinicianPatientViews.userId, userId), eq(clinicianPatientViews.patientId, patientId)))
    .limit(1);
  return row?.at ?? null;
}

/** Moves "seen up to" forward (never back: two tabs cannot un-see a check-in). */
export async function markCheckInsSeen(db: Database, userId: string, patientId: string, at: Date): Promise<void> {
  await db
    .insert(clinicianPatientViews)
    .values({ userId, patientId, checkInsSeenAt: at })
    .onConflictDoUpdate({
      target: [clinicianPatientViews.userId, clinicianPatientViews.patientId],
      set: { checkInsSeenAt: sql`greatest(${clinicianPatientViews.checkInsSeenAt}, excluded.check_ins_seen_at)` },
    });
}

/* ---------------------------------------------------------------- urgent alerts nobody can receive */

/** Active administrators: who is told when an urgent alert has no clinician to reach. */
export async function activeAdminIds(db: Database): Promise<string[]> {
  return activeUserIdsWithRole(db, "admin");
}

/** The active accounts of one role (who to tell when something needs an administrator or a compliance officer). */
export async function activeUserIdsWithRole(db: Database, role: "admin" | "compliance_officer"): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.role, role), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/**
 * Patients with an open urgent alert and no active clinician on their care team: the admin's
 * "urgent alert with nobody to notify" list. It carries no clinical content (no rule, no wording),
 * only who needs a care team and since when.
 */
export async function patientsWithUnroutedUrgentAlerts(db: Database, params: { limit: number }) {
  return db
    .select({
      patientId: patients.id,
      patientName: patients.name,
      openUrgentAlerts: sql<number>`count(*)::int`,
      since: sql<Date>`min(${alerts.createdAt})`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(alerts)
    .innerJoin(patients, eq(patients.id, alerts.patientId))
    .where(
      and(
        eq(alerts.severity, "urgent"),
        sql`${alerts.acknowledgedAt} is null`,
        sql`not exists (select 1 from ${careTeamMembers} m join ${users} u on u.id = m.clinician_id
                        where m.patient_id = ${alerts.patientId} and u.active)`,
      ),
    )
    .groupBy(patients.id, patients.name)
    .orderBy(sql`min(${alerts.createdAt})`, desc(patients.id))
    .limit(params.limit);
}
