import { type Actor, type ClinicSettings, type InviteUserInput, invalid } from "@concord/domain";
import { type Database, findUserByEmail, insertUser, writeAudit } from "@concord/db";
import { deliverInvitation, issueInvitation } from "../accounts/invitations";
import type { ProcedureAudit } from "../audit";
import type { Services } from "../services";

export interface InviteUserOptions {
  db: Database;
  actor: Actor;
  audit: ProcedureAudit;
  input: InviteUserInput;
  services: Services;
  settings: ClinicSettings;
  /** When it happened (a replayed history passes its own); absent, the present moment and the database's clock. */
  now?: Date;
}

/**
 * An admin invites a clinician or administrator: the account (no password) and its invitation are
 * made in one transaction, then the email is sent and its outcome recorded on the invitation.
 */
export async function inviteUser({ db, actor, audit, input, services, settings, now: at }: InviteUserOptions) {
  const now = at ?? new Date();
  const timeZone = input.timeZone ?? null;
  const { user, invitation } = await db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw invalid("An account with this email already exists.", { field: "email" });
    const user = await insertUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash: null, timeZone });
    const invitation = await issueInvitation(tx, { userId: user.id, createdBy: actor.userId, now });
    await writeAudit(tx, {
      ...audit,
      patientId: null,
      outcome: "allowed",
      detail: { userId: user.id, role: user.role, invitationId: invitation.tokenId },
      at,
    });
    return { user, invitation };
  });
  const delivery = await deliverInvitation(db, services, {
    invitation,
    to: user.email,
    inviteeName: user.name,
    invitedBy: actor,
    timeZone: timeZone ?? settings.timeZone,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, patientId: null as string | null, invitation: delivery };
}
