import type { EmailDeliveryOutcome } from "@concord/domain";
import { type Database, findUserById, insertAccountToken, revokeOpenAccountTokens, setAccountTokenEmailStatus } from "@concord/db";
import type { Services } from "../services";
import { invitationEmail } from "./invitation-email";
import { TOKEN_LIFETIME_MS, newOneTimeToken } from "./one-time-token";

export interface IssuedInvitation {
  tokenId: string;
  /** The raw token: only ever put into the email, never returned to an admin or stored. */
  token: string;
  expiresAt: Date;
}

/**
 * Replaces any open invitation of the user with a new one (inside the caller's transaction): only
 * the newest link works.
 */
export async function issueInvitation(tx: Database, v: { userId: string; createdBy: string; now: Date }): Promise<IssuedInvitation> {
  await revokeOpenAccountTokens(tx, v.userId, "invitation", v.now);
  const { token, tokenHash } = newOneTimeToken();
  const expiresAt = new Date(v.now.getTime() + TOKEN_LIFETIME_MS.invitation);
  const row = await insertAccountToken(tx, { userId: v.userId, purpose: "invitation", tokenHash, expiresAt, createdBy: v.createdBy });
  return { tokenId: row.id, token, expiresAt };
}

export interface InvitationDelivery {
  emailStatus: EmailDeliveryOutcome;
  /** Why the mail server refused, for the admin's "Not sent — Retry" (no token in it). */
  emailError: string | null;
  expiresAt: Date;
}

/** A mail error as an admin can act on it, with anything link-like removed. */
function describeMailError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `The email could not be sent: ${text.replace(/https?:\/\/\S+/g, "[link]").slice(0, 300)}`;
}

/**
 * Sends the invitation after its transaction committed, and records the outcome on the token, so
 * an email that fails leaves a visible "not sent" invitation to retry — never a half-made account.
 */
export async function deliverInvitation(
  db: Database,
  services: Services,
  v: { invitation: IssuedInvitation; to: string; inviteeName: string; invitedBy: { userId: string; role: string }; timeZone: string },
): Promise<InvitationDelivery> {
  const inviter = v.invitedBy.role === "admin" ? await findUserById(db, v.invitedBy.userId) : null;
  const link = `${services.publicUrl.replace(/\/+$/, "")}/invite/${v.invitation.token}`;
  const message = invitationEmail({
    to: v.to,
    inviteeName: v.inviteeName,
    inviterName: inviter?.name ?? null,
    link,
    expiresAt: v.invitation.expiresAt,
    timeZone: v.timeZone,
  });
  try {
    await services.mailer.send(message);
    await setAccountTokenEmailStatus(db, v.invitation.tokenId, "sent");
    return { emailStatus: "sent", emailError: null, expiresAt: v.invitation.expiresAt };
  } catch (error) {
    const emailError = describeMailError(error);
    await setAccountTokenEmailStatus(db, v.invitation.tokenId, "failed", emailError);
    return { emailStatus: "failed", emailError, expiresAt: v.invitation.expiresAt };
  }
}
