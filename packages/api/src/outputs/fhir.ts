import { z } from "zod";
import { CRPS_TYPES, DISCIPLINES, MEASURE_KINDS, carePlanSchema, isoDateSchema, patientIdInput, safeString } from "@concord/domain";

/*
 * The FHIR read models: what the @concord/fhir mappers read. The input schemas sit here, beside
 * the outputs, because they exist only for the FHIR route (the domain's inputs are the app's).
 */

export const FHIR_RECORD_LIMITS = { checkIns: 100, measures: 100, alerts: 100, sharedThreads: 20, messagesPerThread: 50 } as const;

const fhirPatient = z.object({
  id: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  onsetDate: z.string(),
  mrn: z.string().nullable(),
  phone: z.string().nullable(),
  diagnosis: z.object({ code: z.string(), label: z.string(), crpsType: z.enum(CRPS_TYPES).nullable(), limb: z.string().nullable() }),
});
const fhirCheckIn = z.object({ id: z.string(), date: z.string(), painNow: z.number().int(), painAverage: z.number().int(), painWorst: z.number().int(), updatedAt: z.string() });
const fhirMeasure = z.object({ id: z.string(), kind: z.string(), takenOn: z.string(), score: z.number().nullable(), recordedAt: z.string() });
const fhirAlert = z.object({ id: z.string(), severity: z.string(), title: z.string(), createdAt: z.string(), acknowledgedAt: z.string().nullable() });

export const fhirPatientRecordOutput = z.object({
  patient: fhirPatient,
  careTeam: z.array(z.object({ clinicianId: z.string(), name: z.string(), discipline: z.enum(DISCIPLINES), active: z.boolean() })),
  carePlan: carePlanSchema.nullable(),
  /** The newest check-ins and measures (up to FHIR_RECORD_LIMITS); `more` says whether older ones exist. */
  checkIns: z.array(fhirCheckIn),
  measures: z.array(fhirMeasure),
  /** null for the patient themself: alerts are the team's decision support. */
  alerts: z.array(fhirAlert).nullable(),
  more: z.object({ checkIns: z.boolean(), measures: z.boolean(), alerts: z.boolean() }),
});

export const fhirObservationsInput = patientIdInput.extend({
  /** Check-ins carry the pain scores; measures the questionnaires and examinations. */
  source: z.enum(["checkIns", "measures"]),
  kind: z.enum(MEASURE_KINDS).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  cursor: safeString().max(300).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const fhirObservationsOutput = z.object({
  checkIns: z.array(fhirCheckIn),
  measures: z.array(fhirMeasure),
  nextCursor: z.string().nullable(),
});

/** Messages of the threads shared with the patient (never the team-only space), oldest first in each thread. */
export const fhirCommunicationsOutput = z.object({
  communications: z.array(
    z.object({
      id: z.number().int(),
      threadId: z.string(),
      threadTitle: z.string(),
      authorName: z.string(),
      fromPatient: z.boolean(),
      body: z.string(),
      sentAt: z.string(),
      previousId: z.number().int().nullable(),
    }),
  ),
});
