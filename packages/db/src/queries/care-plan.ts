import { z } from "zod";
import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type CarePlan,
  CARE_PLAN_SCHEMA_VERSION,
  MalformedCarePlanError,
  type PlanDiffEntry,
  carePlanSchema,
  parseStoredCarePlan,
  storedSchemaVersion,
  toStoredCarePlan,
} from "@concord/domain";
import type { Database } from "../client";
import { carePlanComments, carePlanRevisions, carePlanViews, carePlans, careTeamMembers, patientQuestionResolutions, patients, users } from "../schema/index";
import { replaceCarePlanItems } from "./care-plan-items";
import { cursorPart, decodeCursor, keysetPage } from "./cursor";

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
  // The one reader: older schema versions are upgraded and the whole document is parsed with the
  // domain schema, or a MalformedCarePlanError names the patient and the paths (never half a plan).
  // The row's version and review date are the truth; the copies inside the document follow them.
  return { ...row, document: parseStoredCarePlan(row.document, row) };
}

/** The plan as written: parsed by the domain schema first, so an invalid plan is never stored. */
function validForStorage(document: CarePlan, patientId: string): CarePlan {
  const parsed = carePlanSchema.safeParse(document);
  if (!parsed.success) {
    throw new MalformedCarePlanError(
      patientId,
      parsed.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String).join(".") : "(document)", code: i.code })),
    );
  }
  return parsed.data;
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
  values: { patientId: string; reviewDueAt: string; createdBy: string | null; at?: Date | undefined },
): Promise<CarePlanRecord | null> {
  const [row] = await db
    .insert(carePlans)
    .values({
      patientId: values.patientId,
      version: 0,
      document: toStoredCarePlan(emptyCarePlan(values.patientId, values.reviewDueAt)),
      reviewDueAt: values.reviewDueAt,
      updatedBy: values.createdBy,
      ...(values.at ? { updatedAt: values.at } : {}),
    })
    .onConflictDoNothing({ target: carePlans.patientId })
    .returning();
  if (!row) return null;
  const record = toRecord(row);
  // An empty plan has no items; the call keeps "every plan write writes its projection" literally true.
  await replaceCarePlanItems(db, record.document, { planId: row.id, patientId: row.patientId, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy });
  return record;
}

/**
 * Moves the plan from `expectedVersion` to `expectedVersion + 1`. The version in the WHERE clause is
 * the concurrency guard: of several writers holding the same version, the row lock lets one through
 * and the others match no row. Returns false for those others.
 */
export async function saveCarePlanVersion(
  db: Database,
  params: { planId: string; expectedVersion: number; document: CarePlan; authorId: string; /** The database's clock when absent. */ at?: Date | undefined },
): Promise<boolean> {
  const nextVersion = params.expectedVersion + 1;
  const document = validForStorage({ ...params.document, version: nextVersion }, params.document.patientId);
  const [updated] = await db
    .update(carePlans)
    .set({
      version: sql`${carePlans.version} + 1`,
      document: toStoredCarePlan(document),
      reviewDueAt: document.reviewDueAt,
      updatedAt: params.at ?? sql`now()`,
      updatedBy: params.authorId,
    })
    .where(and(eq(carePlans.id, params.planId), eq(carePlans.version, params.expectedVersion)))
    .returning({ version: carePlans.version, patientId: carePlans.patientId, updatedAt: carePlans.updatedAt, updatedBy: carePlans.updatedBy });
  if (!updated) return false;
  // The query projection moves with the document, in the caller's transaction.
  await replaceCarePlanItems(db, { ...document, patientId: updated.patientId }, {
    planId: params.planId,
    patientId: updated.patientId,
    version: updated.version,
    updatedAt: updated.updatedAt,
    updatedBy: updated.updatedBy,
  });
  return true;
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
    /** The plan this version produced; by default the plan row's document when the row is at this version. */
    document?: CarePlan;
    /** When the change was made; the database's clock when absent. */
    createdAt?: Date | undefined;
  },
): Promise<void> {
  const { document, ...rest } = values;
  await db.insert(carePlanRevisions).values({
    ...rest,
    // Saved in the same transaction right after saveCarePlanVersion, so the row holds exactly this version.
    document: document
      ? toStoredCarePlan({ ...document, version: values.version })
      : sql`(select ${carePlans.document} from ${carePlans} where ${carePlans.id} = ${values.planId} and ${carePlans.version} = ${values.version})`,
  });
}

export interface CarePlanAtVersion {
  version: number;
  createdAt: Date;
  summary: string;
  authorName: string;
  authorRole: (typeof users.$inferSelect)["role"];
  /** null when this version was saved before each revision kept its plan (before migration 0013). */
  plan: CarePlan | null;
}

/** "The plan as of version N": one read of the revision that produced it, parsed by the one reader. */
export async function getCarePlanAtVersion(db: Database, patientId: string, version: number): Promise<CarePlanAtVersion | null> {
  const [row] = await db
    .select({
      version: carePlanRevisions.version,
      createdAt: carePlanRevisions.createdAt,
      summary: carePlanRevisions.summary,
      authorName: users.name,
      authorRole: users.role,
      document: carePlanRevisions.document,
    })
    .from(carePlanRevisions)
    .innerJoin(users, eq(users.id, carePlanRevisions.authorId))
    .where(and(eq(carePlanRevisions.patientId, patientId), eq(carePlanRevisions.version, version)))
    .limit(1);
  if (!row) return null;
  const { document, ...rest } = row;
  return { ...rest, plan: document === null ? null : parseStoredCarePlan(document, { patientId, version: row.version }) };
}

export interface RewriteReport {
  plans: number;
  rewritten: number;
  alreadyCurrent: number;
  malformed: Array<{ patientId: string; problems: MalformedCarePlanError["problems"] }>;
}

/**
 * Rewrites every stored plan older than CARE_PLAN_SCHEMA_VERSION in the newest shape (the same plan
 * every reader already sees; version, dates and history untouched) and refreshes its projection.
 * Idempotent: a second run rewrites nothing. `dryRun` only counts.
 */
export async function rewriteStoredCarePlans(db: Database, options: { dryRun?: boolean; batchSize?: number } = {}): Promise<RewriteReport> {
  const report: RewriteReport = { plans: 0, rewritten: 0, alreadyCurrent: 0, malformed: [] };
  const batchSize = options.batchSize ?? 200;
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({ id: carePlans.id })
      .from(carePlans)
      .where(after ? gt(carePlans.id, after) : undefined)
      .orderBy(asc(carePlans.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const { id } of batch) {
      report.plans += 1;
      await db.transaction(async (tx) => {
        // Locked and re-read, so a plan edited meanwhile is rewritten from its newest version.
        const [row] = await tx.select().from(carePlans).where(eq(carePlans.id, id)).for("update");
        if (!row) return;
        let plan: CarePlan;
        try {
          plan = parseStoredCarePlan(row.document, row);
        } catch (e) {
          if (!(e instanceof MalformedCarePlanError)) throw e;
          report.malformed.push({ patientId: e.patientId, problems: e.problems });
          return;
        }
        if (storedSchemaVersion(row.document) === CARE_PLAN_SCHEMA_VERSION) {
          report.alreadyCurrent += 1;
          return;
        }
        report.rewritten += 1;
        if (options.dryRun) return;
        await tx.update(carePlans).set({ document: toStoredCarePlan(plan) }).where(eq(carePlans.id, id));
        await replaceCarePlanItems(tx, plan, { planId: row.id, patientId: row.patientId, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy });
      });
    }
    after = batch[batch.length - 1]?.id ?? null;
    if (batch.length < batchSize) break;
  }
  return report;
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
  const { items, nextCursor } = keysetPage(rows, params.limit, (last) => [last.version]);
  return { items: items as CarePlanRevisionItem[], nextCursor };
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
  const { items, nextCursor } = keysetPage(rows, params.limit, (last) => [last.createdAtKey, last.id]);
  return { items: items.map(({ createdAtKey: _key, ...c }) => c), nextCursor };
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
  return keysetPage(rows, params.limit, (last) => [last.reviewDueAt, last.patientId]);
}

/** Names of the people who may appear as responsible clinicians or authors on a plan. */
export async function userNames(db: Database, userIds: string[]): Promise<Record<string, string>> {
  if (userIds.length === 0) return {};
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(userIds)]));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
