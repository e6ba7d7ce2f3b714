import { z } from "zod";
import { safeString } from "../text";

/** Who a plan text is worded for: a clinician (clinical terms) or the patient (plain language). */
export type PlanReader = "clinician" | "patient";

/**
 * Field builders that carry one clinician-readable message for every way a value can be wrong
 * (missing, wrong type, out of range), so a failed parse never surfaces zod's generic wording.
 */
export function wholeNumberBetween(min: number, max: number, message: string) {
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export function numberBetween(min: number, max: number, message: string) {
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export function requiredText(minLength: number, maxLength: number, message: string) {
  return safeString({ error: message }).trim().min(minLength, { error: message }).max(maxLength, { error: message });
}

/** The first issue's message: one thing to fix at a time reads better than a list of paths. */
export function firstIssueMessage(error: z.ZodError, fallback = "Check the values entered."): string {
  return error.issues[0]?.message ?? fallback;
}
