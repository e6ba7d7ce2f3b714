import type { TRPCRouterRecord } from "@trpc/server";
import { changePasswordInput, setOwnTimeZoneInput } from "@concord/domain";
import { globalProcedure } from "../trpc";
import { viewerTimeZone } from "../use-cases/patient-clock";
import { changePassword } from "../use-cases/change-password";
import { setOwnTimeZone } from "../use-cases/set-time-zone";
import { meOutput, ownTimeZoneOutput, passwordChangedOutput } from "../outputs/me";

export const meRouter = {
  /**
   * Who is signed in, and their clock: `timeZone` is the zone every time is shown in (their own
   * choice, else the clinic's: `ownTimeZone` null), `today` the day it is there.
   */
  get: globalProcedure("me.read").output(meOutput).query(async ({ ctx }) => ({
    userId: ctx.actor.userId,
    name: ctx.actorName,
    role: ctx.actor.role,
    patientId: ctx.actor.patientId,
    ...(await viewerTimeZone(ctx.db, ctx.actor, ctx.settings)),
  })),

  setTimeZone: globalProcedure("me.timeZone.update")
    .input(setOwnTimeZoneInput)
    .output(ownTimeZoneOutput)
    .mutation(({ ctx, input }) => setOwnTimeZone(ctx.db, ctx.actor, input, ctx.settings)),

  /** Current password required; the other sessions of the account end, this one stays. */
  changePassword: globalProcedure("me.password.change")
    .input(changePasswordInput)
    .output(passwordChangedOutput)
    .mutation(({ ctx, input }) => changePassword({ db: ctx.db, actor: ctx.actor, sessionId: ctx.sessionId, input, services: ctx.services })),
} satisfies TRPCRouterRecord;
