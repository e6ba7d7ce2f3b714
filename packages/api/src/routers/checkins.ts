import type { TRPCRouterRecord } from "@trpc/server";
import {
  checkInFormInput,
  checkInOnDateInput,
  editCheckInInput,
  latestCheckInReviewInput,
  listCheckInsInput,
  listSideEffectsInput,
  reviewSideEffectInput,
  submitCheckInInput,
} from "@concord/domain";
import { patientProcedure } from "../trpc";
import { latestCheckInForClinician, listCheckInsForReading, listSideEffects, reviewSideEffect } from "../use-cases/review-check-ins";
import { getCheckInForm, listCheckInHistory, readCheckIn, submitCheckIn } from "../use-cases/submit-check-in";
import { checkInFormOutput, checkInHistoryOutput, checkInListOutput, checkInOnDateOutput, checkInSavedOutput, latestCheckInReviewOutput, sideEffectListOutput, sideEffectReviewedOutput } from "../outputs/checkins";

export const checkInsRouter = {
  /** The day's form: treatments to report on and the existing entry, if any. */
  form: patientProcedure("checkIn.read")
    .input(checkInFormInput)
    .output(checkInFormOutput)
    .query(({ ctx, input }) => getCheckInForm(ctx.db, ctx.scope.patientId, input.date)),

  submit: patientProcedure("checkIn.submit")
    .input(submitCheckInInput)
    .output(checkInSavedOutput)
    .mutation(({ ctx, input }) => submitCheckIn(ctx.db, ctx.actor, ctx.scope.patientId, input.checkIn, { kind: "create" }, ctx.settings)),

  edit: patientProcedure("checkIn.submit")
    .input(editCheckInInput)
    .output(checkInSavedOutput)
    .mutation(({ ctx, input }) =>
      submitCheckIn(ctx.db, ctx.actor, ctx.scope.patientId, input.checkIn, { kind: "edit", expectedVersion: input.expectedVersion }, ctx.settings),
    ),

  get: patientProcedure("checkIn.read")
    .input(checkInOnDateInput)
    .output(checkInOnDateOutput)
    .query(({ ctx, input }) => readCheckIn(ctx.db, ctx.scope.patientId, input.date)),

  /** Newest first, each with its id (a message can refer to it), item names and the red flags answered yes. */
  list: patientProcedure("checkIn.read")
    .input(listCheckInsInput)
    .output(checkInListOutput)
    .query(({ ctx, input }) => listCheckInsForReading(ctx.db, ctx.scope.patientId, input)),

  /** The clinician's summary: the latest check-in in the patient's words, new since this clinician last looked. */
  latestForReview: patientProcedure("checkIn.review")
    .input(latestCheckInReviewInput)
    .output(latestCheckInReviewOutput)
    .query(({ ctx }) => latestCheckInForClinician(ctx.db, ctx.actor, ctx.scope.patientId)),

  /** Side effects the patient reported on plan items (the medication's trial record shows them). */
  sideEffects: patientProcedure("sideEffect.read")
    .input(listSideEffectsInput)
    .output(sideEffectListOutput)
    .query(({ ctx, input }) => listSideEffects(ctx.db, ctx.scope.patientId, input)),

  /** The physician confirms or annotates a reported side effect. */
  reviewSideEffect: patientProcedure("sideEffect.review")
    .input(reviewSideEffectInput)
    .output(sideEffectReviewedOutput)
    .mutation(({ ctx, input }) => reviewSideEffect(ctx.db, ctx.actor, ctx.scope.patientId, input)),

  /** Every saved version of one day's check-in, oldest first. */
  history: patientProcedure("checkIn.read")
    .input(checkInOnDateInput)
    .output(checkInHistoryOutput)
    .query(({ ctx, input }) => listCheckInHistory(ctx.db, ctx.scope.patientId, input.date)),
} satisfies TRPCRouterRecord;
