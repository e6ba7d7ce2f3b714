
/**
 * "%" is a strength, not an amount: plans written before medications were recorded by agent used
 * it (a lidocaine "5%"), so stored entries may still carry it, but a new dose is never in %.
 */
export const DOSE_UNITS = ["mg", "mcg", "g", "ml", "patch", "application", "%"] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];
/** Units a new or changed dose may use. */
export const PRESCRIBABLE_UNITS = DOSE_UNITS.filter((u): u is Exclude<DoseUnit, "%"> => u !== "%");

export const MEDICATION_ROUTES = ["oral", "topical", "iv", "subcutaneous"] as const;
export type MedicationRoute = (typeof MEDICATION_ROUTES)[number];

export const ROUTE_LABELS: Record<MedicationRoute, string> = {
  oral: "oral",
  topical: "topical",
  iv: "IV",
  subcutaneous: "subcutaneous",
};

export function formatDose(value: number, unit: DoseUnit): string {
  if (unit === "%") return `${value}%`;
  if (unit === "patch") return `${value} ${value === 1 ? "patch" : "patches"}`;
  if (unit === "application") return `${value} ${value === 1 ? "application" : "applications"}`;
  return `${value} ${unit}`;
}

const TIMES = ["once", "twice", "three times", "four times", "five times", "six times"];

/** "once a day", "twice a day", "three times a day" … for a number of doses a day. */
export function timesADay(dosesPerDay: number): string {
  return `${TIMES[dosesPerDay - 1] ?? `${dosesPerDay} times`} a day`;
}
