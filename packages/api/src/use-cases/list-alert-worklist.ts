import type { Actor } from "@concord/domain";
import { type Database, alertWorklist, patientPhonesForClinician, writeAuditForPatients } from "@concord/db";

/**
 * "Who needs attention and why": open alerts on the clinician's own care teams. The query's
 * care-team join is the scope; every patient shown gets an audit row (one insert).
 */
export async function listAlertWorklist(db: Database, actor: Actor, params: { cursor?: string | undefined; limit: number }) {
  return db.transaction(async (tx) => {
    const page = await alertWorklist(tx, actor.userId, params);
    await writeAuditForPatients(
      tx,
      { actorId: actor.userId, actorRole: actor.role, action: "alerts.worklist", detail: { permission: "alert.worklist" } },
      page.items.map((a) => a.patientId),
    );
    // The phone, so "contact the patient today" can be acted on from the card; the same care-team scope.
    const phones = await patientPhonesForClinician(tx, actor.userId, page.items.map((a) => a.patientId));
    return { ...page, items: page.items.map((a) => ({ ...a, patientPhone: phones.get(a.patientId) ?? null })) };
  });
}
