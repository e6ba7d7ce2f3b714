import { z } from "zod";
import { CHECK_IN_RED_FLAGS, SIDE_EFFECT_REVIEW_STATUSES, THERAPY_CATEGORIES, adherenceEntrySchema, checkInSchema } from "@concord/domain";

/**
 * Check-ins as answered: the domain's check-in fields (its schema, without the refinements the
 * input needs) plus what the server adds. Built from the shape because a refined zod object
 * cannot be picked from or extended in place.
 */
const checkInFields = checkInSchema.shape;
const { date: _date, ...storedFields } = checkInFields;

const savedFields = { id: z.string(), version: z.number().int(), updatedAt: z.date(), adherencePercent: z.number().nullable() };

/** One day's check-in as saved (the patient's own form, the day's entry). */
export const presentedCheckInOutput = z.object({ ...checkInFields, ...savedFields });

/** A check-in for reading: each adherence entry named, the red flags answered yes and those asked. */
export const checkInForReadingOutput = z.object({
  ...checkInFields,
  ...savedFields,
  redFlags: z.array(z.enum(CHECK_IN_RED_FLAGS)),
  redFlagsAsked: z.array(z.enum(CHECK_IN_RED_FLAGS)),
  adherence: z.array(adherenceEntrySchema.extend({ name: z.string() })),
});

export const checkInFormOutput = z.object({
  date: z.string(),
  adherenceItems: z.array(z.object({ interventionId: z.string(), name: z.string(), category: z.enum(THERAPY_CATEGORIES) })),
  asksAboutProcedure: z.boolean(),
  existing: presentedCheckInOutput.nullable(),
});

export const checkInSavedOutput = z.object({
  checkIn: presentedCheckInOutput,
  alertsRaised: z.number().int(),
  redFlagAdvice: z.boolean(),
  teamNotified: z.boolean(),
  /** The emergency number to call now, after a red flag answered yes. */
  emergency: z.object({ number: z.string(), tel: z.string(), text: z.string() }).nullable(),
});

export const checkInOnDateOutput = presentedCheckInOutput.nullable();

export const checkInListOutput = z.object({ items: z.array(checkInForReadingOutput), nextCursor: z.string().nullable() });

const lookFields = { newSinceLastLook: z.boolean(), lastLookedAt: z.date().nullable() };
export const latestCheckInReviewOutput = z.union([
  z.object({ checkIn: z.null(), ...lookFields }),
  z.object({
    checkIn: checkInForReadingOutput,
    sideEffects: z.array(z.object({ checkInId: z.string(), interventionId: z.string(), text: z.string(), name: z.string() })),
    ...lookFields,
  }),
]);

const reviewStatusOutput = z.enum(SIDE_EFFECT_REVIEW_STATUSES);

export const sideEffectListOutput = z.array(
  z.object({
    id: z.string(),
    interventionId: z.string(),
    name: z.string(),
    reportedOn: z.string(),
    text: z.string(),
    reportedAt: z.date(),
    review: z.object({ status: reviewStatusOutput, note: z.string().nullable(), reviewedByName: z.string(), reviewedAt: z.date() }).nullable(),
  }),
);

export const sideEffectReviewedOutput = z.object({
  id: z.string(),
  reportId: z.string(),
  status: reviewStatusOutput,
  note: z.string().nullable(),
  reviewedAt: z.date(),
});

/** Every saved version of one day's check-in (the stored answers carry no date: the row does). */
export const checkInHistoryOutput = z.array(
  z.object({
    version: z.number().int(),
    data: z.object(storedFields),
    recordedAt: z.date(),
    recordedBy: z.string(),
    recordedByName: z.string(),
  }),
);
