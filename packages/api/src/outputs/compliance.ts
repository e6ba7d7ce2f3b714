import { z } from "zod";
import { AUDIT_OUTCOMES, ROLES } from "@concord/domain";

/** What the compliance officer's procedures answer: audit rows, emergency-access reviews, the deleted-message archive. */
export const auditLogPageOutput = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      at: z.date(),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      actorRole: z.string().nullable(),
      action: z.string(),
      outcome: z.enum(AUDIT_OUTCOMES),
      patientId: z.string().nullable(),
      patientName: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
  timeZone: z.string(),
});

export const auditExportOutput = z.object({ csv: z.string(), rows: z.number().int(), truncated: z.boolean(), filename: z.string() });

export const auditDirectoryOutput = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) })),
  patients: z.array(z.object({ id: z.string(), name: z.string(), dateOfBirth: z.string() })),
});

export const emergencyAccessReviewPageOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      patientId: z.string(),
      patientName: z.string(),
      clinicianId: z.string(),
      clinicianName: z.string(),
      clinicianRole: z.string(),
      reason: z.string(),
      openedAt: z.date(),
      expiresAt: z.date(),
      reviewedAt: z.date().nullable(),
      reviewerName: z.string().nullable(),
      reviewNote: z.string().nullable(),
      readsDuring: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const emergencyAccessReviewedOutput = z.object({ id: z.string(), reviewedAt: z.date() });

export const deletedMessagesPageOutput = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      messageId: z.number().int(),
      patientId: z.string(),
      patientName: z.string(),
      threadTitle: z.string(),
      authorName: z.string(),
      deletedByName: z.string().nullable(),
      body: z.string(),
      versions: z.array(z.object({ version: z.number().int(), body: z.string(), replacedAt: z.string() })),
      messageCreatedAt: z.date(),
      deletedAt: z.date(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
