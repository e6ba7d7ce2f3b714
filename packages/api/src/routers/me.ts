import type { TRPCRouterRecord } from "@trpc/server";
import { changePasswordInput, setOwnTimeZoneInput } from "@concord/domain";
import { globalProcedure } from "../trpc";
import { changePassword } from "../use-cases/change-password";
import { readMe } from "../use-cases/read-me";
import { setOwnTimeZone } from "../use-cases/set-time-zone";
import { meOutput, ownTimeZoneOutput, passwordChangedOutput } from "../outputs/me";

export const meRouter = {
  /**
   * Who is signed in, and their clock: `timeZone` is the zone every time is shown in (their own
   * choice, else the clinic's: `ownTimeZone` null), `today` the day it is there.
   */
  get: globalProcedure("me.read").output(meOutput).query(({ ctx }) => readMe(ctx.db, ctx.actor, ctx.actorName, ctx.settings)),

  setTimeZone: globalProcedure("me.timeZone.update")
    .input(setOwnTimeZoneInput)
    .output(ownTimeZoneOutput)
    .mutation(({ ctx, input }) => setOwnTimeZone(ctx.db, ctx.actor, ctx.audit, input, ctx.settings)),

  /** Current password required; the other sessions of the account end, this one stays. */
  changePassword: globalProcedure("me.password.change")
    .input(changePasswordInput)
    .output(passwordChangedOutput)
    .mutation(({ ctx, input }) => changePassword({ db: ctx.db, actor: ctx.actor, audit: ctx.audit, sessionId: ctx.sessionId, input, services: ctx.services })),
} satisfies TRPCRouterRecord;
