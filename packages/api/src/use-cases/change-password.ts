import { type Actor, type ChangePasswordInput, checkPassword, invalid, notFound } from "@concord/domain";
import {
  type Database,
  findPatientByUserId,
  findUserById,
  listAuditForActor,
  revokeOpenAccountTokens,
  revokeOtherUserSessions,
  setUserPassword,
  writeAudit,
} from "@concord/db";
import type { ProcedureAudit } from "../audit";
import type { Services } from "../services";

export const WRONG_CURRENT_PASSWORD = "Your current password is not correct.";
export const SAME_AS_CURRENT = "Choose a new password that is different from your current one.";
/** Wrong current passwords allowed in the window before the form stops checking (someone at an unlocked screen guessing). */
export const WRONG_CURRENT_LIMIT = 5;
export const WRONG_CURRENT_WINDOW_MS = 15 * 60_000;
export const TOO_MANY_WRONG_CURRENT =
  "The current password was wrong too many times. Please wait 15 minutes and try again, or sign out and use “Forgot your password?”.";

/**
 * True when the last attempts were all wrong and all inside the window. Read from the audit trail of
 * this procedure, as it stood before this call (its own row is written when it ends).
 */
async function tooManyWrongAttempts(db: Database, userId: string, action: string, now: Date): Promise<boolean> {
  const recent = await listAuditForActor(db, userId, action, WRONG_CURRENT_LIMIT);
  return (
    recent.length >= WRONG_CURRENT_LIMIT &&
    recent.every((row) => row.outcome === "denied" && now.getTime() - row.at.getTime() < WRONG_CURRENT_WINDOW_MS)
  );
}

/**
 * A signed-in person changes their own password: the current one is required and checked, the new
 * one must pass the policy and differ from it. In one transaction the password is set, every other
 * session of the account ends (a lost laptop is signed out) while this one stays, open reset links
 * are revoked, and the change is audited with how many sessions ended. A wrong current password is
 * refused as "denied" with the reason (the procedure's failure row), and after 5 in a row within 15
 * minutes the form stops checking for the rest of the window.
 */
export async function changePassword(opts: {
  db: Database;
  actor: Actor;
  audit: ProcedureAudit;
  sessionId: string | null;
  input: ChangePasswordInput;
  services: Services;
  now?: Date;
}) {
  const { db, actor, audit, sessionId, input, services, now = new Date() } = opts;
  const user = await findUserById(db, actor.userId);
  if (!user) throw notFound("Your account");
  const patientId = actor.role === "patient" ? ((await findPatientByUserId(db, user.id))?.id ?? null) : null;

  if (await tooManyWrongAttempts(db, user.id, audit.action, now)) {
    throw invalid(TOO_MANY_WRONG_CURRENT, { field: "currentPassword" }, { deniedAudit: { reason: "too many wrong current passwords" } });
  }
  if (!(await services.verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid(WRONG_CURRENT_PASSWORD, { field: "currentPassword" }, { deniedAudit: { reason: "wrong current password" } });
  }
  const problems = checkPassword(input.newPassword, { email: user.email, name: user.name });
  if (problems.length > 0) throw invalid(problems.join(" "), { field: "newPassword", problems });
  if (input.newPassword === input.currentPassword || (await services.verifyPassword(user.passwordHash, input.newPassword))) {
    throw invalid(SAME_AS_CURRENT, { field: "newPassword", problems: [SAME_AS_CURRENT] });
  }

  const passwordHash = await services.hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await setUserPassword(tx, user.id, passwordHash, now);
    const sessionsEnded = await revokeOtherUserSessions(tx, user.id, sessionId, "password changed");
    await revokeOpenAccountTokens(tx, user.id, "password_reset", now);
    await writeAudit(tx, { ...audit, patientId, outcome: "allowed", detail: { sessionsEnded, keptSession: sessionId !== null } });
    return { sessionsEnded };
  });
}
