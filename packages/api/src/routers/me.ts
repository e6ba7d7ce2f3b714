import type { TRPCRouterRecord } from "@trpc/server";
import { globalProcedure } from "../trpc";

export const meRouter = {
  get: globalProcedure("me.read").query(({ ctx }) => ({
    userId: ctx.actor.userId,
    name: ctx.actorName,
    role: ctx.actor.role,
    patientId: ctx.actor.patientId,
  })),
} satisfies TRPCRouterRecord;
