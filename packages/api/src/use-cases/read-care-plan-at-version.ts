import { ROLE_LABELS, notFound } from "@concord/domain";
import { type Database, getCarePlan, getCarePlanAtVersion, userNames } from "@concord/db";

/** The plan as version N left it: one read of that revision, parsed by the one reader of stored plans. */
export async function readCarePlanAtVersion(db: Database, patientId: string, version: number) {
  const revision = await getCarePlanAtVersion(db, patientId, version);
  if (!revision) throw notFound("This version of the plan");
  const current = await getCarePlan(db, patientId);
  const responsible = revision.plan?.interventions.flatMap((i) => (i.responsibleClinicianId ? [i.responsibleClinicianId] : [])) ?? [];
  return {
    version: revision.version,
    currentVersion: current?.version ?? revision.version,
    createdAt: revision.createdAt.toISOString(),
    summary: revision.summary,
    authorName: revision.authorName,
    authorRole: ROLE_LABELS[revision.authorRole],
    plan: revision.plan,
    names: await userNames(db, responsible),
  };
}
