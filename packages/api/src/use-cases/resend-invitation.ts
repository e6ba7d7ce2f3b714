import { type Actor, type ClinicSettings, invalid, notFound } from "@concord/domain";
import { type Database, findUserById, writeAudit } from "@concord/db";
import { deliverInvitation, issueInvitation } from "../accounts/invitations";
import type { ProcedureAudit } from "../audit";
import type { Services } from "../services";

/**
 * A new link for someone who has not set a password yet ("Not sent — Retry", "Expired — Resend"):
 * the old links stop working, a new one is issued and sent, and the outcome recorded.
 */
export async function resendInvitation(opts: {
  db: Database;
  actor: Actor;
  audit: ProcedureAudit;
  input: { userId: string };
  services: Services;
  settings: ClinicSettings;
  now?: Date;
}) {
  const { db, actor, audit, input, services, settings, now = new Date() } = opts;
  const { user, invitation } = await db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw notFound("This account");
    if (user.passwordHash) throw invalid(`${user.name} has already set a password. If they have forgotten it, they can use “Forgot password” on the sign-in page.`);
    if (!user.active) throw invalid(`${user.name}'s account is deactivated. Reactivate it before sending a new invitation.`);
    const invitation = await issueInvitation(tx, { userId: user.id, createdBy: actor.userId, now });
    await writeAudit(tx, {
      ...audit,
      patientId: null,
      outcome: "allowed",
      detail: { userId: user.id, invitationId: invitation.tokenId },
    });
    return { user, invitation };
  });
  const delivery = await deliverInvitation(db, services, {
    invitation,
    to: user.email,
    inviteeName: user.name,
    invitedBy: actor,
    timeZone: user.timeZone ?? settings.timeZone,
  });
  return { userId: user.id, invitation: delivery };
}
