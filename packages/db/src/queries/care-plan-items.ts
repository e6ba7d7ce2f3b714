import { z } from "zod";
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { type CarePlan, type InterventionStatus, MalformedCarePlanError, interventionName, parseStoredCarePlan } from "@concord/domain";
import type { Database } from "../client";
import { carePlanItems, carePlans, careTeamMembers, patients } from "../schema/index";
import { cursorPart, decodeCursor, keysetPage } from "./cursor";

export type CarePlanItemRow = typeof carePlanItems.$inferInsert;

/** Items that still need someone: proposed, active or paused (completed and stopped are done). */
export const OPEN_ITEM_STATUSES: readonly InterventionStatus[] = ["proposed", "active", "paused"];

/** The projection rows of one plan: a pure function of the parsed plan and the row that stores it. */
export function carePlanItemRows(
  plan: CarePlan,
  meta: { planId: string; patientId: string; version: number; updatedAt: Date; updatedBy: string | null },
): CarePlanItemRow[] {
  return plan.interventions.map((i) => ({
    patientId: meta.patientId,
    planId: meta.planId,
    itemId: i.id,
    therapyId: i.therapyId,
    agentId: i.details.kind === "medication" ? i.details.agentId : null,
    category: i.category,
    status: i.status,
    ownerDiscipline: i.ownerDiscipline,
    responsibleClinicianId: i.responsibleClinicianId,
    name: interventionName(i),
    dose: i.details.kind === "medication" ? i.details.dose : null,
    doseUnit: i.details.kind === "medication" ? i.details.unit : null,
    nextReviewDate: i.nextReviewDate,
    goalIds: [...i.goalIds],
    planVersion: meta.version,
    updatedAt: meta.updatedAt,
    updatedBy: meta.updatedBy,
  }));
}

/**
 * Replaces one plan's projection rows. Called by every plan write in the db layer, inside the
 * caller's transaction, so the projection never disagrees with a committed document.
 */
export async function replaceCarePlanItems(
  db: Database,
  plan: CarePlan,
  meta: { planId: string; patientId: string; version: number; updatedAt: Date; updatedBy: string | null },
): Promise<number> {
  await db.delete(carePlanItems).where(eq(carePlanItems.planId, meta.planId));
  const rows = carePlanItemRows(plan, meta);
  if (rows.length > 0) await db.insert(carePlanItems).values(rows);
  return rows.length;
}

export interface RebuildReport {
  plans: number;
  items: number;
  /** Plans that could not be read: their projection rows are removed and they are listed here. */
  malformed: Array<{ patientId: string; problems: MalformedCarePlanError["problems"] }>;
}

/**
 * Rebuilds the whole projection from the documents, in batches of plans (each batch one
 * transaction). Idempotent: a second run writes the same rows.
 */
export async function rebuildCarePlanItems(db: Database, options: { batchSize?: number } = {}): Promise<RebuildReport> {
  const report: RebuildReport = { plans: 0, items: 0, malformed: [] };
  const batchSize = options.batchSize ?? 200;
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select()
      .from(carePlans)
      .where(after ? gt(carePlans.id, after) : undefined)
      .orderBy(asc(carePlans.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        report.plans += 1;
        try {
          const plan = parseStoredCarePlan(row.document, row);
          report.items += await replaceCarePlanItems(tx, plan, {
            planId: row.id,
            patientId: row.patientId,
            version: row.version,
            updatedAt: row.updatedAt,
            updatedBy: row.updatedBy,
          });
        } catch (e) {
          if (!(e instanceof MalformedCarePlanError)) throw e;
          await tx.delete(carePlanItems).where(eq(carePlanItems.planId, row.id));
          report.malformed.push({ patientId: e.patientId, problems: e.problems });
        }
      }
    });
    after = batch[batch.length - 1]?.id ?? null;
    if (batch.length < batchSize) break;
  }
  return report;
}

/** Every projection row, in key order (tests compare incremental and rebuilt projections). */
export async function listAllCarePlanItems(db: Database) {
  return db.select().from(carePlanItems).orderBy(asc(carePlanItems.patientId), asc(carePlanItems.itemId));
}

export interface MyTaskItem {
  patientId: string;
  patientName: string;
  itemId: string;
  name: string;
  category: string;
  status: string;
  nextReviewDate: string;
  planVersion: number;
}

/**
 * "My tasks": open items whose review falls on or before `until` (overdue ones included) where the
 * clinician is the responsible clinician AND on the patient's care team (someone taken off a team
 * no longer sees its items). Earliest review first — overdue first — keyset on (date, patient, item).
 */
export async function listMyTasks(
  db: Database,
  clinicianId: string,
  params: { until: string; cursor?: string | undefined; limit: number },
): Promise<{ items: MyTaskItem[]; nextCursor: string | null }> {
  const after = decodeCursor(params.cursor, z.tuple([cursorPart.date, cursorPart.uuid, cursorPart.text]));
  const conditions = [
    eq(carePlanItems.responsibleClinicianId, clinicianId),
    lte(carePlanItems.nextReviewDate, params.until),
    inArray(carePlanItems.status, [...OPEN_ITEM_STATUSES]),
  ];
  if (after) {
    conditions.push(
      sql`(${carePlanItems.nextReviewDate}, ${carePlanItems.patientId}, ${carePlanItems.itemId}) > (${after[0]}::date, ${after[1]}::uuid, ${after[2]}::text)`,
    );
  }
  const rows = await db
    .select({
      patientId: carePlanItems.patientId,
      patientName: patients.name,
      itemId: carePlanItems.itemId,
      name: carePlanItems.name,
      category: carePlanItems.category,
      status: carePlanItems.status,
      nextReviewDate: sql<string>`${carePlanItems.nextReviewDate}`,
      planVersion: carePlanItems.planVersion,
    })
    .from(carePlanItems)
    .innerJoin(careTeamMembers, and(eq(careTeamMembers.patientId, carePlanItems.patientId), eq(careTeamMembers.clinicianId, clinicianId)))
    .innerJoin(patients, eq(patients.id, carePlanItems.patientId))
    .where(and(...conditions))
    .orderBy(asc(carePlanItems.nextReviewDate), asc(carePlanItems.patientId), asc(carePlanItems.itemId))
    .limit(params.limit + 1);
  return keysetPage(rows, params.limit, (last) => [last.nextReviewDate, last.patientId, last.itemId]);
}

/** "Patients on a therapy" among the clinician's own patients (the care-team join is the scope). */
export async function listPatientsOnTherapy(
  db: Database,
  clinicianId: string,
  params: { therapyId: string; statuses?: readonly InterventionStatus[] | undefined },
) {
  const statuses = params.statuses ?? ["active"];
  return db
    .select({
      patientId: carePlanItems.patientId,
      patientName: patients.name,
      itemId: carePlanItems.itemId,
      name: carePlanItems.name,
      status: carePlanItems.status,
      dose: carePlanItems.dose,
      doseUnit: carePlanItems.doseUnit,
      nextReviewDate: carePlanItems.nextReviewDate,
    })
    .from(carePlanItems)
    .innerJoin(careTeamMembers, and(eq(careTeamMembers.patientId, carePlanItems.patientId), eq(careTeamMembers.clinicianId, clinicianId)))
    .innerJoin(patients, eq(patients.id, carePlanItems.patientId))
    .where(and(eq(carePlanItems.therapyId, params.therapyId), inArray(carePlanItems.status, [...statuses])))
    .orderBy(asc(patients.name), asc(carePlanItems.patientId), asc(carePlanItems.itemId));
}

/** Open items past their own review date (before `today`) among the clinician's patients, oldest first. */
export async function listItemsPastReview(db: Database, clinicianId: string, params: { today: string; limit: number }) {
  return db
    .select({
      patientId: carePlanItems.patientId,
      patientName: patients.name,
      itemId: carePlanItems.itemId,
      name: carePlanItems.name,
      responsibleClinicianId: carePlanItems.responsibleClinicianId,
      nextReviewDate: sql<string>`${carePlanItems.nextReviewDate}`,
    })
    .from(careTeamMembers)
    .innerJoin(carePlanItems, eq(carePlanItems.patientId, careTeamMembers.patientId))
    .innerJoin(patients, eq(patients.id, carePlanItems.patientId))
    .where(
      and(eq(careTeamMembers.clinicianId, clinicianId), sql`${carePlanItems.nextReviewDate} < ${params.today}::date`, inArray(carePlanItems.status, [...OPEN_ITEM_STATUSES])),
    )
    .orderBy(asc(carePlanItems.nextReviewDate), asc(carePlanItems.patientId), asc(carePlanItems.itemId))
    .limit(params.limit);
}
