import { z } from "zod";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { QuestionResolutionHow } from "@concord/domain";
import type { Database } from "../client";
import { carePlanComments, carePlanItems, careTeamMembers, patientQuestionResolutions, patients, users } from "../schema/index";
import { cursorPart, decodeCursor, keysetPage } from "./cursor";

/**
 * A patient's question is a top-level plan comment written by the patient's own account; it is
 * open until a row in patient_question_resolutions (append-only, one per question: the primary
 * key) says it was answered or handled.
 */

export interface PlanCommentForQuestion {
  id: string;
  planId: string;
  patientId: string;
  interventionId: string | null;
  body: string;
  createdAt: Date;
  authorId: string;
  authorName: string;
  replyToId: string | null;
  /** True when the patient's own account wrote it. */
  byPatient: boolean;
  resolution: { how: QuestionResolutionHow; answerId: string | null; resolvedBy: string; resolvedByName: string; resolvedAt: Date } | null;
}

const resolver = alias(users, "resolver");

/** One comment on this patient's plan, with how it was settled. The patient id is the scope. */
export async function getPlanCommentForQuestion(db: Database, params: { patientId: string; commentId: string }): Promise<PlanCommentForQuestion | null> {
  const [row] = await db
    .select({
      id: carePlanComments.id,
      planId: carePlanComments.planId,
      patientId: carePlanComments.patientId,
      interventionId: carePlanComments.interventionId,
      body: carePlanComments.body,
      createdAt: carePlanComments.createdAt,
      authorId: carePlanComments.authorId,
      authorName: users.name,
      replyToId: carePlanComments.replyToId,
      byPatient: sql<boolean>`coalesce(${patients.userId} = ${carePlanComments.authorId}, false)`,
      how: patientQuestionResolutions.how,
      answerId: patientQuestionResolutions.answerId,
      resolvedBy: patientQuestionResolutions.resolvedBy,
      resolvedAt: patientQuestionResolutions.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(carePlanComments)
    .innerJoin(users, eq(users.id, carePlanComments.authorId))
    .innerJoin(patients, eq(patients.id, carePlanComments.patientId))
    .leftJoin(patientQuestionResolutions, eq(patientQuestionResolutions.commentId, carePlanComments.id))
    .leftJoin(resolver, eq(resolver.id, patientQuestionResolutions.resolvedBy))
    .where(and(eq(carePlanComments.id, params.commentId), eq(carePlanComments.patientId, params.patientId)))
    .limit(1);
  if (!row) return null;
  const { how, answerId, resolvedBy, resolvedAt, resolvedByName, ...comment } = row;
  return {
    ...comment,
    byPatient: Boolean(comment.byPatient),
    resolution: how && resolvedBy && resolvedAt ? { how, answerId, resolvedBy, resolvedByName: resolvedByName ?? "a team member", resolvedAt } : null,
  };
}

/**
 * Settles a question once. A second resolution (including one racing this one: the primary key
 * makes it wait for the first to commit) inserts nothing and returns null, so the caller refuses it.
 */
export async function insertPatientQuestionResolution(
  db: Database,
  values: { commentId: string; patientId: string; how: QuestionResolutionHow; answerId: string | null; resolvedBy: string },
) {
  const [row] = await db.insert(patientQuestionResolutions).values(values).onConflictDoNothing({ target: patientQuestionResolutions.commentId }).returning();
  return row ?? null;
}

export interface OpenPatientQuestion {
  id: string;
  patientId: string;
  patientName: string;
  interventionId: string | null;
  /** The plan item the question names, as stored in the plan document (null for the plan as a whole, or an item no longer there). */
  item: { therapyId: string | null; custom: boolean; customName: string | null } | null;
  body: string;
  createdAt: Date;
}

/**
 * Open questions from patients on the clinician's own care teams, the longest-waiting first. The
 * care-team join is the scope; keyset on (created_at, id).
 */
export async function openPatientQuestions(db: Database, clinicianUserId: string, params: { cursor?: string | undefined; limit: number }) {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.timestamp, cursorPart.uuid]));
  const rows = await db
    .select({
      id: carePlanComments.id,
      patientId: carePlanComments.patientId,
      patientName: patients.name,
      interventionId: carePlanComments.interventionId,
      // The item from the query projection (kept with the document in every plan save).
      itemId: carePlanItems.itemId,
      itemTherapyId: carePlanItems.therapyId,
      itemName: carePlanItems.name,
      body: carePlanComments.body,
      createdAt: carePlanComments.createdAt,
      createdAtKey: sql<string>`${carePlanComments.createdAt}::text`,
    })
    .from(carePlanComments)
    .innerJoin(careTeamMembers, and(eq(careTeamMembers.patientId, carePlanComments.patientId), eq(careTeamMembers.clinicianId, clinicianUserId)))
    .innerJoin(patients, and(eq(patients.id, carePlanComments.patientId), eq(patients.userId, carePlanComments.authorId)))
    .leftJoin(patientQuestionResolutions, eq(patientQuestionResolutions.commentId, carePlanComments.id))
    .leftJoin(carePlanItems, and(eq(carePlanItems.patientId, carePlanComments.patientId), eq(carePlanItems.itemId, carePlanComments.interventionId)))
    .where(
      and(
        isNull(carePlanComments.replyToId),
        isNull(patientQuestionResolutions.commentId),
        after ? sql`(${carePlanComments.createdAt}, ${carePlanComments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(carePlanComments.createdAt), asc(carePlanComments.id))
    .limit(params.limit + 1);
  const { items: page, nextCursor } = keysetPage(rows, params.limit, (last) => [last.createdAtKey, last.id]);
  return {
    items: page.map(
      ({ createdAtKey: _key, itemId, itemTherapyId, itemName, ...q }): OpenPatientQuestion => ({
        ...q,
        item: itemId === null ? null : { therapyId: itemTherapyId, custom: itemTherapyId === null, customName: itemTherapyId === null ? itemName : null },
      }),
    ),
    nextCursor,
  };
}
