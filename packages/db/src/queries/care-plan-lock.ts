import { and, asc, eq, gt, lte } from "drizzle-orm";
import type { PlanDiffEntry } from "@concord/domain";
import type { Database } from "../client";
import { carePlanRevisions, carePlans } from "../schema/index";

/**
 * Takes the patient's plan row for the rest of the transaction, so plan writers queue here one
 * after the other instead of racing to the version-guarded UPDATE (where every loser would have to
 * retry). FOR NO KEY UPDATE is the lock that UPDATE itself takes: it excludes other plan writers,
 * but not the inserts whose foreign key points at the plan (revisions, comments), which only need
 * KEY SHARE. Call it before reading the plan; in READ COMMITTED the read that follows sees the last
 * committed version. Returns null when the patient has no plan yet. PGlite has one connection, so
 * there the transactions are serial already and the lock is uncontended.
 */
export async function lockCarePlan(db: Database, patientId: string): Promise<{ id: string; version: number } | null> {
  const [row] = await db
    .select({ id: carePlans.id, version: carePlans.version })
    .from(carePlans)
    .where(eq(carePlans.patientId, patientId))
    .for("no key update");
  return row ?? null;
}

export interface CarePlanRevisionDiff {
  version: number;
  diff: PlanDiffEntry[];
}

/**
 * The diffs of the revisions after `sinceVersion` up to and including `upToVersion`, oldest first:
 * what a stale edit must not overlap before it may be applied to the current plan.
 */
export async function listCarePlanRevisionDiffs(
  db: Database,
  planId: string,
  range: { sinceVersion: number; upToVersion: number },
): Promise<CarePlanRevisionDiff[]> {
  const rows = await db
    .select({ version: carePlanRevisions.version, diff: carePlanRevisions.diff })
    .from(carePlanRevisions)
    .where(and(eq(carePlanRevisions.planId, planId), gt(carePlanRevisions.version, range.sinceVersion), lte(carePlanRevisions.version, range.upToVersion)))
    .orderBy(asc(carePlanRevisions.version));
  return rows as CarePlanRevisionDiff[];
}
