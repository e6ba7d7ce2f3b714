import type { TRPCRouterRecord } from "@trpc/server";
import { carePlanAtVersionOutput, myTasksOutput } from "../outputs/tasks";
import { globalProcedure, patientProcedure } from "../trpc";
import { listMyTasksForClinician } from "../use-cases/list-my-tasks";
import { readCarePlanAtVersion } from "../use-cases/read-care-plan-at-version";
import { carePlanAtVersionInput, myTasksInput } from "../use-cases/tasks-inputs";

/** "My tasks": a clinician's own plan items due for review, from the care_plan_items projection. */
export const tasksRouter = {
  mine: globalProcedure("tasks.mine")
    .input(myTasksInput)
    .output(myTasksOutput)
    .query(({ ctx, input }) => listMyTasksForClinician(ctx.db, ctx.actor, ctx.audit, input, ctx.settings)),
} satisfies TRPCRouterRecord;

/** The plan's history, read as whole plans: "the plan as of version N". */
export const carePlanHistoryRouter = {
  atVersion: patientProcedure("carePlan.atVersion")
    .input(carePlanAtVersionInput)
    .output(carePlanAtVersionOutput)
    .query(({ ctx, input }) => readCarePlanAtVersion(ctx.db, ctx.scope.patientId, input.version)),
} satisfies TRPCRouterRecord;
