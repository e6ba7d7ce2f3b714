import type { TRPCRouterRecord } from "@trpc/server";
import { endEmergencyAccessInput, openEmergencyAccessInput } from "@concord/domain";
import { emergencyAccessEndedOutput, emergencyAccessOpenedOutput, myEmergencyAccessesOutput } from "../outputs/emergency-access";
import { globalProcedure } from "../trpc";
import { endEmergencyAccess, listMyEmergencyAccesses, openEmergencyAccess } from "../use-cases/emergency-access";

export const emergencyAccessRouter = {
  /** "Break the glass": open a patient's record read-only for 60 minutes, with a reason; the team and administrators are told. */
  open: globalProcedure("emergencyAccess.open")
    .input(openEmergencyAccessInput)
    .output(emergencyAccessOpenedOutput)
    .mutation(({ ctx, input }) => openEmergencyAccess({ db: ctx.db, actor: ctx.actor, audit: ctx.audit, actorName: ctx.actorName, input, settings: ctx.settings })),

  /** Done before the hour is up: the access ends now. */
  end: globalProcedure("emergencyAccess.end")
    .input(endEmergencyAccessInput)
    .output(emergencyAccessEndedOutput)
    .mutation(({ ctx, input }) => endEmergencyAccess(ctx.db, ctx.actor, ctx.audit, input)),

  /** One's own emergency accesses (open ones link to the record until they expire). */
  mine: globalProcedure("emergencyAccess.listMine")
    .output(myEmergencyAccessesOutput)
    .query(({ ctx }) => listMyEmergencyAccesses(ctx.db, ctx.actor, ctx.audit)),
} satisfies TRPCRouterRecord;
