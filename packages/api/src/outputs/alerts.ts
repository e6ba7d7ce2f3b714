import { z } from "zod";
import { alertSeverityOutput, alertSourceKindOutput, rulesEvidenceOutput } from "./shared";

/** Decision-support alerts ("consider …", with the rule that fired) and the worklist of patient questions. */
export const patientAlertsOutput = z.object({
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      patientId: z.string(),
      ruleId: z.string(),
      severity: alertSeverityOutput,
      title: z.string(),
      logic: z.string(),
      consider: z.string(),
      message: z.string(),
      evidence: rulesEvidenceOutput,
      source: z.string().nullable(),
      notify: z.array(z.string()),
      dedupeKey: z.string(),
      sourceKind: alertSourceKindOutput,
      sourceId: z.string().nullable(),
      acknowledgeBy: z.date().nullable(),
      createdAt: z.date(),
      acknowledgedAt: z.date().nullable(),
      acknowledgedBy: z.string().nullable(),
      acknowledgementNote: z.string().nullable(),
      acknowledgedByName: z.string().nullable(),
      patientName: z.string(),
      patientPhone: z.string().nullable(),
    }),
  ),
});

export const alertAcknowledgedOutput = z.object({ id: z.string(), acknowledgedAt: z.date().nullable(), acknowledgementNote: z.string().nullable() });

export const alertWorklistOutput = z.object({
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      patientId: z.string(),
      patientName: z.string(),
      ruleId: z.string(),
      severity: alertSeverityOutput,
      title: z.string(),
      logic: z.string(),
      consider: z.string(),
      message: z.string(),
      evidence: rulesEvidenceOutput,
      notify: z.array(z.string()),
      source: z.string().nullable(),
      sourceKind: alertSourceKindOutput,
      acknowledgeBy: z.date().nullable(),
      createdAt: z.date(),
      patientPhone: z.string().nullable(),
    }),
  ),
});

export const patientQuestionWorklistOutput = z.object({
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      patientId: z.string(),
      patientName: z.string(),
      interventionId: z.string().nullable(),
      about: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const openAlertCountsOutput = z.object({ urgent: z.number().int(), review: z.number().int() });
