import { DomainError, RESET_LINK_MESSAGES, type UnusableLinkReason, type ResetPasswordInput, checkPassword, invalid } from "@concord/domain";
import {
  type Database,
  consumeAccountToken,
  findAccountToken,
  findPatientByUserId,
  revokeOpenAccountTokens,
  revokeUserSessions,
  setUserPassword,
  writeAudit,
} from "@concord/db";
import { TOKEN_PATTERN, hashToken } from "../accounts/one-time-token";
import type { Services } from "../services";

type Found = NonNullable<Awaited<ReturnType<typeof findAccountToken>>>;

async function lookUp(db: Database, token: string): Promise<Found | null> {
  // A forged link of the wrong shape is refused before any query.
  return TOKEN_PATTERN.test(token) ? findAccountToken(db, hashToken(token), "password_reset") : null;
}

function problemOf(found: Found | null, now: Date): UnusableLinkReason | null {
  if (!found) return "invalid";
  if (found.token.usedAt) return "used";
  if (found.token.revokedAt) return "revoked";
  if (found.token.expiresAt.getTime() <= now.getTime()) return "expired";
  if (!found.user.active) return "deactivated";
  return null;
}

/** An unusable link: the page shows the message and a way to ask for a new link. */
function unusable(problem: UnusableLinkReason) {
  return new DomainError(problem === "invalid" ? "NOT_FOUND" : "CONFLICT", RESET_LINK_MESSAGES[problem], { reason: problem });
}

/** What the reset page shows before the form: whose password it sets, or why the link cannot be used. Changes nothing. */
export async function readPasswordReset(opts: { db: Database; token: string; now?: Date }) {
  const { db, token, now = new Date() } = opts;
  const found = await lookUp(db, token);
  const problem = problemOf(found, now);
  if (problem || !found) return { usable: false as const, reason: problem ?? "invalid", message: RESET_LINK_MESSAGES[problem ?? "invalid"] };
  return { usable: true as const, email: found.user.email, name: found.user.name, expiresAt: found.token.expiresAt };
}

/**
 * Sets a new password with a reset link. In one transaction: the link is used (compare-and-set, so
 * two tabs cannot both win), the password set, every session of the account ended (whoever held
 * them is signed out at once), any other open reset link revoked, and the audit row written.
 * An unusable link or a refused password changes nothing.
 */
export async function resetPassword(opts: { db: Database; input: ResetPasswordInput; services: Services; now?: Date }) {
  const { db, input, services, now = new Date() } = opts;
  const found = await lookUp(db, input.token);
  const problem = problemOf(found, now);
  if (problem || !found) {
    await writeAudit(db, {
      actorId: found?.user.id ?? null,
      actorRole: found?.user.role ?? null,
      action: "account.resetPassword",
      patientId: null,
      outcome: "denied",
      detail: { reason: problem ?? "invalid", tokenId: found?.token.id ?? null },
    });
    throw unusable(problem ?? "invalid");
  }
  const problems = checkPassword(input.password, { email: found.user.email, name: found.user.name });
  if (problems.length > 0) throw invalid(problems.join(" "), { field: "password", problems });

  const passwordHash = await services.hashPassword(input.password);
  return db.transaction(async (tx) => {
    const consumed = await consumeAccountToken(tx, found.token.id, now);
    if (!consumed) throw unusable(problemOf(await lookUp(tx, input.token), now) ?? "used");
    await setUserPassword(tx, found.user.id, passwordHash, now);
    await revokeUserSessions(tx, found.user.id, "password reset");
    await revokeOpenAccountTokens(tx, found.user.id, "password_reset", now);
    const patient = found.user.role === "patient" ? await findPatientByUserId(tx, found.user.id) : null;
    await writeAudit(tx, {
      actorId: found.user.id,
      actorRole: found.user.role,
      action: "account.resetPassword",
      patientId: patient?.id ?? null,
      outcome: "allowed",
      detail: { tokenId: found.token.id, sessionsEnded: "all" },
    });
    return { email: found.user.email };
  });
}
