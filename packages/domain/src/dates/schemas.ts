import { z } from "zod";
import { MONTH_NAMES, dateParts, daysInMonth } from "./calendar";

/**
 * The one parser for calendar dates arriving from outside (forms, API input). A string that is not
 * a real day — 2023-02-30, 2024-13-01 — is refused here, with a message a person can act on, so it
 * never reaches the database (where it would fail as a server error).
 */

export const DATE_FORMAT_MESSAGE = "Dates must be real calendar days written as YYYY-MM-DD.";
export const CALENDAR_DATE_MESSAGE = "Use a calendar date such as 2026-03-01.";

export interface CalendarDateOptions {
  /**
   * What the date is, in words ("Date of birth"): the message then names the field and says what is
   * wrong with the value.
   */
  label?: string;
  /** One fixed message for every problem (kept for schemas whose wording callers already rely on). */
  message?: string;
}

/** Why `value` is not a calendar day, in the words of `label`; null when it is one. */
export function calendarDateProblem(value: unknown, label: string): string | null {
  if (typeof value !== "string" || value.trim() === "") return `${label} is missing: enter a date such as 2026-03-01.`;
  const parts = dateParts(value);
  if (!parts) return `${label} must be written as YYYY-MM-DD, for example 2026-03-01.`;
  const { year, month, day } = parts;
  // The calendar has no year 0 (1 BC is followed by AD 1), and PostgreSQL refuses it.
  if (year < 1) return `${label} ${value} is not a real calendar day: there is no year 0000.`;
  if (month < 1 || month > 12) return `${label} ${value} is not a real calendar day: there is no month ${String(month).padStart(2, "0")}.`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `${label} ${value} is not a real calendar day: ${MONTH_NAMES[month - 1]} ${year} has ${last} days.`;
  }
  return null;
}

/** A strict YYYY-MM-DD calendar-date schema. */
export function calendarDate(options: CalendarDateOptions = {}) {
  const label = options.label ?? "The date";
  return z.string({ error: options.message ?? calendarDateProblem(undefined, label) ?? CALENDAR_DATE_MESSAGE }).superRefine((value, ctx) => {
    const problem = calendarDateProblem(value, label);
    if (problem) ctx.addIssue({ code: "custom", message: options.message ?? problem });
  });
}

/** Plan dates (reviews, titration steps, procedures). */
export const calendarDateSchema = calendarDate({ message: CALENDAR_DATE_MESSAGE });
/** Progress dates (check-ins, measures, chart ranges). */
export const isoDateSchema = calendarDate({ message: DATE_FORMAT_MESSAGE });
