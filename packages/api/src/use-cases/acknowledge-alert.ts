import { type Actor, conflict, notFound } from "@concord/domain";
import { type Database, acknowledgeAlert as acknowledge, getAlert, writeAudit } from "@concord/db";

/**
 * Marks an open alert as handled, with a note. Audited as its own event (beside the procedure's
 * own audit row) so "who acknowledged which alert, when" is answerable from the audit trail alone.
 */
export async function acknowledgeAlert(db: Database, actor: Actor, input: { patientId: string; alertId: string; note: string }) {
  const row = await acknowledge(db, { patientId: input.patientId, alertId: input.alertId, userId: actor.userId, note: input.note });
  if (!row) {
    const existing = await getAlert(db, input.patientId, input.alertId);
    if (!existing) throw notFound("This alert");
    throw conflict("This alert has already been acknowledged.", { acknowledgedAt: existing.acknowledgedAt?.toISOString() ?? null });
  }
  await writeAudit(db, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "alert.acknowledged",
    patientId: input.patientId,
    outcome: "allowed",
    detail: { alertId: row.id, ruleId: row.ruleId, severity: row.severity },
  });
  return { id: row.id, acknowledgedAt: row.acknowledgedAt, acknowledgementNote: row.acknowledgementNote };
}
