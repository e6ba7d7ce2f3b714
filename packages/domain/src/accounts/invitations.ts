import { z } from "zod";
import { safeString } from "../text";
import { timeZoneSchema } from "../clinic-settings";
import { calendarDate } from "../dates/index";
import { crpsCodeSchema, emailSchema, optionalPhoneSchema, personName, uuid } from "../patients";
import { type Role, STAFF_ROLES } from "../roles";
import type { AccountEmailStatus, UnusableLinkReason } from "./one-time-links";
import { passwordSchema } from "./password-inputs";
import { PASSWORD_MAX_LENGTH } from "./password-policy";

/**
 * Accounts are made by invitation: an admin (or, for a patient, a pain physician) names the person,
 * the person sets their own password through a one-time link. Nobody but the person ever types it.
 */

/** Roles an admin invites directly; a patient is registered with their record instead. */
export const staffRoleSchema = z.enum(STAFF_ROLES as [Exclude<Role, "patient">, ...Exclude<Role, "patient">[]], {
  error: "Choose a clinical role or Administrator (patients are registered with their record).",
});

const optionalTimeZone = timeZoneSchema.nullable().optional();

export const inviteUserInput = z.object({
  email: emailSchema,
  name: personName,
  role: staffRoleSchema,
  /** The zone the person reads times in; null or absent: the clinic's. */
  timeZone: optionalTimeZone,
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

export const MRN_MESSAGE = "A medical record number has 1 to 40 letters, digits, dots, dashes or slashes.";
/** The clinic's medical record number as the clinic writes it; an empty field means "none". */
export const optionalMrnSchema = safeString({ error: MRN_MESSAGE })
  .optional()
  .transform((v) => v?.trim() || undefined)
  .pipe(z.string().regex(/^[A-Za-z0-9./-]{1,40}$/, MRN_MESSAGE).optional());

export const registerPatientInput = z.object({
  /** Contact email: where the invitation goes, and the account's sign-in email. */
  email: emailSchema,
  name: personName,
  /** The zone of the patient's day (check-in dates, "this week"); null or absent: the clinic's. */
  timeZone: optionalTimeZone,
  patient: z
    .object({
      dateOfBirth: calendarDate({ label: "Date of birth" }),
      /** The limb follows from the ICD-10-CM code. */
      diagnosisCode: crpsCodeSchema,
      onsetDate: calendarDate({ label: "Onset date" }),
      phone: optionalPhoneSchema,
      mrn: optionalMrnSchema,
    })
    .refine((p) => p.onsetDate >= p.dateOfBirth, { message: "The onset date cannot be before the date of birth.", path: ["onsetDate"] }),
});
export type RegisterPatientInput = z.infer<typeof registerPatientInput>;

export const invitationUserInput = z.object({ userId: uuid });

/** A token as it arrives from a link: its shape is checked by the use case, so a forged one gets the "not valid" page, not a 400. */
export const invitationTokenInput = z.object({ token: safeString().max(200, "This link is not valid.") });

export const acceptInvitationInput = z
  .object({
    token: safeString().max(200, "This link is not valid."),
    /** The shared policy's account-free checks; the use case adds the invitee's own email and name. */
    password: passwordSchema,
    confirm: safeString().max(PASSWORD_MAX_LENGTH * 4),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords are not the same.", path: ["confirm"] });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

/** What an admin sees about a person's invitation. */
export const INVITATION_STATES = ["none", "pending", "sent", "not_sent", "expired", "revoked", "accepted"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export interface InvitationFacts {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  emailStatus: AccountEmailStatus;
}

/**
 * The state of a person's newest invitation at `now`. Accepted wins over everything (the person has a
 * password); a revoked or expired link is dead whatever its email did; a live link is "sent" only
 * once the mail server took it.
 */
export function invitationState(latest: InvitationFacts | null, now: Date = new Date()): InvitationState {
  if (!latest) return "none";
  if (latest.usedAt) return "accepted";
  if (latest.revokedAt) return "revoked";
  if (latest.expiresAt.getTime() <= now.getTime()) return "expired";
  if (latest.emailStatus === "failed") return "not_sent";
  if (latest.emailStatus === "pending") return "pending";
  return "sent";
}

/** Why an invitation link cannot be used, as the invitee reads it. */

export const UNUSABLE_LINK_MESSAGES: Record<UnusableLinkReason, string> = {
  invalid: "This link is not valid. Check that you copied the whole link, or ask your clinic to send a new one.",
  expired: "This link has expired. Ask your clinic to send a new one.",
  used: "This link was already used to set a password. Sign in with that password, or ask your clinic for a new link if you have forgotten it.",
  revoked: "This link was replaced or withdrawn by your clinic. Use the newest email you received, or ask your clinic to send a new one.",
  deactivated: "This account is not active. Ask your clinic for help.",
};
