import type { TRPCRouterRecord } from "@trpc/server";
import {
  budapestInput,
  cssInput,
  gad7Input,
  licensedScoreInput,
  limbTemperatureInput,
  listMeasuresInput,
  phq9Input,
  psfsInput,
  trendsInput,
} from "@concord/domain";
import { patientProcedure } from "../trpc";
import { listPatientMeasures, readMeasureTrends } from "../use-cases/read-measure-trends";
import {
  recordBudapest,
  recordCss,
  recordLicensedScore,
  recordLimbTemperature,
  submitGad7,
  submitPhq9,
  submitPsfs,
} from "../use-cases/record-measure";
import { budapestRecordedOutput, cssRecordedOutput, gad7SubmittedOutput, measureListOutput, measureRecordedOutput, measureTrendsOutput, phq9SubmittedOutput, psfsSubmittedOutput } from "../outputs/measures";

export const measuresRouter = {
  recordBudapest: patientProcedure("measure.record")
    .input(budapestInput)
    .output(budapestRecordedOutput)
    .mutation(({ ctx, input: { patientId, ...rest } }) => recordBudapest(ctx.db, ctx.actor, patientId, rest, ctx.settings)),
  recordCss: patientProcedure("measure.record")
    .input(cssInput)
    .output(cssRecordedOutput)
    .mutation(({ ctx, input: { patientId, ...rest } }) => recordCss(ctx.db, ctx.actor, patientId, rest, ctx.settings)),
  recordLimbTemperature: patientProcedure("measure.record")
    .input(limbTemperatureInput)
    .output(measureRecordedOutput)
    .mutation(({ ctx, input: { patientId, ...rest } }) => recordLimbTemperature(ctx.db, ctx.actor, patientId, rest, ctx.settings)),
  recordLicensed: patientProcedure("measure.record")
    .input(licensedScoreInput)
    .output(measureRecordedOutput)
    .mutation(({ ctx, input: { patientId, ...rest } }) => recordLicensedScore(ctx.db, ctx.actor, patientId, rest, ctx.settings)),

  submitPhq9: patientProcedure("questionnaire.submit")
    .input(phq9Input)
    .output(phq9SubmittedOutput)
    .mutation(({ ctx, input: { patientId, ...rest } }) => submitPhq9(ctx.db, ctx.actor, patientId, rest, ctx.settings)),
  submitGad7: patientProcedure("questionnaire.submit")
    .input(gad7Input)
    .output(gad7SubmittedOutput)
    .mutation(({ ctx, input: { patientId, ...rest } }) => submitGad7(ctx.db, ctx.actor, patientId, rest, ctx.settings)),
  submitPsfs: patientProcedure("questionnaire.submit")
    .input(psfsInput)
    .output(psfsSubmittedOutput)
    .mutation(({ ctx, input: { patientId, ...rest } }) => submitPsfs(ctx.db, ctx.actor, patientId, rest, ctx.settings)),

  list: patientProcedure("measure.read")
    .input(listMeasuresInput)
    .output(measureListOutput)
    .query(({ ctx, input }) => listPatientMeasures(ctx.db, ctx.scope.patientId, input)),

  /** Trend charts: pain, adherence, CSS, PHQ-9, GAD-7, PSFS, with plan-change markers. */
  trends: patientProcedure("measure.read")
    .input(trendsInput)
    .output(measureTrendsOutput)
    .query(({ ctx, input }) => readMeasureTrends(ctx.db, ctx.scope.patientId, input, ctx.settings)),
} satisfies TRPCRouterRecord;
