import { z } from "zod";
import { REVIEW_DUE_STATES, carePlanSchema } from "@concord/domain";

/** tasks.mine: the caller's own plan items due for review, earliest (overdue) first. */
export const myTasksOutput = z.object({
  /** The clinician's calendar day the list was read on, and the last day it reaches. */
  today: z.string(),
  until: z.string(),
  items: z.array(
    z.object({
      patientId: z.string(),
      patientName: z.string(),
      itemId: z.string(),
      name: z.string(),
      categoryLabel: z.string(),
      status: z.string(),
      nextReviewDate: z.string(),
      due: z.enum(REVIEW_DUE_STATES),
      /** Whole days late (overdue) or to go (soon); 0 today. */
      days: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** carePlanHistory.atVersion: the whole plan as one version left it, or null when that version predates kept plans. */
export const carePlanAtVersionOutput = z.object({
  version: z.number().int(),
  currentVersion: z.number().int(),
  createdAt: z.string(),
  summary: z.string(),
  authorName: z.string(),
  authorRole: z.string(),
  plan: carePlanSchema.nullable(),
  /** Names of the clinicians the plan names as responsible, by id. */
  names: z.record(z.string(), z.string()),
});
