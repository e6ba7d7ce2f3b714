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
import { getCareTeams, listPatientDirectory, writeAuditForPatients } from "@concord/db";
import { globalProcedure } from "../trpc";
import { inviteUser } from "../use-cases/invite-user";
import { listAccounts } from "../use-cases/list-accounts";
import { resendInvitation } from "../use-cases/resend-invitation";
import { revokeInvitation } from "../use-cases/revoke-invitation";
import { assignCareTeamMember, removeFromCareTeam } from "../use-cases/manage-care-team";
import { listUnroutedUrgentAlerts } from "../use-cases/list-unrouted-urgent-alerts";
import { setAccountActive } from "../use-cases/set-account-active";
import { resetSecondFactor } from "../use-cases/reset-second-factor";
import { accountActiveOutput, accountListOutput, careTeamAssignedOutput, careTeamDirectoryOutput, careTeamRemovedOutput, invitationResentOutput, invitationRevokedOutput, invitedUserOutput, secondFactorResetOutput, unroutedAlertsOutput } from "../outputs/admin";

/** Administrators manage accounts and team membership; nothing here returns clinical content. */
export const adminRouter = {
  users: {
    /** Accounts with the state of each person's invitation (never a token or a password). */
    list: globalProcedure("admin.user.list")
      .input(userListInput)
      .output(accountListOutput)
      .query(({ ctx, input }) => listAccounts(ctx.db, input)),
    /** Invite a clinician or administrator by email; they set their own password. Patients: patients.register. */
    invite: globalProcedure("admin.user.create")
      .input(inviteUserInput)
      .output(invitedUserOutput)
      .mutation(({ ctx, input }) => inviteUser({ db: ctx.db, actor: ctx.actor, input, services: ctx.services, settings: ctx.settings })),
    resendInvitation: globalProcedure("admin.user.invitation.manage")
      .input(invitationUserInput)
      .output(invitationResentOutput)
      .mutation(({ ctx, input }) => resendInvitation({ db: ctx.db, actor: ctx.actor, input, services: ctx.services, settings: ctx.settings })),
    revokeInvitation: globalProcedure("admin.user.invitation.manage")
      .input(invitationUserInput)
      .output(invitationRevokedOutput)
      .mutation(({ ctx, input }) => revokeInvitation({ db: ctx.db, actor: ctx.actor, input })),
    setActive: globalProcedure("admin.user.deactivate")
      .input(setUserActiveInput)
      .output(accountActiveOutput)
      .mutation(({ ctx, input }) => setAccountActive(ctx.db, ctx.actor, input)),
    /** Remove a person's second factor (lost phone); audited, and the person is told by email. */
    resetSecondFactor: globalProcedure("admin.user.secondFactor.reset")
      .input(resetSecondFactorInput)
      .output(secondFactorResetOutput)
      .mutation(({ ctx, input }) => resetSecondFactor({ db: ctx.db, actor: ctx.actor, input, services: ctx.services })),
  },
  /** Urgent alerts with nobody to notify: patients with no active clinician on their team (no clinical content). */
  unroutedAlerts: globalProcedure("admin.unroutedAlerts.read").output(unroutedAlertsOutput).query(({ ctx }) => listUnroutedUrgentAlerts(ctx.db, ctx.actor)),
  careTeams: {
    /** Patient names with their teams: the directory an admin needs to assign clinicians. */
    list: globalProcedure("admin.careTeam.manage")
      .input(patientListInput)
      .output(careTeamDirectoryOutput)
      .query(async ({ ctx, input }) => {
        const page = await listPatientDirectory(ctx.db, input);
        const teams = await getCareTeams(ctx.db, page.items.map((p) => p.id));
        await writeAuditForPatients(
          ctx.db,
          { actorId: ctx.actor.userId, actorRole: ctx.actor.role, action: "admin.careTeams.list", detail: { permission: "admin.careTeam.manage" } },
          page.items.map((p) => p.id),
        );
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((p) => ({
            id: p.id,
            name: p.name,
            team: (teams.get(p.id) ?? []).map(({ clinicianId, name, discipline }) => ({ clinicianId, name, discipline })),
          })),
        };
      }),
    assign: globalProcedure("admin.careTeam.manage")
      .input(assignCareTeamInput)
      .output(careTeamAssignedOutput)
      .mutation(({ ctx, input }) => assignCareTeamMember(ctx.db, ctx.actor, input)),
    remove: globalProcedure("admin.careTeam.manage")
      .input(removeCareTeamInput)
      .output(careTeamRemovedOutput)
      .mutation(({ ctx, input }) => removeFromCareTeam(ctx.db, ctx.actor, input)),
  },
} satisfies TRPCRouterRecord;
