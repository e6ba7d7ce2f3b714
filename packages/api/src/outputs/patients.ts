import { z } from "zod";
import { CRISIS_RESOURCE_REASONS, CRPS_STAGES, CRPS_TYPES, ROLES } from "@concord/domain";
import { crisisResourcesOutput, disciplineOutput, invitationDeliveryOutput, viewerClockOutput } from "./shared";

/** A diagnosis code with its words; a code outside the CRPS list keeps its code as the label and no type or limb. */
const diagnosisOutput = z.object({
  code: z.string(),
  label: z.string(),
  crpsType: z.enum(CRPS_TYPES).nullable(),
  limb: z.string().nullable(),
});
const stageOutput = z.enum(CRPS_STAGES);

export const registeredPatientOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  patientId: z.string(),
  invitation: invitationDeliveryOutput,
});

export const patientListOutput = z.object({
  nextCursor: z.string().nullable(),
  /** The days the pain series covers (the clinic's today the last), so a sparkline can place each day. */
  painWindow: z.object({ from: z.string(), to: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      dateOfBirth: z.string(),
      diagnosisCode: z.string(),
      onsetDate: z.string(),
      discipline: disciplineOutput,
      openUrgentAlerts: z.number().int(),
      openReviewAlerts: z.number().int(),
      diagnosis: diagnosisOutput,
      stage: stageOutput,
      lastCheckInDate: z.string().nullable(),
      lastPainAverage: z.number().int().nullable(),
      nextReviewDate: z.string().nullable(),
      /** Average pain per check-in day over the list's window, oldest first. */
      painSeries: z.array(z.object({ date: z.string(), pain: z.number().int() })),
      /** Home-programme adherence over the list's window (rounded for display), with how many days had data. */
      adherence: z.object({ percentage: z.number().int().nullable(), daysWithData: z.number().int(), daysInWindow: z.number().int() }),
    }),
  ),
});

/** patient.read admits the care team and the patient themself (and a clinician under emergency access, read-only). */
export const patientOutput = viewerClockOutput.extend({
  id: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  onsetDate: z.string(),
  phone: z.string().nullable(),
  diagnosis: diagnosisOutput,
  stage: stageOutput,
  viewerDiscipline: disciplineOutput.nullable(),
  emergencyAccessUntil: z.date().nullable(),
});

export const patientTimeZoneOutput = viewerClockOutput;

/** The patient's own "who has looked at my record", by day. */
export const recordAccessOutput = z.object({
  timeZone: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      entries: z.array(
        z.object({
          who: z.string(),
          role: z.string(),
          what: z.string(),
          times: z.number().int(),
          lastAt: z.string(),
          emergency: z.boolean(),
          reason: z.string().nullable(),
        }),
      ),
    }),
  ),
  nextBefore: z.string().nullable(),
});

/** Crisis resources while an urgent alert is open; never the alert itself. */
export const patientSafetyOutput = z.object({
  showCrisisResources: z.boolean(),
  resources: crisisResourcesOutput.nullable(),
  reason: z.enum(CRISIS_RESOURCE_REASONS).nullable(),
});

export const careTeamOutput = z.array(z.object({ clinicianId: z.string(), name: z.string(), discipline: disciplineOutput, active: z.boolean() }));
