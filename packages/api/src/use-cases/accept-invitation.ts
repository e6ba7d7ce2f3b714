import {
  type AcceptInvitationInput,
  DomainError,
  type UnusableLinkReason,
  UNUSABLE_LINK_MESSAGES,
  checkPassword,
  invalid,
  invitationState,
} from "@concord/domain";
import { type Database, consumeAccountToken, findAccountToken, findPatientByUserId, revokeOpenAccountTokens, setUserPassword, writeAudit } from "@concord/db";
import { TOKEN_PATTERN, hashToken } from "../accounts/one-time-token";
import type { Services } from "../services";

type Found = NonNullable<Awaited<ReturnType<typeof findAccountToken>>>;

/** Why a found invitation cannot be used now, or null when it can. */
function unusableReason(found: Found | null, now: Date): UnusableLinkReason | null {
  if (!found) return "invalid";
  const state = invitationState(found.token, now);
  if (state === "accepted") return "used";
  if (state === "revoked") return "revoked";
  if (state === "expired") return "expired";
  if (!found.user.active) return "deactivated";
  return null;
}

async function lookUp(db: Database, token: string) {
  // A forged link of the wrong shape is refused before any query.
  return TOKEN_PATTERN.test(token) ? findAccountToken(db, hashToken(token), "invitation") : null;
}

/** A link that cannot be used: the invitee's page shows the message and how to get a new link. */
function unusable(reason: UnusableLinkReason) {
  return new DomainError(reason === "invalid" ? "NOT_FOUND" : "CONFLICT", UNUSABLE_LINK_MESSAGES[reason], { reason });
}

/** What the invitation page shows: whom the link is for, or why it cannot be used. Changes nothing. */
export async function readInvitation(opts: { db: Database; token: string; now?: Date }) {
  const { db, token, now = new Date() } = opts;
  const found = await lookUp(db, token);
  const reason = unusableReason(found, now);
  if (reason || !found) {
    return { usable: false as const, reason: reason ?? "invalid", message: UNUSABLE_LINK_MESSAGES[reason ?? "invalid"] };
  }
  return { usable: true as const, name: found.user.name, email: found.user.email, expiresAt: found.token.expiresAt };
}

/**
 * The invitee sets their first password. Using the link (compare-and-set: two tabs cannot both
 * win), setting the password and the audit row are one transaction; an unusable link changes nothing.
 */
export async function acceptInvitation(opts: { db: Database; input: AcceptInvitationInput; services: Services; now?: Date }) {
  const { db, input, services, now: at } = opts;
  const now = at ?? new Date();
  const found = await lookUp(db, input.token);
  const reason = unusableReason(found, now);
  if (reason || !found) {
    await writeAudit(db, {
      actorId: null,
      actorRole: null,
      action: "account.acceptInvitation",
      patientId: null,
      outcome: "denied",
      detail: { reason: reason ?? "invalid", userId: found?.user.id ?? null },
    });
    throw unusable(reason ?? "invalid");
  }
  const problems = checkPassword(input.password, { email: found.user.email, name: found.user.name });
  if (problems.length > 0) throw invalid(problems.join(" "), { field: "password" });
  const passwordHash = await services.hashPassword(input.password);
  return db.transaction(async (tx) => {
    const consumed = await consumeAccountToken(tx, found.token.id, now);
    // Lost the race with another use of the same link (or it was revoked meanwhile).
    if (!consumed) throw unusable(unusableReason(await lookUp(tx, input.token), now) ?? "used");
    await setUserPassword(tx, found.user.id, passwordHash, now);
    await revokeOpenAccountTokens(tx, found.user.id, "invitation", now);
    const patient = found.user.role === "patient" ? await findPatientByUserId(tx, found.user.id) : null;
    await writeAudit(tx, {
      actorId: found.user.id,
      actorRole: found.user.role,
      action: "account.acceptInvitation",
      patientId: patient?.id ?? null,
      outcome: "allowed",
      detail: { invitationId: found.token.id },
      at,
    });
    return { email: found.user.email, name: found.user.name };
  });
}
