import { z } from "zod";
import { addDays } from "./dates/index";
import { type AdherenceCheckIn, type AdherenceWindow, adherenceOverWindow } from "./progress/adherence";

/**
 * The clinician's patient list ("My patients"): its sort orders and the windows its columns cover.
 * The list query and the page both read these, so a window is stated once.
 */
export const PATIENT_LIST_SORTS = ["urgent", "name", "lastCheckIn", "pain", "alerts", "nextReview"] as const;
export type PatientListSort = (typeof PATIENT_LIST_SORTS)[number];
/** Urgent first is the default: a patient with an open urgent alert is never below the fold by accident. */
export const DEFAULT_PATIENT_LIST_SORT: PatientListSort = "urgent";
export const patientListSortSchema = z.enum(PATIENT_LIST_SORTS, { error: "Choose how to sort the list." });

export const PATIENT_LIST_SORT_LABELS: Record<PatientListSort, string> = {
  urgent: "Urgent first",
  name: "Name",
  lastCheckIn: "Last check-in (most recent first)",
  pain: "Latest average pain (highest first)",
  alerts: "Open alerts (most first)",
  nextReview: "Next review (soonest first)",
};

/** Days of average pain the list's sparkline covers, today included. */
export const PATIENT_LIST_PAIN_DAYS = 30;
/** Days of home-programme adherence the list shows, today included. */
export const PATIENT_LIST_ADHERENCE_DAYS = 14;

/** First day of a window of `days` days ending on `today` (inclusive). */
export function windowStart(today: string, days: number): string {
  return addDays(today, -(days - 1));
}

/**
 * Home-programme adherence for the list: the domain's adherence rule (done 1, partly ½, skipped 0, a day
 * without a check-in is no data) over the last PATIENT_LIST_ADHERENCE_DAYS days.
 */
export function recentAdherence(checkIns: readonly AdherenceCheckIn[], today: string): AdherenceWindow {
  return adherenceOverWindow(checkIns, windowStart(today, PATIENT_LIST_ADHERENCE_DAYS), today);
}

/** "Average pain over 30 days: 7 → 5", or the one value, or none: the sparkline's text alternative. */
export function describePainTrend(points: ReadonlyArray<{ date: string; pain: number }>, days: number = PATIENT_LIST_PAIN_DAYS): string {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return `No pain reported in the last ${days} days`;
  if (sorted.length === 1) return `Average pain over ${days} days: ${first.pain} (one check-in)`;
  return `Average pain over ${days} days: ${first.pain} → ${last.pain} (${sorted.length} check-ins)`;
}
