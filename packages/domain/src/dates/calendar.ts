/**
 * Calendar days written "YYYY-MM-DD", with no time and no zone: a check-in, a review or a titration
 * step belongs to a day of the patient's own calendar, not to an instant. Which day it is *now* is a
 * question for a time zone (see zones.ts); everything here is plain day arithmetic on UTC day numbers,
 * so it never shifts across daylight-saving changes and string comparison orders days correctly.
 */

export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year, month and day of a YYYY-MM-DD string, or null when it is not written that way. */
export function dateParts(value: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** True for a real calendar day written YYYY-MM-DD (rejects 2023-02-29, 2024-13-01 and so on). */
export function isIsoDate(value: string): boolean {
  const parts = dateParts(value);
  if (!parts) return false;
  const { year, month, day } = parts;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${value}`);
}

/** Days since 1970-01-01. */
export function toDayNumber(date: CalendarDate): number {
  assertIsoDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(day: number): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The care plan's name for addDays. */
export const addCalendarDays = addDays;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Adds calendar months; a day past the end of the target month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  assertIsoDate(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The Monday that starts the ISO week containing `date`. */
export function isoWeekStart(date: CalendarDate): CalendarDate {
  const day = toDayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const offset = (((day + 3) % 7) + 7) % 7;
  return fromDayNumber(day - offset);
}

/** ISO week label, e.g. "2021-W01" for 2021-01-04 and "2020-W53" for 2021-01-01. */
export function isoWeekLabel(date: CalendarDate): string {
  const thursday = addDays(isoWeekStart(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
