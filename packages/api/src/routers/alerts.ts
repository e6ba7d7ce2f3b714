import type { TRPCRouterRecord } from "@trpc/server";
import { acknowledgeAlertInput, listAlertsInput, worklistInput } from "@concord/domain";
import { listAlertsForPatient } from "@concord/db";
import { globalProcedure, patientProcedure } from "../trpc";
import { acknowledgeAlert } from "../use-cases/acknowledge-alert";
import { listAlertWorklist } from "../use-cases/list-alert-worklist";

export const alertsRouter = {
  list: patientProcedure("alert.read")
    .input(listAlertsInput)
    .query(({ ctx, input }) => listAlertsForPatient(ctx.db, ctx.scope.patientId, input)),

  acknowledge: patientProcedure("alert.acknowledge")
    .input(acknowledgeAlertInput)
    .mutation(({ ctx, input }) => acknowledgeAlert(ctx.db, ctx.actor, input)),

  /** Open alerts across the clinician's own care teams, urgent first. */
  worklist: globalProcedure("alert.worklist")
    .input(worklistInput)
    .query(({ ctx, input }) => listAlertWorklist(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
