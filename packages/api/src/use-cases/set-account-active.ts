import { type Actor, invalid, notFound } from "@concord/domain";
import { type Database, countOtherActiveAdmins, findUserById, revokeOpenAccountTokens, revokeUserSessions, setUserActive, writeAudit } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/** Deactivation ends every live session of the account at once. */
export async function setAccountActive(db: Database, actor: Actor, audit: ProcedureAudit, input: { userId: string; active: boolean }) {
  if (input.userId === actor.userId && !input.active) {
    throw invalid("You cannot deactivate your own account.");
  }
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, input.userId);
    if (!before) throw notFound("This account");
    if (!input.active && before.role === "admin" && before.active && (await countOtherActiveAdmins(tx, before.id)) === 0) {
      throw invalid(`${before.name} is the last active administrator. Invite or reactivate another administrator first, or nobody could manage accounts.`);
    }
    const user = await setUserActive(tx, input.userId, input.active);
    if (!user) throw notFound("This account");
    if (!input.active) {
      await revokeUserSessions(tx, user.id, "account deactivated");
      // A deactivated person's invitation link must not bring the account back to life.
      await revokeOpenAccountTokens(tx, user.id, "invitation");
    }
    await writeAudit(tx, { ...audit, patientId: null, outcome: "allowed", detail: { userId: user.id, active: user.active } });
    return { id: user.id, active: user.active };
  });
}
