import type { TRPCRouterRecord } from "@trpc/server";
import { forbidden } from "@concord/domain";
import { globalProcedure, patientProcedure } from "../trpc";
import {
  carePlanCommentInput,
  carePlanCommentsInput,
  carePlanHistoryInput,
  carePlanMarkSeenInput,
  plansPastReviewInput,
  updateCarePlanInput,
} from "../use-cases/care-plan-inputs";
import { commentOnCarePlan } from "../use-cases/comment-on-care-plan";
import { listPlansPastReviewForClinician } from "../use-cases/list-plans-past-review";
import { getCarePlanComments, getCarePlanForEditing, getCarePlanHistory } from "../use-cases/read-care-plan";
import { updateCarePlan } from "../use-cases/update-care-plan";
import { markCarePlanSeenByActor, viewCarePlanAsPatient } from "../use-cases/view-care-plan-as-patient";

/** The shared care plan. Discipline ownership of each item is checked by the domain on every change. */
export const carePlanRouter = {
  get: patientProcedure("carePlan.read").query(({ ctx }) =>
    getCarePlanForEditing(ctx.db, ctx.scope.patientId, ctx.scope.facts.careTeamDiscipline, ctx.settings),
  ),

  history: patientProcedure("carePlan.history")
    .input(carePlanHistoryInput)
    .query(({ ctx, input }) => getCarePlanHistory(ctx.db, ctx.scope.patientId, input)),

  update: patientProcedure("carePlan.edit")
    .input(updateCarePlanInput)
    .mutation(({ ctx, input }) => {
      const discipline = ctx.scope.facts.careTeamDiscipline;
      // The permission already requires team membership; this keeps the type honest.
      if (!discipline) throw forbidden();
      return updateCarePlan(ctx.db, ctx.actor, discipline, ctx.scope.patientId, input, ctx.settings);
    }),

  comment: patientProcedure("carePlan.comment")
    .input(carePlanCommentInput)
    .mutation(({ ctx, input }) => commentOnCarePlan(ctx.db, ctx.actor, ctx.scope.patientId, input)),

  comments: patientProcedure("carePlan.read")
    .input(carePlanCommentsInput)
    .query(({ ctx, input }) => getCarePlanComments(ctx.db, ctx.scope.patientId, input)),

  patientView: patientProcedure("carePlan.read").query(({ ctx }) => viewCarePlanAsPatient(ctx.db, ctx.actor, ctx.scope.patientId, ctx.settings)),

  markSeen: patientProcedure("carePlan.markSeen")
    .input(carePlanMarkSeenInput)
    .mutation(({ ctx, input }) => markCarePlanSeenByActor(ctx.db, ctx.actor, ctx.scope.patientId, input.version)),

  pastReview: globalProcedure("carePlan.reviewList")
    .input(plansPastReviewInput)
    .query(({ ctx, input }) => listPlansPastReviewForClinician(ctx.db, ctx.actor, input, ctx.settings)),
} satisfies TRPCRouterRecord;
