import { type CalendarDate, dateParts } from "./calendar";
import type { Instant } from "./zones";

/**
 * The product's two display formats: a day is "1 Dec 2026"; a moment is "1 Dec 2026, 09:12 PST",
 * always in a named zone (the viewer's), so a clinician in New York and a patient in Los Angeles can
 * tell which clock a time is on.
 */

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "2026-12-12" → "12 Dec 2026". */
export function formatCalendarDate(date: CalendarDate): string {
  const parts = dateParts(date);
  if (!parts) return date;
  return `${parts.day} ${SHORT_MONTHS[parts.month - 1] ?? "?"} ${parts.year}`;
}

function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** The zone's short name at that instant: "PST", "EDT", "GMT+13", "UTC". */
export function timeZoneName(timeZone: string, at: Instant = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(toDate(at));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "America/Los_Angeles" → "America/Los Angeles (GMT-08:00)": a label for a list of zones. */
export function describeTimeZone(timeZone: string, at: Instant = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(toDate(at));
  const offset = parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  return `${timeZone.replaceAll("_", " ")}${offset ? ` (${offset})` : ""}`;
}

/**
 * Each zone's description, made once where the page is rendered: the browser's time-zone data can differ from
 * the server's (an offset rule changed in one release and not the other), so a list described on both sides
 * would not match when the page comes alive.
 */
export function describeTimeZones(timeZones: readonly string[], at: Instant = new Date()): Record<string, string> {
  return Object.fromEntries(timeZones.map((zone) => [zone, describeTimeZone(zone, at)]));
}

/** An instant in the viewer's zone, named: "1 Dec 2026, 09:12 PST". */
export function formatDateTime(instant: Instant, timeZone: string): string {
  const at = toDate(instant);
  if (Number.isNaN(at.getTime())) return "an unknown time";
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).formatToParts(at);
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const month = SHORT_MONTHS[Number(value("month")) - 1] ?? "?";
  return `${Number(value("day"))} ${month} ${value("year")}, ${value("hour")}:${value("minute")} ${value("timeZoneName")}`;
}
