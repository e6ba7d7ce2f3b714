import type { TRPCRouterRecord } from "@trpc/server";
import { assignCareTeamInput, createUserInput, patientListInput, removeCareTeamInput, setUserActiveInput, userListInput } from "@concord/domain";
import { getCareTeams, listPatientDirectory, listUsers, writeAuditForPatients } from "@concord/db";
import { globalProcedure } from "../trpc";
import { createAccount } from "../use-cases/create-account";
import { assignCareTeamMember, removeFromCareTeam } from "../use-cases/manage-care-team";
import { listUnroutedUrgentAlerts } from "../use-cases/list-unrouted-urgent-alerts";
import { setAccountActive } from "../use-cases/set-account-active";

/** Administrators manage accounts and team membership; nothing here returns clinical content. */
export const adminRouter = {
  users: {
    list: globalProcedure("admin.user.list")
      .input(userListInput)
      .query(({ ctx, input }) => listUsers(ctx.db, input)),
    create: globalProcedure("admin.user.create")
      .input(createUserInput)
      .mutation(({ ctx, input }) => createAccount(ctx.db, ctx.actor, input, ctx.services.hashPassword, ctx.settings)),
    setActive: globalProcedure("admin.user.deactivate")
      .input(setUserActiveInput)
      .mutation(({ ctx, input }) => setAccountActive(ctx.db, ctx.actor, input)),
  },
  /** Urgent alerts with nobody to notify: patients with no active clinician on their team (no clinical content). */
  unroutedAlerts: globalProcedure("admin.unroutedAlerts.read").query(({ ctx }) => listUnroutedUrgentAlerts(ctx.db, ctx.actor)),
  careTeams: {
    /** Patient names with their teams: the directory an admin needs to assign clinicians. */
    list: globalProcedure("admin.careTeam.manage")
      .input(patientListInput)
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
      .mutation(({ ctx, input }) => assignCareTeamMember(ctx.db, ctx.actor, input)),
    remove: globalProcedure("admin.careTeam.manage")
      .input(removeCareTeamInput)
      .mutation(({ ctx, input }) => removeFromCareTeam(ctx.db, ctx.actor, input)),
  },
} satisfies TRPCRouterRecord;
