import { type Actor, interventionName } from "@concord/domain";
import { type Database, openPatientQuestions, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/**
 * "Patient questions" on the worklist: open questions from patients on the clinician's own care
 * teams, the longest-waiting first. The query's care-team join is the scope; every patient shown
 * gets an audit row (one insert), in the same transaction as the read.
 */
export async function listPatientQuestions(db: Database, actor: Actor, audit: ProcedureAudit, params: { cursor?: string | undefined; limit: number }) {
  const page = await openPatientQuestions(db, actor.userId, params);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "patientQuestion.worklist" } }, page.items.map((q) => q.patientId));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((q) => ({
      id: q.id,
      patientId: q.patientId,
      patientName: q.patientName,
      interventionId: q.interventionId,
      about: q.interventionId ? (q.item ? interventionName(q.item) : "an item no longer in the plan") : null,
      body: q.body,
      createdAt: q.createdAt.toISOString(),
    })),
  };
}
