import { invalid, notFound } from "@concord/domain";
import { type Database, findUserById, revokeOpenAccountTokens, writeAudit } from "@concord/db";
import type { ProcedureAudit } from "../audit";

/** Withdraws a person's open invitation: the link they hold stops working at once. */
export async function revokeInvitation(opts: { db: Database; audit: ProcedureAudit; input: { userId: string }; now?: Date }) {
  const { db, audit, input, now = new Date() } = opts;
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw notFound("This account");
    const revoked = await revokeOpenAccountTokens(tx, user.id, "invitation", now);
    if (revoked === 0) throw invalid(`${user.name} has no open invitation to withdraw.`);
    await writeAudit(tx, {
      ...audit,
      patientId: null,
      outcome: "allowed",
      detail: { userId: user.id, revoked },
    });
    return { userId: user.id, revoked };
  });
}
