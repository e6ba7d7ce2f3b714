import { z } from "zod";

/**
 * Plan dates are calendar days (YYYY-MM-DD) without a time zone: a review or a procedure is due on
 * a day, not at an instant, and comparing them as strings is then both correct and cheap.
 */
export const calendarDateSchema = z.iso.date({ error: "Use a calendar date such as 2026-03-01." });
export type CalendarDate = z.infer<typeof calendarDateSchema>;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const DAY_MS = 86_400_000;

function toUtc(date: CalendarDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

/** "2026-12-12" → "12 Dec 2026". */
export function formatCalendarDate(date: CalendarDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1] ?? "?"} ${y}`;
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}
