import type { TRPCRouterRecord } from "@trpc/server";
import { answerPatientQuestionInput, lastEventIdInput, markPatientQuestionHandledInput } from "@concord/domain";
import { checkedEvents } from "../outputs/events";
import { planEventStream } from "../realtime/plan-stream";
import { globalProcedure, patientProcedure } from "../trpc";
import {
  carePlanCommentInput,
  carePlanCommentsInput,
  carePlanHistoryInput,
  carePlanMarkSeenInput,
  plansPastReviewInput,
  updateCarePlanInput,
} from "../use-cases/care-plan-inputs";
import { answerPatientQuestion } from "../use-cases/answer-patient-question";
import { commentOnCarePlan } from "../use-cases/comment-on-care-plan";
import { listCarePlanCommentsWithQuestions } from "../use-cases/list-care-plan-comments";
import { listPlansPastReviewForClinician } from "../use-cases/list-plans-past-review";
import { markPatientQuestionHandled } from "../use-cases/mark-patient-question-handled";
import { getCarePlanForEditing, getCarePlanHistory } from "../use-cases/read-care-plan";
import { updateCarePlan } from "../use-cases/update-care-plan";
import { markCarePlanSeenByActor, viewCarePlanAsPatient } from "../use-cases/view-care-plan-as-patient";
import { carePlanCommentedOutput, carePlanEventOutput, carePlanCommentsOutput, carePlanForEditingOutput, carePlanHistoryOutput, carePlanSeenOutput, carePlanUpdatedOutput, patientCarePlanOutput, plansPastReviewOutput, questionAnsweredOutput, questionHandledOutput } from "../outputs/care-plan";

/** The shared care plan. Discipline ownership of each item is checked by the domain on every change. */
export const carePlanRouter = {
  get: patientProcedure("carePlan.readFull").output(carePlanForEditingOutput).query(({ ctx }) =>
    getCarePlanForEditing(ctx.db, ctx.scope.patientId, ctx.scope.facts.careTeamDiscipline, ctx.settings),
  ),

  history: patientProcedure("carePlan.history")
    .input(carePlanHistoryInput)
    .output(carePlanHistoryOutput)
    .query(({ ctx, input }) => getCarePlanHistory(ctx.db, ctx.scope.patientId, input)),

  update: patientProcedure("carePlan.edit")
    .input(updateCarePlanInput)
    .output(carePlanUpdatedOutput)
    .mutation(({ ctx, input }) => updateCarePlan(ctx.db, ctx.actor, ctx.scope.facts.careTeamDiscipline, ctx.scope.patientId, input, ctx.settings)),

  /** Live "the plan changed" for the team's plan page (SSE); re-authorized before every batch. */
  events: patientProcedure("carePlan.readFull")
    .meta({ permission: "carePlan.readFull", events: carePlanEventOutput })
    .input(lastEventIdInput)
    .subscription(({ ctx, input, signal, path }) =>
      checkedEvents(
        carePlanEventOutput,
        path,
        planEventStream({ db: ctx.db, bus: ctx.events, actor: ctx.actor, sessionId: ctx.sessionId, scope: ctx.scope, lastEventId: input.lastEventId, signal }),
      ),
    ),

  comment: patientProcedure("carePlan.comment")
    .input(carePlanCommentInput)
    .output(carePlanCommentedOutput)
    .mutation(({ ctx, input }) => commentOnCarePlan(ctx.db, ctx.actor, ctx.scope.patientId, input)),

  comments: patientProcedure("carePlan.read")
    .input(carePlanCommentsInput)
    .output(carePlanCommentsOutput)
    .query(({ ctx, input }) => listCarePlanCommentsWithQuestions(ctx.db, ctx.scope.patientId, input)),

  /** A clinician on the team answers the patient's question with a reply comment; it leaves the worklist. */
  answerQuestion: patientProcedure("patientQuestion.answer")
    .input(answerPatientQuestionInput)
    .output(questionAnsweredOutput)
    .mutation(({ ctx, input }) => answerPatientQuestion(ctx.db, ctx.actor, ctx.scope.patientId, input, ctx.settings)),

  /** Settles the patient's question without a written answer (e.g. dealt with at the visit). */
  markQuestionHandled: patientProcedure("patientQuestion.markHandled")
    .input(markPatientQuestionHandledInput)
    .output(questionHandledOutput)
    .mutation(({ ctx, input }) => markPatientQuestionHandled(ctx.db, ctx.actor, ctx.scope.patientId, input, ctx.settings)),

  patientView: patientProcedure("carePlan.read").output(patientCarePlanOutput).query(({ ctx }) => viewCarePlanAsPatient(ctx.db, ctx.actor, ctx.scope.patientId, ctx.settings)),

  markSeen: patientProcedure("carePlan.markSeen")
    .input(carePlanMarkSeenInput)
    .output(carePlanSeenOutput)
    .mutation(({ ctx, input }) => markCarePlanSeenByActor(ctx.db, ctx.actor, ctx.scope.patientId, input.version)),

  pastReview: globalProcedure("carePlan.reviewList")
    .input(plansPastReviewInput)
    .output(plansPastReviewOutput)
    .query(({ ctx, input }) => listPlansPastReviewForClinician(ctx.db, ctx.actor, ctx.audit, input, ctx.settings)),
} satisfies TRPCRouterRecord;
