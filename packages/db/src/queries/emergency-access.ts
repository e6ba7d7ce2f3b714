import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { EmergencyAccessReviewStatus } from "@concord/domain";
import type { Database } from "../client";
import { queryRows } from "../client";
import { emergencyAccesses, patients, users } from "../schema/index";
import { cursorPart, decodeCursor, keysetPage } from "./cursor";

export type EmergencyAccessRow = typeof emergencyAccesses.$inferSelect;

/**
 * The one patient whose name (compared normalized: case and spacing ignored) and date of birth match,
 * and whose MRN matches when one is given; null when none or more than one does (an ambiguous match
 * must not open the wrong record).
 */
export async function findPatientForEmergency(
  db: Database,
  params: { normalizedName: string; dateOfBirth: string; mrn: string | null },
): Promise<{ id: string; name: string } | null> {
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from ${patients}
        where date_of_birth = ${params.dateOfBirth}::date
          and lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = ${params.normalizedName}
          ${params.mrn ? sql`and mrn = ${params.mrn}` : sql``}
        limit 2`,
  );
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

export async function insertEmergencyAccess(
  db: Database,
  values: { patientId: string; clinicianId: string; reason: string; openedAt: Date; expiresAt: Date },
): Promise<EmergencyAccessRow> {
  const [row] = await db.insert(emergencyAccesses).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The actor's unexpired emergency access to a patient, if any (the newest). */
export async function activeEmergencyAccess(db: Database, clinicianId: string, patientId: string, now: Date): Promise<EmergencyAccessRow | null> {
  const [row] = await db
    .select()
    .from(emergencyAccesses)
    .where(and(eq(emergencyAccesses.clinicianId, clinicianId), eq(emergencyAccesses.patientId, patientId), gt(emergencyAccesses.expiresAt, now)))
    .orderBy(desc(emergencyAccesses.expiresAt))
    .limit(1);
  return row ?? null;
}

export interface MyEmergencyAccess {
  id: string;
  patientId: string;
  patientName: string;
  reason: string;
  openedAt: Date;
  expiresAt: Date;
  reviewedAt: Date | null;
}

/** One clinician's own emergency accesses, newest first (the last 50: they are rare by nature). */
export async function listEmergencyAccessesOf(db: Database, clinicianId: string): Promise<MyEmergencyAccess[]> {
  return db
    .select({
      id: emergencyAccesses.id,
      patientId: emergencyAccesses.patientId,
      patientName: patients.name,
      reason: emergencyAccesses.reason,
      openedAt: emergencyAccesses.openedAt,
      expiresAt: emergencyAccesses.expiresAt,
      reviewedAt: emergencyAccesses.reviewedAt,
    })
    .from(emergencyAccesses)
    .innerJoin(patients, eq(patients.id, emergencyAccesses.patientId))
    .where(eq(emergencyAccesses.clinicianId, clinicianId))
    .orderBy(desc(emergencyAccesses.openedAt), desc(emergencyAccesses.id))
    .limit(50);
}

export interface EmergencyAccessForReview {
  id: string;
  patientId: string;
  patientName: string;
  clinicianId: string;
  clinicianName: string;
  clinicianRole: string;
  reason: string;
  openedAt: Date;
  expiresAt: Date;
  reviewedAt: Date | null;
  reviewerName: string | null;
  reviewNote: string | null;
  /** Audited reads made under this access (while it was open), for the reviewer to weigh. */
  readsDuring: number;
}

const waitingCursor = z.tuple([cursorPart.timestamp, cursorPart.uuid]);

/**
 * The compliance review list. "waiting": oldest first, so nothing waits forever; "reviewed": the most
 * recently reviewed first. Keyset pages on (opened_at, id) or (reviewed_at, id).
 */
export async function listEmergencyAccessesForReview(
  db: Database,
  params: { status: EmergencyAccessReviewStatus; cursor?: string | undefined; limit: number },
): Promise<{ items: EmergencyAccessForReview[]; nextCursor: string | null }> {
  const after = decodeCursor(params.cursor, waitingCursor);
  const waiting = params.status === "waiting";
  const sortAt = waiting ? sql`e.opened_at` : sql`e.reviewed_at`;
  const rows = await queryRows<{
    id: string;
    patient_id: string;
    patient_name: string;
    clinician_id: string;
    clinician_name: string;
    clinician_role: string;
    reason: string;
    opened_at: string;
    expires_at: string;
    reviewed_at: string | null;
    reviewer_name: string | null;
    review_note: string | null;
    reads_during: number;
    sort_at: string;
  }>(
    db,
    sql`select e.id, e.patient_id, p.name as patient_name, e.clinician_id, u.name as clinician_name, u.role as clinician_role,
               e.reason, e.opened_at::text as opened_at, e.expires_at::text as expires_at, e.reviewed_at::text as reviewed_at,
               r.name as reviewer_name, e.review_note, ${sortAt}::text as sort_at,
               (select count(*)::int from audit_events a
                 where a.actor_id = e.clinician_id and a.patient_id = e.patient_id and a.outcome = 'allowed'
                   and a.at >= e.opened_at and a.at <= e.expires_at and a.detail->>'via' = 'emergencyAccess') as reads_during
        from ${emergencyAccesses} e
        join ${patients} p on p.id = e.patient_id
        join ${users} u on u.id = e.clinician_id
        left join ${users} r on r.id = e.reviewed_by
        where ${waiting ? sql`e.reviewed_at is null` : sql`e.reviewed_at is not null`}
          ${
            after
              ? waiting
                ? sql`and (e.opened_at, e.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
                : sql`and (e.reviewed_at, e.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
              : sql``
          }
        order by ${waiting ? sql`e.opened_at asc, e.id asc` : sql`e.reviewed_at desc, e.id desc`}
        limit ${params.limit + 1}`,
  );
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [last.sort_at, last.id]);
  return {
    items: page.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      patientName: r.patient_name,
      clinicianId: r.clinician_id,
      clinicianName: r.clinician_name,
      clinicianRole: r.clinician_role,
      reason: r.reason,
      openedAt: new Date(r.opened_at),
      expiresAt: new Date(r.expires_at),
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null,
      reviewerName: r.reviewer_name,
      reviewNote: r.review_note,
      readsDuring: Number(r.reads_during),
    })),
    nextCursor,
  };
}

/** Ends the clinician's own open access now; null when there is none open with this id. */
export async function endEmergencyAccess(db: Database, params: { id: string; clinicianId: string; now: Date }): Promise<EmergencyAccessRow | null> {
  const [row] = await db
    .update(emergencyAccesses)
    .set({ expiresAt: params.now })
    .where(and(eq(emergencyAccesses.id, params.id), eq(emergencyAccesses.clinicianId, params.clinicianId), gt(emergencyAccesses.expiresAt, params.now)))
    .returning();
  return row ?? null;
}

/** Marks an access reviewed, once: null when it does not exist or was already reviewed. */
export async function reviewEmergencyAccess(
  db: Database,
  params: { id: string; reviewerId: string; note: string; at: Date },
): Promise<EmergencyAccessRow | null> {
  const [row] = await db
    .update(emergencyAccesses)
    .set({ reviewedAt: params.at, reviewedBy: params.reviewerId, reviewNote: params.note })
    .where(and(eq(emergencyAccesses.id, params.id), isNull(emergencyAccesses.reviewedAt)))
    .returning();
  return row ?? null;
}

export async function getEmergencyAccess(db: Database, id: string): Promise<EmergencyAccessRow | null> {
  const [row] = await db.select().from(emergencyAccesses).where(eq(emergencyAccesses.id, id)).limit(1);
  return row ?? null;
}
