import { z } from "zod";
import { INT4_MAX, commentBodySchema, planCommandSchema, uuid } from "@concord/domain";

/** Procedure inputs for the care plan; `patientId` is merged in by patientProcedure. */
const cursor = z.string().max(200).optional();

export const carePlanVersionField = z
  .number({ error: "Send the plan version you were editing." })
  .int({ error: "The plan version is a whole number." })
  .min(0, { error: "The plan version cannot be negative." })
  .max(INT4_MAX, { error: "The plan version is not valid." });

export const updateCarePlanInput = z.object({ expectedVersion: carePlanVersionField, command: planCommandSchema });
export type UpdateCarePlanInput = z.infer<typeof updateCarePlanInput>;

export const carePlanHistoryInput = z.object({ cursor, limit: z.number().int().min(1).max(50).default(20) });

export const carePlanCommentInput = z.object({
  interventionId: z.string().trim().min(1).max(100).optional(),
  body: commentBodySchema,
});

export const carePlanCommentsInput = z.object({ cursor, limit: z.number().int().min(1).max(100).default(50) });

export const carePlanMarkSeenInput = z.object({ version: carePlanVersionField });

export const plansPastReviewInput = z.object({
  /** Restrict to these patients (e.g. the page of "My patients" on screen): one query, no N+1. */
  patientIds: z.array(uuid).max(100, { error: "Ask for at most 100 patients at a time." }).optional(),
  cursor,
  limit: z.number().int().min(1).max(100).default(50),
});
