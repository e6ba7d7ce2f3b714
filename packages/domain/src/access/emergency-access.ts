import { z } from "zod";
import { optionalMrnSchema } from "../accounts/invitations";
import { calendarDate } from "../dates/index";
import { personName, uuid } from "../patients";
import { safeString } from "../text";
import { EMERGENCY_ACCESS_REVIEW_STATUSES, EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN, EMERGENCY_REVIEW_NOTE_MAX } from "./emergency-access-rules";

// The browser-safe parts live in ./emergency-access-rules; re-exported so this stays the place to import them from.
export * from "./emergency-access-rules";

/**
 * The clinician names the patient as an emergency department would: full name and date of birth,
 * with the medical record number when they have it (then it must match too). No list or search is
 * offered: the record opens only for an exact match, so the form reveals nothing about who is a
 * patient here beyond what the clinician already knows.
 */
export const openEmergencyAccessInput = z.object({
  name: personName,
  dateOfBirth: calendarDate({ label: "Date of birth" }),
  mrn: optionalMrnSchema,
  reason: safeString({ error: "Say why you need this record now." })
    .trim()
    .min(EMERGENCY_REASON_MIN, `Say why you need this record now, in at least ${EMERGENCY_REASON_MIN} characters (it is kept with the access and shown to the patient).`)
    .max(EMERGENCY_REASON_MAX, `The reason is too long (at most ${EMERGENCY_REASON_MAX} characters).`),
});
export type OpenEmergencyAccessInput = z.infer<typeof openEmergencyAccessInput>;

export const endEmergencyAccessInput = z.object({ id: uuid });

export const reviewEmergencyAccessInput = z.object({
  id: uuid,
  note: safeString({ error: "Write what the review found." })
    .trim()
    .min(1, "Write what the review found (for example: the reason matches an emergency department attendance).")
    .max(EMERGENCY_REVIEW_NOTE_MAX, `The note is too long (at most ${EMERGENCY_REVIEW_NOTE_MAX} characters).`),
});

export const emergencyAccessListInput = z.object({
  status: z.enum(EMERGENCY_ACCESS_REVIEW_STATUSES, { error: "Choose waiting or reviewed." }).default("waiting"),
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
