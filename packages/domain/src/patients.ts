import { z } from "zod";
import { safeString } from "./text";
import { calendarDate } from "./dates/index";
import { disciplineSchema } from "./role-schemas";
import { DEFAULT_PATIENT_LIST_SORT, patientListSortSchema } from "./patient-list";
import { CRPS_CODES, type CrpsCode } from "./diagnosis";

// The browser-safe parts live in ./diagnosis; re-exported so this stays the place to import them from.
export { CRPS_CODES, CRPS_STAGES, CRPS_TYPES, type CrpsCode, type CrpsStage, type CrpsType, crpsStage, describeDiagnosis } from "./diagnosis";

export const crpsCodeSchema = z.enum(Object.keys(CRPS_CODES) as [CrpsCode, ...CrpsCode[]], {
  error: "Choose a CRPS diagnosis code (ICD-10-CM G90.5x, G56.4x or G57.7x).",
});

/** A strict calendar date (2023-02-30 is refused, not rolled over to 2 March). */
export const isoDate = calendarDate({ label: "The date" });

export const uuid = z.uuid({ error: "This identifier is not valid." });

export const patientIdInput = z.object({ patientId: uuid });

export const searchText = safeString().trim().max(100, "Search text is too long (at most 100 characters).");

export const patientListInput = z.object({
  search: searchText.optional(),
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  sort: patientListSortSchema.default(DEFAULT_PATIENT_LIST_SORT),
});

export const emailSchema = z.email({ error: "Enter a valid email address." }).max(254).transform((e) => e.toLowerCase());
export const personName = safeString().trim().min(1, "Enter a name.").max(120, "The name is too long (at most 120 characters).");

export const PHONE_MESSAGE = "Enter a phone number of 7 to 20 digits; it may also hold spaces, +, - and brackets, e.g. +1 415 555 0142.";
/**
 * A patient's contact phone as entered (so the team can read it back), limited to what a dialler
 * understands: digits, spaces, +, -, ( ) and 7–20 digits in all.
 */
export const phoneSchema = safeString({ error: PHONE_MESSAGE })
  .trim()
  .refine((v) => {
    // One check, so a bad number gets the message once.
    const digits = v.replace(/\D/g, "").length;
    return v.length <= 40 && /^\+?[0-9 ()-]+$/.test(v) && digits >= 7 && digits <= 20;
  }, PHONE_MESSAGE);

/** An optional phone from a form: an empty field means "no phone". */
export const optionalPhoneSchema = safeString({ error: PHONE_MESSAGE })
  .optional()
  .transform((v) => v?.trim() || undefined)
  .pipe(phoneSchema.optional());

// Accounts are created by invitation: see accounts/invitations.ts (inviteUserInput, registerPatientInput).

export const setUserActiveInput = z.object({ userId: uuid, active: z.boolean() });
export const assignCareTeamInput = z.object({ patientId: uuid, clinicianId: uuid });
export const removeCareTeamInput = assignCareTeamInput;
export const userListInput = z.object({
  search: searchText.optional(),
  cursor: safeString().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const careTeamMemberSchema = z.object({
  clinicianId: z.string(),
  name: z.string(),
  discipline: disciplineSchema,
});
