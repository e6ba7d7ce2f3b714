import { z } from "zod";
import { timeZoneSchema } from "./clinic-settings";
import { uuid } from "./patients";

/**
 * Choosing a time zone: a name from the IANA list, or null for "the clinic's default" (which then
 * follows the clinic if it ever changes its own zone).
 */
export const timeZoneChoice = timeZoneSchema.nullable();

/** A signed-in person chooses their own zone (for a patient, also the zone of their day). */
export const setOwnTimeZoneInput = z.object({ timeZone: timeZoneChoice });
export type SetOwnTimeZoneInput = z.infer<typeof setOwnTimeZoneInput>;

/** The care team (or an administrator) sets the zone of a patient's day. */
export const setPatientTimeZoneInput = z.object({ patientId: uuid, timeZone: timeZoneChoice });
export type SetPatientTimeZoneInput = z.infer<typeof setPatientTimeZoneInput>;
