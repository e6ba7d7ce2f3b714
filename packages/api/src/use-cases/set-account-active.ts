import { type Actor, invalid, notFound } from "@concord/domain";
import { type Database, revokeUserSessions, setUserActive, writeAudit } from "@concord/db";

/** Deactivation ends every live session of the account at once. */
export async function setAccountActive(db: Database, actor: Actor, input: { userId: string; active: boolean }) {
  if (input.userId === actor.userId && !input.active) {
    throw invalid("You cannot deactivate your own account.");
  }
  return db.transaction(async (tx) => {
    const user = await setUserActive(tx, input.userId, input.active);
    if (!user) throw notFound("This account");
    if (!input.active) await revokeUserSessions(tx, user.id, "account deactivated");
    await writeAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.active ? "admin.users.reactivate" : "admin.users.deactivate",
      patientId: null,
      outcome: "allowed",
      detail: { userId: user.id },
    });
    return { id: user.id, active: user.active };
  });
}
