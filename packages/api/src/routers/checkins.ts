import type { TRPCRouterRecord } from "@trpc/server";
import { checkInFormInput, checkInOnDateInput, editCheckInInput, listCheckInsInput, submitCheckInInput } from "@concord/domain";
import { getCheckIn, listCheckInRevisions, listCheckIns } from "@concord/db";
import { patientProcedure } from "../trpc";
import { getCheckInForm, presentCheckIn, submitCheckIn } from "../use-cases/submit-check-in";

export const checkInsRouter = {
  /** The day's form: treatments to report on and the existing entry, if any. */
  form: patientProcedure("checkIn.read")
    .input(checkInFormInput)
    .query(({ ctx, input }) => getCheckInForm(ctx.db, ctx.scope.patientId, input.date)),

  submit: patientProcedure("checkIn.submit")
    .input(submitCheckInInput)
    .mutation(({ ctx, input }) => submitCheckIn(ctx.db, ctx.actor, ctx.scope.patientId, input.checkIn, { kind: "create" })),

  edit: patientProcedure("checkIn.submit")
    .input(editCheckInInput)
    .mutation(({ ctx, input }) =>
      submitCheckIn(ctx.db, ctx.actor, ctx.scope.patientId, input.checkIn, { kind: "edit", expectedVersion: input.expectedVersion }),
    ),

  get: patientProcedure("checkIn.read")
    .input(checkInOnDateInput)
    .query(async ({ ctx, input }) => {
      const row = await getCheckIn(ctx.db, ctx.scope.patientId, input.date);
      return row ? presentCheckIn(row) : null;
    }),

  list: patientProcedure("checkIn.read")
    .input(listCheckInsInput)
    .query(async ({ ctx, input }) => {
      const page = await listCheckIns(ctx.db, ctx.scope.patientId, input);
      // The id lets a message refer to a check-in (messaging.post's reference).
      return { items: page.items.map((row) => ({ id: row.id, ...presentCheckIn(row) })), nextCursor: page.nextCursor };
    }),

  /** Every saved version of one day's check-in, oldest first. */
  history: patientProcedure("checkIn.read")
    .input(checkInOnDateInput)
    .query(({ ctx, input }) => listCheckInRevisions(ctx.db, ctx.scope.patientId, input.date)),
} satisfies TRPCRouterRecord;
