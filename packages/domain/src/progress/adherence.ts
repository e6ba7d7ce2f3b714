import { invalid } from "../errors";
import type { AdherenceStatus } from "./check-in-questions";
import { addDays, daysBetween, isIsoDate } from "../dates/index";

/** Credit for each status. A day without a check-in is no data, never "skipped". */
export const ADHERENCE_CREDIT: Record<AdherenceStatus, number> = { done: 1, partly: 0.5, skipped: 0 };

/** The part of a check-in that adherence needs. */
export interface AdherenceCheckIn {
  date: string;
  adherence: ReadonlyArray<{ status: AdherenceStatus }>;
}

export interface AdherenceWindow {
  /** First and last day of the window, inclusive. */
  from: string;
  to: string;
  /** Mean credit across every reported entry, 0–100 (unrounded: round for display only); null with no data. */
  percentage: number | null;
  /** Days in the window with at least one adherence entry. */
  daysWithData: number;
  daysInWindow: number;
  /** Number of adherence entries counted. */
  entries: number;
}

function assertRange(from: string, to: string): void {
  if (!isIsoDate(from) || !isIsoDate(to)) throw invalid("Adherence window dates must be YYYY-MM-DD.");
  if (from > to) throw invalid("The adherence window must start on or before its end.");
}

/**
 * Keeps one check-in per date (the last one given wins, as when a patient edits the day's
 * check-in) within [from, to].
 */
export function latestCheckInPerDate<T extends { date: string }>(checkIns: readonly T[], from: string, to: string): Map<string, T> {
  const byDate = new Map<string, T>();
  for (const c of checkIns) if (c.date >= from && c.date <= to) byDate.set(c.date, c);
  return byDate;
}

/** Adherence over the days from `from` to `to` inclusive. */
export function adherenceOverWindow(checkIns: readonly AdherenceCheckIn[], from: string, to: string): AdherenceWindow {
  assertRange(from, to);
  let credit = 0;
  let entries = 0;
  let daysWithData = 0;
  for (const c of latestCheckInPerDate(checkIns, from, to).values()) {
    if (c.adherence.length === 0) continue;
    daysWithData++;
    for (const a of c.adherence) {
      credit += ADHERENCE_CREDIT[a.status];
      entries++;
    }
  }
  const daysInWindow = daysBetween(from, to) + 1;
  return { from, to, percentage: entries === 0 ? null : (credit / entries) * 100, daysWithData, daysInWindow, entries };
}

/**
 * Adherence in consecutive 7-day windows ending on `today` (inclusive), oldest first. The last
 * window is today and the 6 days before it. Check-ins after `today` are ignored.
 */
export function weeklyAdherence(checkIns: readonly AdherenceCheckIn[], today: string, weeks: number): AdherenceWindow[] {
  if (!isIsoDate(today)) throw invalid("Today's date must be YYYY-MM-DD.");
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) throw invalid("Weeks must be a whole number from 1 to 520.");
  const out: AdherenceWindow[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const to = addDays(today, -7 * w);
    out.push(adherenceOverWindow(checkIns, addDays(to, -6), to));
  }
  return out;
}
