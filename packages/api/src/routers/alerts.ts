import type { TRPCRouterRecord } from "@trpc/server";
import { acknowledgeAlertInput, listAlertsInput, patientQuestionsInput, worklistInput } from "@concord/domain";
import { globalProcedure, patientProcedure } from "../trpc";
import { acknowledgeAlert } from "../use-cases/acknowledge-alert";
import { countOpenAlerts } from "../use-cases/count-open-alerts";
import { listAlertWorklist } from "../use-cases/list-alert-worklist";
import { listPatientAlerts } from "../use-cases/list-patient-alerts";
import { listPatientQuestions } from "../use-cases/list-patient-questions";
import { alertAcknowledgedOutput, alertWorklistOutput, openAlertCountsOutput, patientAlertsOutput, patientQuestionWorklistOutput } from "../outputs/alerts";

export const alertsRouter = {
  list: patientProcedure("alert.read")
    .input(listAlertsInput)
    .output(patientAlertsOutput)
    .query(({ ctx, input }) => listPatientAlerts(ctx.db, ctx.scope.patientId, input)),

  acknowledge: patientProcedure("alert.acknowledge")
    .input(acknowledgeAlertInput)
    .output(alertAcknowledgedOutput)
    .mutation(({ ctx, input }) => acknowledgeAlert(ctx.db, ctx.actor, input)),

  /** Open alerts across the clinician's own care teams, urgent first. */
  worklist: globalProcedure("alert.worklist")
    .input(worklistInput)
    .output(alertWorklistOutput)
    .query(({ ctx, input }) => listAlertWorklist(ctx.db, ctx.actor, ctx.audit, input)),

  /** Open questions from patients on the clinician's own care teams, the longest-waiting first. */
  patientQuestions: globalProcedure("patientQuestion.worklist")
    .input(patientQuestionsInput)
    .output(patientQuestionWorklistOutput)
    .query(({ ctx, input }) => listPatientQuestions(ctx.db, ctx.actor, ctx.audit, input)),

  /** The numbers on the Worklist link: open urgent and review alerts over the clinician's own care teams. */
  counts: globalProcedure("alert.counts").output(openAlertCountsOutput).query(({ ctx }) => countOpenAlerts(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
