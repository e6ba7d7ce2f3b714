import { z } from "zod";

/**
 * Settings of one Concord deployment that change what people see: the clinic's time zone (the
 * default for patients and staff who have not chosen one) and the region whose crisis resources
 * patients are shown. Passed explicitly to every use case that needs them (through the tRPC
 * context), never read from a module-level variable.
 */
export const CRISIS_REGIONS = ["us", "uk-ie", "generic"] as const;
export type CrisisRegion = (typeof CRISIS_REGIONS)[number];

/** True for a time zone name the runtime knows (IANA, e.g. "America/Los_Angeles"). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TIME_ZONE_MESSAGE = "Choose a time zone from the list, such as America/Los_Angeles or Europe/London.";
export const timeZoneSchema = z.string({ error: TIME_ZONE_MESSAGE }).trim().refine(isTimeZone, { error: TIME_ZONE_MESSAGE });

export const clinicSettingsSchema = z.object({
  timeZone: timeZoneSchema,
  crisisRegion: z.enum(CRISIS_REGIONS),
  /** The emergency number for the "generic" region (112 across the EU). */
  emergencyNumber: z
    .string()
    .trim()
    .regex(/^[0-9+ ]{2,20}$/, { error: "The emergency number may hold digits, spaces and +." })
    .default("112"),
  /** The clinic's own crisis contact, shown with the generic region's resources when set. */
  clinicCrisisPhone: z
    .string()
    .trim()
    .regex(/^[0-9+() -]{3,30}$/, { error: "The clinic crisis phone may hold digits, spaces, +, ( ) and -." })
    .optional(),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
