import { z } from "zod";
import { GOAL_IDS, GOAL_STATUSES, PLAN_DIFF_KINDS, QUESTION_STATES, carePlanSchema } from "@concord/domain";
import { disciplineOutput } from "./shared";

/** One entry of a revision's diff, keyed by ids ("interventions.iv-1.details.dose"). */
const planDiffEntryOutput = z.object({
  path: z.string(),
  kind: z.enum(PLAN_DIFF_KINDS),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  label: z.string(),
});

/** The full plan for the team's editing page: the plan itself is the domain's care-plan schema. */
export const carePlanForEditingOutput = z.object({
  exists: z.boolean(),
  version: z.number().int(),
  plan: carePlanSchema,
  today: z.string(),
  pastReview: z.boolean(),
  firstReviewAfterDays: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  team: z.array(z.object({ clinicianId: z.string(), name: z.string(), discipline: disciplineOutput })),
  names: z.record(z.string(), z.string()),
  viewerDiscipline: disciplineOutput.nullable(),
});

export const carePlanHistoryOutput = z.object({
  currentVersion: z.number().int(),
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      version: z.number().int(),
      createdAt: z.string(),
      summary: z.string(),
      diff: z.array(planDiffEntryOutput),
      authorName: z.string(),
      authorRole: z.string(),
    }),
  ),
});

export const carePlanUpdatedOutput = z.object({
  version: z.number().int(),
  summary: z.string(),
  diff: z.array(planDiffEntryOutput),
  plan: carePlanSchema,
});

export const carePlanCommentedOutput = z.object({ id: z.string(), createdAt: z.string(), about: z.string().nullable(), question: z.boolean() });

export const carePlanCommentsOutput = z.object({
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      interventionId: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
      authorName: z.string(),
      authorRole: z.string(),
      replyToId: z.string().nullable(),
      question: z
        .object({
          state: z.enum(QUESTION_STATES),
          resolvedByName: z.string().nullable(),
          resolvedAt: z.string().nullable(),
          answer: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});

export const questionAnsweredOutput = z.object({ questionId: z.string(), answerId: z.string(), resolvedAt: z.string() });
export const questionHandledOutput = z.object({ questionId: z.string(), resolvedAt: z.string() });

const patientActionOutput = z.object({
  interventionId: z.string(),
  name: z.string(),
  action: z.string(),
  instructions: z.string().nullable(),
  nextStep: z.string().nullable(),
  about: z.string().nullable(),
  responsible: z.string(),
  patientLed: z.boolean(),
  alsoHelps: z.array(z.string()),
});

/**
 * The plan as the patient reads it: only the patient-view fields (no team notes, stop reasons,
 * doses as numbers, clinician ids or diffs). Anything else the use case computed is stripped here.
 */
export const patientCarePlanViewOutput = z.object({
  patientId: z.string(),
  version: z.number().int(),
  reviewDue: z.string(),
  actions: z.array(patientActionOutput),
  goals: z.array(
    z.object({
      goalId: z.enum(GOAL_IDS),
      label: z.string(),
      status: z.enum(GOAL_STATUSES).nullable(),
      targets: z.array(z.string()),
      actions: z.array(patientActionOutput),
      onHold: z.array(z.string()),
    }),
  ),
  upcoming: z.array(z.object({ interventionId: z.string(), date: z.string(), dateLabel: z.string(), inDays: z.number().int(), what: z.string() })),
  changes: z.object({
    firstLook: z.boolean(),
    unseen: z.boolean(),
    items: z.array(z.object({ summary: z.string(), createdAt: z.string() })),
  }),
});

export const patientCarePlanOutput = z.discriminatedUnion("exists", [
  z.object({ exists: z.literal(false), view: z.null() }),
  z.object({ exists: z.literal(true), view: patientCarePlanViewOutput }),
]);

export const carePlanSeenOutput = z.object({ lastSeenVersion: z.number().int() });

export const plansPastReviewOutput = z.object({
  today: z.string(),
  nextCursor: z.string().nullable(),
  items: z.array(z.object({ patientId: z.string(), patientName: z.string(), reviewDueAt: z.string(), version: z.number().int() })),
});

/** One live event of carePlan.events: the plan moved on (ids and names only, no plan content). */
export const carePlanEventOutput = z.object({
  kind: z.literal("plan.updated"),
  version: z.number().int(),
  authorName: z.string(),
  authorDiscipline: z.string().nullable(),
  byYou: z.boolean(),
});
