import { z } from "zod";
import { GOAL_IDS, INTERVENTION_STATUSES, THREAD_SPACES } from "@concord/domain";
import { alertSeverityOutput } from "./shared";

const summaryItemOutput = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  status: z.enum(INTERVENTION_STATUSES),
  nextReviewDate: z.string().nullable(),
});

/** The clinician's one-screen summary (patient.summary.read: the care team, or under emergency access). */
export const patientSummaryOutput = z.object({
  hasPlan: z.boolean(),
  planReviewDueAt: z.string().nullable(),
  medications: z.array(summaryItemOutput.extend({ dose: z.string().nullable() })),
  goals: z.array(z.object({ goalId: z.enum(GOAL_IDS), label: z.string(), interventions: z.array(summaryItemOutput) })),
  openAlerts: z.object({
    items: z.array(z.object({ id: z.string(), severity: alertSeverityOutput, title: z.string(), consider: z.string(), createdAt: z.date() })),
    urgentTotal: z.number().int(),
    total: z.number().int(),
  }),
  nextReview: z.object({ itemId: z.string(), name: z.string(), date: z.string() }).nullable(),
  messagesVisible: z.boolean(),
  recentMessages: z.array(
    z.object({
      id: z.number().int(),
      threadId: z.string(),
      threadTitle: z.string(),
      space: z.enum(THREAD_SPACES),
      author: z.string(),
      body: z.string(),
      createdAt: z.date(),
    }),
  ),
});
