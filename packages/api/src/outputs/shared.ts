import { z } from "zod";
import { ALERT_SEVERITIES, ALERT_SOURCE_KINDS, DISCIPLINES, EMAIL_DELIVERY_OUTCOMES } from "@concord/domain";

/** Pieces several routers answer with. Calendar dates and timestamps sent as text stay strings; Date objects are z.date(). */
export const disciplineOutput = z.enum(DISCIPLINES);

/** A time-zone answer: the zone times are shown in, the person's own choice (null: the clinic's), and the day it is there. */
export const viewerClockOutput = z.object({
  timeZone: z.string(),
  ownTimeZone: z.string().nullable(),
  clinicTimeZone: z.string(),
  today: z.string(),
});

/** Crisis numbers shown to a patient (PHQ-9 item 9, an open urgent alert). */
export const crisisResourcesOutput = z.object({
  heading: z.string(),
  message: z.string(),
  entries: z.array(z.object({ label: z.string(), number: z.string(), tel: z.string(), text: z.literal("call or text").optional() })),
});

/** What happened to the email an invitation sends. */
export const invitationDeliveryOutput = z.object({
  emailStatus: z.enum(EMAIL_DELIVERY_OUTCOMES),
  emailError: z.string().nullable(),
  expiresAt: z.date(),
});

export const rulesEvidenceOutput = z.array(z.object({ label: z.string(), value: z.union([z.string(), z.number()]) }));
export const alertSeverityOutput = z.enum(ALERT_SEVERITIES);
export const alertSourceKindOutput = z.enum(ALERT_SOURCE_KINDS).nullable();
