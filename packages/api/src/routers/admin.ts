import type { TRPCRouterRecord } from "@trpc/server";
import {
  assignCareTeamInput,
  invitationUserInput,
  inviteUserInput,
  patientListInput,
  removeCareTeamInput,
  resetSecondFactorInput,
  setUserActiveInput,
  userListInput,
} from "@concord/domain";
import {
  accountActiveOutput,
  accountListOutput,
  careTeamAssignedOutput,
  careTeamDirectoryOutput,
  careTeamRemovedOutput,
  invitationResentOutput,
  invitationRevokedOutput,
  invitedUserOutput,
  secondFactorResetOutput,
  unroutedAlertsOutput,
} from "../outputs/admin";
import { globalProcedure } from "../trpc";
import { inviteUser } from "../use-cases/invite-user";
import { listAccounts } from "../use-cases/list-accounts";
import { listCareTeamDirectory } from "../use-cases/list-care-team-directory";
import { listUnroutedUrgentAlerts } from "../use-cases/list-unrouted-urgent-alerts";
import { assignCareTeamMember, removeFromCareTeam } from "../use-cases/manage-care-team";
import { resendInvitation } from "../use-cases/resend-invitation";
import { resetSecondFactor } from "../use-cases/reset-second-factor";
import { revokeInvitation } from "../use-cases/revoke-invitation";
import { setAccountActive } from "../use-cases/set-account-active";

/** Administrators manage accounts and team membership; nothing here returns clinical content. */
export const adminRouter = {
  users: {
    /** Accounts with the state of each person's invitation (never a token or a password). */
    list: globalProcedure("admin.user.list")
      .input(userListInput)
      .output(accountListOutput)
      .query(({ ctx, input }) => listAccounts(ctx.db, input)),
    /** Invite a clinician or administrator by email; they set their own password. Patients: patients.register. */
    invite: globalProcedure("admin.user.create", { sendsMail: true })
      .input(inviteUserInput)
      .output(invitedUserOutput)
      .mutation(({ ctx, input }) => inviteUser({ db: ctx.db, actor: ctx.actor, audit: ctx.audit, input, services: ctx.services, settings: ctx.settings })),
    resendInvitation: globalProcedure("admin.user.invitation.manage", { sendsMail: true })
      .input(invitationUserInput)
      .output(invitationResentOutput)
      .mutation(({ ctx, input }) => resendInvitation({ db: ctx.db, actor: ctx.actor, audit: ctx.audit, input, services: ctx.services, settings: ctx.settings })),
    revokeInvitation: globalProcedure("admin.user.invitation.manage")
      .input(invitationUserInput)
      .output(invitationRevokedOutput)
      .mutation(({ ctx, input }) => revokeInvitation({ db: ctx.db, audit: ctx.audit, input })),
    setActive: globalProcedure("admin.user.deactivate")
      .input(setUserActiveInput)
      .output(accountActiveOutput)
      .mutation(({ ctx, input }) => setAccountActive(ctx.db, ctx.actor, ctx.audit, input)),
    /** Remove a person's second factor (lost phone); audited, and the person is told by email. */
    resetSecondFactor: globalProcedure("admin.user.secondFactor.reset", { sendsMail: true })
      .input(resetSecondFactorInput)
      .output(secondFactorResetOutput)
      .mutation(({ ctx, input }) => resetSecondFactor({ db: ctx.db, audit: ctx.audit, input, services: ctx.services })),
  },
  /** Urgent alerts with nobody to notify: patients with no active clinician on their team (no clinical content). */
  unroutedAlerts: globalProcedure("admin.unroutedAlerts.read").output(unroutedAlertsOutput).query(({ ctx }) => listUnroutedUrgentAlerts(ctx.db, ctx.audit)),
  careTeams: {
    /** Patient names with their teams: the directory an admin needs to assign clinicians. */
    list: globalProcedure("admin.careTeam.manage")
      .input(patientListInput)
      .output(careTeamDirectoryOutput)
      .query(({ ctx, input }) => listCareTeamDirectory(ctx.db, ctx.audit, input)),
    assign: globalProcedure("admin.careTeam.manage")
      .input(assignCareTeamInput)
      .output(careTeamAssignedOutput)
      .mutation(({ ctx, input }) => assignCareTeamMember(ctx.db, ctx.actor, ctx.audit, input)),
    remove: globalProcedure("admin.careTeam.manage")
      .input(removeCareTeamInput)
      .output(careTeamRemovedOutput)
      .mutation(({ ctx, input }) => removeFromCareTeam(ctx.db, ctx.audit, input)),
  },
} satisfies TRPCRouterRecord;
