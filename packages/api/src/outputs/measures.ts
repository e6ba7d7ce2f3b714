import { z } from "zod";
import { BUDAPEST_CATEGORIES, CHART_RESOLUTIONS, CSS_CHANGE_DIRECTIONS, CSS_ITEM_IDS, type CssItemId, GAD7_BAND_IDS, PHQ9_BAND_IDS, SUMMARY_TRENDS } from "@concord/domain";
import { crisisResourcesOutput } from "./shared";

/** A saved measure row: `result` is the measure's own scored answers, kept as the record the team reads. */
const measureOutput = z.object({
  id: z.string(),
  kind: z.string(),
  takenOn: z.string(),
  score: z.number().nullable(),
  result: z.record(z.string(), z.unknown()),
  recordedAt: z.date(),
});

const recordedFields = { measure: measureOutput, alertsRaised: z.number().int(), teamNotified: z.boolean() };

export const measureRecordedOutput = z.object(recordedFields);

const budapestCategory = z.enum(BUDAPEST_CATEGORIES);
export const budapestRecordedOutput = z.object({
  ...recordedFields,
  evaluation: z.object({
    symptomCategories: z.number().int(),
    signCategories: z.number().int(),
    symptomCategoriesTicked: z.array(budapestCategory),
    signCategoriesTicked: z.array(budapestCategory),
    clinicalCriteriaMet: z.boolean(),
    researchCriteriaMet: z.boolean(),
    explanation: z.string(),
  }),
});

export const cssRecordedOutput = z.object({
  ...recordedFields,
  score: z.object({
    total: z.number().int(),
    symptomCount: z.number().int(),
    signCount: z.number().int(),
    present: z.array(z.enum(CSS_ITEM_IDS as [CssItemId, ...CssItemId[]])),
  }),
  change: z.object({ change: z.number().nullable(), beyondMeasurementError: z.boolean(), direction: z.enum(CSS_CHANGE_DIRECTIONS).nullable() }),
  previous: z.object({ takenOn: z.string(), total: z.number().int() }).nullable(),
});

export const phq9SubmittedOutput = z.object({
  ...recordedFields,
  result: z.object({
    total: z.number().int(),
    band: z.enum(PHQ9_BAND_IDS),
    bandLabel: z.string(),
    item9: z.number().int(),
    selfHarmFlag: z.boolean(),
  }),
  crisisResources: crisisResourcesOutput.nullable(),
});

export const gad7SubmittedOutput = z.object({
  ...recordedFields,
  result: z.object({ total: z.number().int(), band: z.enum(GAD7_BAND_IDS), bandLabel: z.string() }),
});

export const psfsSubmittedOutput = z.object({ ...recordedFields, result: z.object({ score: z.number(), activityCount: z.number().int() }) });

export const measureListOutput = z.object({
  items: z.array(measureOutput.extend({ recordedByName: z.string(), recordedByRole: z.string() })),
  nextCursor: z.string().nullable(),
});

export const measureTrendsOutput = z.object({
  from: z.string(),
  to: z.string(),
  checkInDays: z.number().int(),
  series: z.record(z.string(), z.object({ resolution: z.enum(CHART_RESOLUTIONS), points: z.array(z.object({ date: z.string(), value: z.number() })) })),
  markers: z.array(z.object({ date: z.string(), labels: z.array(z.string()), label: z.string() })),
  /** The charts' time axis: first to last point in the window. */
  axis: z.object({ from: z.string(), to: z.string() }),
  /** One per day on the axis, each revision openable by version (clinicians' plan history). */
  planChanges: z.array(z.object({ date: z.string(), changes: z.array(z.object({ version: z.number().int(), label: z.string() })) })),
  /** The patient's plain-language summary (no diagnosis, no advice). */
  summary: z.array(
    z.object({
      label: z.string(),
      trend: z.enum(SUMMARY_TRENDS),
      firstWeek: z.number().nullable(),
      lastWeek: z.number().nullable(),
      text: z.string(),
    }),
  ),
});
