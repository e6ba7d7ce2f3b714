import type { TRPCRouterRecord } from "@trpc/server";
import { acceptInvitationInput, invitationTokenInput } from "@concord/domain";
import { anyoneProcedure } from "../trpc";
import { acceptInvitation, readInvitation } from "../use-cases/accept-invitation";
import { invitationAcceptedOutput, linkStatusOutput } from "../outputs/account";

/** Public account pages: invitation links (and password resets). The link is the proof; nothing here needs a session. */
export const accountRouter = {
  /** Whom an invitation link is for, or why it cannot be used; changes nothing. */
  invitation: anyoneProcedure("account.invitation.read")
    .input(invitationTokenInput)
    .output(linkStatusOutput)
    .query(({ ctx, input }) => readInvitation({ db: ctx.db, token: input.token })),
  /** Sets the invitee's first password and uses the link up; then they sign in. */
  acceptInvitation: anyoneProcedure("account.invitation.accept")
    .input(acceptInvitationInput)
    .output(invitationAcceptedOutput)
    .mutation(({ ctx, input }) => acceptInvitation({ db: ctx.db, input, services: ctx.services })),
} satisfies TRPCRouterRecord;
