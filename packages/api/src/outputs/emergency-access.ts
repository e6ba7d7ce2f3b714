import { z } from "zod";

export const emergencyAccessOpenedOutput = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  expiresAt: z.date(),
  /** True when the clinician already held an open access to this patient (no new notification). */
  reopened: z.boolean(),
});

export const myEmergencyAccessesOutput = z.array(
  z.object({
    id: z.string(),
    patientId: z.string(),
    patientName: z.string(),
    reason: z.string(),
    openedAt: z.date(),
    expiresAt: z.date(),
    reviewedAt: z.date().nullable(),
  }),
);

export const emergencyAccessEndedOutput = z.object({ id: z.string(), endedAt: z.date() });
