import { z } from "zod";
import { optionalMrnSchema } from "../accounts/invitations";
import { calendarDate } from "../dates/index";
import { personName, uuid } from "../patients";
import { safeString } from "../text";

/**
 * Emergency access ("break the glass"): a clinician who is not on a patient's care team opens the
 * record in an emergency. It is read-only (only permissions listing the emergencyAccess audience, all
 * reads), lasts EMERGENCY_ACCESS_MINUTES, is audited with the reason, tells the care team and the
 * administrators at once, and waits on a review list until a compliance officer marks it reviewed.
 */
export const EMERGENCY_ACCESS_MINUTES = 60;

export const EMERGENCY_REASON_MIN = 15;
export const EMERGENCY_REASON_MAX = 1000;

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

/** Names compared as people type them: case, accents' composition and runs of spaces do not matter. */
export function normalizePersonName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

export function emergencyAccessExpiry(openedAt: Date): Date {
  return new Date(openedAt.getTime() + EMERGENCY_ACCESS_MINUTES * 60_000);
}

export const endEmergencyAccessInput = z.object({ id: uuid });

export const EMERGENCY_REVIEW_NOTE_MAX = 2000;

export const reviewEmergencyAccessInput = z.object({
  id: uuid,
  note: safeString({ error: "Write what the review found." })
    .trim()
    .min(1, "Write what the review found (for example: the reason matches an emergency department attendance).")
    .max(EMERGENCY_REVIEW_NOTE_MAX, `The note is too long (at most ${EMERGENCY_REVIEW_NOTE_MAX} characters).`),
});

/** The compliance review list: accesses still to review (oldest first), or those reviewed. */
export const EMERGENCY_ACCESS_REVIEW_STATUSES = ["waiting", "reviewed"] as const;
export type EmergencyAccessReviewStatus = (typeof EMERGENCY_ACCESS_REVIEW_STATUSES)[number];

export const emergencyAccessListInput = z.object({
  status: z.enum(EMERGENCY_ACCESS_REVIEW_STATUSES, { error: "Choose waiting or reviewed." }).default("waiting"),
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
