import { type ResetSecondFactorInput, invalid, notFound } from "@concord/domain";
import { type Database, findUserById, removeSecondFactor, writeAudit } from "@concord/db";
import { secondFactorResetEmail } from "../accounts/second-factor-reset-email";
import type { ProcedureAudit } from "../audit";
import type { Services } from "../services";

/**
 * An administrator resets a person's second factor (a lost phone): the secret and recovery codes
 * are removed in one audited transaction, then the person is told by email. A failed email does not
 * undo the reset (the person can still sign in and enrol again); it is audited and reported.
 */
export async function resetSecondFactor(opts: { db: Database; audit: ProcedureAudit; input: ResetSecondFactorInput; services: Services }) {
  const { db, audit, input, services } = opts;
  const user = await db.transaction(async (tx) => {
    const found = await findUserById(tx, input.userId);
    if (!found) throw notFound("This account");
    if (!(await removeSecondFactor(tx, found.id))) throw invalid(`${found.name} has no two-factor sign-in to reset.`);
    await writeAudit(tx, { ...audit, patientId: null, outcome: "allowed", detail: { userId: found.id } });
    return found;
  });
  let emailed = true;
  try {
    await services.mailer.send(secondFactorResetEmail({ to: user.email, name: user.name, signInUrl: `${services.publicUrl}/signin` }));
  } catch (error) {
    emailed = false;
    // The reset stands; that the person was not told is on the record (the call itself succeeded).
    await writeAudit(db, {
      ...audit,
      patientId: null,
      outcome: "error",
      detail: { userId: user.id, step: "email", error: error instanceof Error ? error.message.slice(0, 200) : "unknown" },
    });
  }
  return { userId: user.id, emailed };
}
