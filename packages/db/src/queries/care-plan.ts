import { z } from "zod";
import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type CarePlan, type PlanDiffEntry, upgradeCarePlanDocument } from "@concord/domain";
import type { Database } from "../client";
import { carePlanComments, carePlanRevisions, carePlanViews, carePlans, careTeamMembers, patientQuestionResolutions, patients, users } from "../schema/index";
import { cursorPart, decodeCursor, encodeCursor } from "./cursor";

export interface CarePlanRecord {
  id: string;
  patientId: string;
  version: number;
  document: CarePlan;
  reviewDueAt: string;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The plan a patient has before anyone has changed it: version 0, no goals, no interventions. */
export function emptyCarePlan(patientId: string, reviewDueAt: string): CarePlan {
  return { patientId, version: 0, reviewDueAt, goals: [], interventions: [] };
}

function toRecord(row: typeof carePlans.$inferSelect): CarePlanRecord {
  // The row's version column is the truth; the copy inside the document is kept in step on write.
  // Medication entries saved before agents are upgraded here, so every reader sees the current shape.
  const document = upgradeCarePlanDocument(row.document);
  return { ...row, document: { ...document, patientId: row.patientId, version: row.version, reviewDueAt: row.reviewDueAt } };
}

export async function getCarePlan(db: Database, patientId: string): Promise<CarePlanRecord | null> {
  const [row] = await db.select().from(carePlans).where(eq(carePlans.patientId, patientId)).limit(1);
  return row ? toRecord(row) : null;
}

/**
 * Creates the patient's empty plan at version 0. Returns null when another transaction created it
 * first (the unique index on patient_id makes this wait for that transaction, then do nothing).
 */
export async function createCarePlan(
  db: Database,
  values: { patientId: string; reviewDueAt: string; createdBy: string | null },
): Promise<CarePlanRecord | null> {
  const [row] = await db
    .insert(carePlans)
    .values({
      patientId: values.patientId,
      version: 0,
      document: emptyCarePlan(values.patientId, values.reviewDueAt),
      reviewDueAt: values.reviewDueAt,
      updatedBy: values.createdBy,
    })
    .onConflictDoNothing({ target: carePlans.patientId })
    .returning();
  return row ? toRecord(row) : null;
}

/**
 * Moves the plan from `expectedVersion` to `expectedVersion + 1`. The version in the WHERE clause is
 * the concurrency guard: of several writers holding the same version, the row lock lets one through
 * and the others match no row. Returns false for those others.
 */
export async function saveCarePlanVersion(
  db: Database,
  params: { planId: string; expectedVersion: number; document: CarePlan; authorId: string },
): Promise<boolean> {
  const nextVersion = params.expectedVersion + 1;
  const updated = await db
    .update(carePlans)
    .set({
      version: sql`${carePlans.version} + 1`,
      document: { ...params.document, version: nextVersion },
      reviewDueAt: params.document.reviewDueAt,
      updatedAt: sql`now()`,
      updatedBy: params.authorId,
    })
    .where(and(eq(carePlans.id, params.planId), eq(carePlans.version, params.expectedVersion)))
    .returning({ version: carePlans.version });
  return updated.length === 1;
}

export async function insertCarePlanRevision(
  db: Database,
  values: {
    planId: string;
    version: number;
    patientId: string;
    authorId: string;
    summary: string;
    diff: PlanDiffEntry[];
    command: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(carePlanRevisions).values(values);
}

export interface CarePlanRevisionItem {
  version: number;
  createdAt: Date;
  summary: string;
  diff: PlanDiffEntry[];
  authorId: string;
  authorName: string;
  authorRole: (typeof users.$inferSelect)["role"];
}

const revisionColumns = {
  version: carePlanRevisions.version,
  createdAt: carePlanRevisions.createdAt,
  summary: carePlanRevisions.summary,
  diff: carePlanRevisions.diff,
  authorId: carePlanRevisions.authorId,
  authorName: users.name,
  authorRole: users.role,
};

/** Newest first, keyset on version (unique within a plan). */
export async function listCarePlanRevisions(db: Database, planId: string, params: { cursor?: string | undefined; limit: number }) {
  const before = decodeCursor(params.cursor, z.tuple([cursorPart.int]));
  const conditions = [eq(carePlanRevisions.planId, planId)];
  if (before) conditions.push(lt(carePlanRevisions.version, Number(before[0])));
  const rows = await db
    .select(revisionColumns)
    .from(carePlanRevisions)
    .innerJoin(users, eq(users.id, carePlanRevisions.authorId))
    .where(and(...conditions))
    .orderBy(desc(carePlanRevisions.version))
    .limit(params.limit + 1);
  const page = rows.slice(0, params.limit) as CarePlanRevisionItem[];
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > params.limit && last ? encodeCursor([last.version]) : null };
}

/** Revisions after `version`, oldest first: what an editor or the patient has not seen yet. */
export async function listCarePlanRevisionsSince(db: Database, planId: string, version: number, limit = 20): Promise<CarePlanRevisionItem[]> {
  const rows = await db
    .select(revisionColumns)
    .from(carePlanRevisions)
    .innerJoin(users, eq(users.id, carePlanRevisions.authorId))
    .where(and(eq(carePlanRevisions.planId, planId), gt(carePlanRevisions.version, version)))
    .orderBy(asc(carePlanRevisions.version))
    .limit(limit);
  return rows as CarePlanRevisionItem[];
}

/** Versions present in the chain, ascending (tests and integrity checks). */
export async function listCarePlanRevisionVersions(db: Database, planId: string): Promise<number[]> {
  const rows = await db
    .select({ version: carePlanRevisions.version })
    .from(carePlanRevisions)
    .where(eq(carePlanRevisions.planId, planId))
    .orderBy(asc(carePlanRevisions.version));
  return rows.map((r) => r.version);
}

export async function insertCarePlanComment(
  db: Database,
  values: { planId: string; patientId: string; interventionId: string | null; authorId: string; body: string; replyToId?: string | null },
) {
  const [row] = await db.insert(carePlanComments).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

const resolver = alias(users, "resolver");
const answer = alias(carePlanComments, "answer");

/**
 * Newest first, keyset on (created_at, id). Each comment says whether the patient wrote it, what
 * it replies to, and, for a patient's question, how it was settled (with the answer's words, so
 * the answer shows even when the reply sits on another page).
 */
export async function listCarePlanComments(db: Database, planId: string, params: { cursor?: string | undefined; limit: number }) {
  const before = decodeCursor(params.cursor, z.tuple([cursorPart.timestamp, cursorPart.uuid]));
  const conditions = [eq(carePlanComments.planId, planId)];
  if (before) conditions.push(sql`(${carePlanComments.createdAt}, ${carePlanComments.id}) < (${before[0]}::timestamptz, ${before[1]}::uuid)`);
  const rows = await db
    .select({
      id: carePlanComments.id,
      interventionId: carePlanComments.interventionId,
      body: carePlanComments.body,
      createdAt: carePlanComments.createdAt,
      // The database's own text keeps microseconds, which a JS Date would drop from the cursor.
      createdAtKey: sql<string>`${carePlanComments.createdAt}::text`,
      authorId: carePlanComments.authorId,
      authorName: users.name,
      authorRole: users.role,
      replyToId: carePlanComments.replyToId,
      byPatient: sql<boolean>`coalesce(${patients.userId} = ${carePlanComments.authorId}, false)`,
      resolvedHow: patientQuestionResolutions.how,
      resolvedAt: patientQuestionResolutions.resolvedAt,
      resolvedByName: resolver.name,
      answerBody: answer.body,
    })
    .from(carePlanComments)
    .innerJoin(users, eq(users.id, carePlanComments.authorId))
    .innerJoin(patients, eq(patients.id, carePlanComments.patientId))
    .leftJoin(patientQuestionResolutions, eq(patientQuestionResolutions.commentId, carePlanComments.id))
    .leftJoin(resolver, eq(resolver.id, patientQuestionResolutions.resolvedBy))
    .leftJoin(answer, eq(answer.id, patientQuestionResolutions.answerId))
    .where(and(...conditions))
    .orderBy(desc(carePlanComments.createdAt), desc(carePlanComments.id))
    .limit(params.limit + 1);
  const page = rows.slice(0, params.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ createdAtKey: _key, ...c }) => c),
    nextCursor: rows.length > params.limit && last ? encodeCursor([last.createdAtKey, last.id]) : null,
  };
}

export async function getLastSeenVersion(db: Database, patientId: string, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: carePlanViews.lastSeenVersion })
    .from(carePlanViews)
    .where(and(eq(carePlanViews.patientId, patientId), eq(carePlanViews.userId, userId)))
    .limit(1);
  return row?.version ?? null;
}

/** Records the version looked at; never moves backwards (an old tab must not resurrect seen changes). */
export async function markCarePlanSeen(db: Database, values: { patientId: string; userId: string; version: number }): Promise<number> {
  const [row] = await db
    .insert(carePlanViews)
    .values({ ...values, lastSeenVersion: values.version })
    .onConflictDoUpdate({
      target: [carePlanViews.patientId, carePlanViews.userId],
      set: { lastSeenVersion: sql`greatest(${carePlanViews.lastSeenVersion}, excluded.last_seen_version)`, seenAt: sql`now()` },
    })
    .returning({ version: carePlanViews.lastSeenVersion });
  return row?.version ?? values.version;
}

export interface PastReviewItem {
  patientId: string;
  patientName: string;
  reviewDueAt: string;
  version: number;
}

/**
 * Plans whose review date has gone by, for patients on the clinician's care teams only: the
 * care-team join is the scope. Oldest review first, keyset on (review_due_at, patient_id).
 */
export async function listPlansPastReview(
  db: Database,
  clinicianId: string,
  params: { today: string; patientIds?: string[] | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.date, cursorPart.uuid]));
  const conditions = [eq(careTeamMembers.clinicianId, clinicianId), lt(carePlans.reviewDueAt, params.today)];
  if (params.patientIds) {
    if (params.patientIds.length === 0) return { items: [] as PastReviewItem[], nextCursor: null };
    conditions.push(inArray(carePlans.patientId, params.patientIds));
  }
  if (after) conditions.push(sql`(${carePlans.reviewDueAt}, ${carePlans.patientId}) > (${after[0]}::date, ${after[1]}::uuid)`);
  const rows = await db
    .select({ patientId: carePlans.patientId, patientName: patients.name, reviewDueAt: carePlans.reviewDueAt, version: carePlans.version })
    .from(carePlans)
    .innerJoin(careTeamMembers, eq(careTeamMembers.patientId, carePlans.patientId))
    .innerJoin(patients, eq(patients.id, carePlans.patientId))
    .where(and(...conditions))
    .orderBy(asc(carePlans.reviewDueAt), asc(carePlans.patientId))
    .limit(params.limit + 1);
  const page = rows.slice(0, params.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > params.limit && last ? encodeCursor([last.reviewDueAt, last.patientId]) : null };
}

/** Names of the people who may appear as responsible clinicians or authors on a plan. */
export async function userNames(db: Database, userIds: string[]): Promise<Record<string, string>> {
  if (userIds.length === 0) return {};
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(userIds)]));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
