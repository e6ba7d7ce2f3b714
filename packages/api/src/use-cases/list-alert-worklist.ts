import type { Actor } from "@concord/domain";
import { type Database, alertWorklist, patientPhonesForClinician, writeAuditForPatients } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/**
 * "Who needs attention and why": open alerts on the clinician's own care teams. The query's
 * care-team join is the scope; every patient shown gets an audit row (one insert), in the
 * procedure's transaction.
 */
export async function listAlertWorklist(db: Database, actor: Actor, audit: ProcedureAudit, params: { cursor?: string | undefined; limit: number }) {
  const page = await alertWorklist(db, actor.userId, params);
  const patientIds = page.items.map((a) => a.patientId);
  await writeAuditForPatients(db, { ...audit, detail: { permission: "alert.worklist" } }, patientIds);
  // The phone, so "contact the patient today" can be acted on from the card; the same care-team scope.
  const phones = await patientPhonesForClinician(db, actor.userId, patientIds);
  return { ...page, items: page.items.map((a) => ({ ...a, patientPhone: phones.get(a.patientId) ?? null })) };
}
