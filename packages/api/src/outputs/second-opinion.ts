import { z } from "zod";
import { CHART_RESOLUTIONS, CRPS_STAGES, INTERVENTION_STATUSES, SIDE_EFFECT_SEVERITIES } from "@concord/domain";

const point = z.object({ date: z.string(), value: z.number() });

/** The second-opinion summary the PDF is drawn from (patients.secondOpinion). */
export const secondOpinionOutput = z.object({
  generatedOn: z.string(),
  forPatient: z.boolean(),
  patient: z.object({
    name: z.string(),
    dateOfBirth: z.string(),
    onsetDate: z.string(),
    stage: z.enum(CRPS_STAGES),
    diagnosis: z.object({ code: z.string(), label: z.string(), crpsType: z.string().nullable(), limb: z.string().nullable() }),
  }),
  careTeam: z.array(z.object({ name: z.string(), discipline: z.string() })),
  medications: z.array(
    z.object({
      name: z.string(),
      status: z.enum(INTERVENTION_STATUSES),
      startDate: z.string().nullable(),
      currentDose: z.string(),
      dosesPerDay: z.number().int().nullable(),
      route: z.string(),
      stopReason: z.string().nullable(),
      doseChanges: z.array(z.object({ date: z.string(), text: z.string() })),
      responses: z.array(z.object({ date: z.string(), pain: z.number(), note: z.string() })),
      sideEffects: z.array(z.object({ date: z.string(), name: z.string(), severity: z.enum(SIDE_EFFECT_SEVERITIES) })),
      bestResponse: z.object({ pain: z.number(), date: z.string(), dose: z.string().nullable() }).nullable(),
    }),
  ),
  interventions: z.array(
    z.object({
      name: z.string(),
      category: z.string(),
      status: z.enum(INTERVENTION_STATUSES),
      startDate: z.string().nullable(),
      goals: z.array(z.string()),
      outcome: z.string().nullable(),
    }),
  ),
  scores: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      max: z.number(),
      latest: z.object({ score: z.number().nullable(), takenOn: z.string() }).nullable(),
      trend: z.array(point),
    }),
  ),
  pain: z.object({ resolution: z.enum(CHART_RESOLUTIONS), points: z.array(point) }),
  /** null in the patient's own copy (alerts are the team's decision support). */
  openAlerts: z.array(z.object({ severity: z.string(), title: z.string(), consider: z.string(), raisedAt: z.string() })).nullable(),
});
