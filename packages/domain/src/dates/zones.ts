import { type CalendarDate, addDays, dateParts, isIsoDate, isoWeekStart } from "./calendar";

/**
 * Instants and calendar days in an IANA time zone. "Today" is always someone's today: the patient's
 * own zone decides which day a check-in, "this week" or a titration step belongs to, and the viewer's
 * zone decides how a time is shown. Nothing here reads the machine's own zone.
 */

export type Instant = Date | string | number;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

function partsFormatter(timeZone: string) {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(format: Intl.DateTimeFormat, at: Date): WallClock {
  const parts = format.formatToParts(at);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { year: value("year"), month: value("month"), day: value("day"), hour: value("hour"), minute: value("minute"), second: value("second") };
}

function dateOf(clock: WallClock): CalendarDate {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** The calendar day an instant falls on in `timeZone`. */
export function localDateOf(instant: Instant, timeZone: string): CalendarDate {
  const at = toDate(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError("Not a valid instant");
  return dateOf(wallClock(partsFormatter(timeZone), at));
}

/** The calendar day (YYYY-MM-DD) it is now in `timeZone`. */
export function todayInZone(timeZone: string, now: Date = new Date()): CalendarDate {
  return localDateOf(now, timeZone);
}

/** Minutes the zone is ahead of UTC at that instant (−480 for Los Angeles in winter, +780 for Auckland in summer). */
export function zoneOffsetMinutes(instant: Instant, timeZone: string): number {
  const at = toDate(instant);
  const c = wallClock(partsFormatter(timeZone), at);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / MINUTE_MS);
}

/**
 * The first instant of a calendar day in `timeZone`. Usually local midnight; on a day whose midnight
 * is skipped by a daylight-saving change (Santiago, Havana) it is the first minute that exists.
 */
export function startOfLocalDay(date: CalendarDate, timeZone: string): Date {
  const parts = dateParts(date);
  if (!parts || !isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${date}`);
  const format = partsFormatter(timeZone);
  const utcMidnight = Date.UTC(parts.year, parts.month - 1, parts.day);
  // Every zone's offset lies within UTC−12…UTC+14, so the day starts inside this window. Search it
  // by the minute for the first instant whose local day is `date` (or later).
  let low = Math.floor((utcMidnight - 14 * HOUR_MS) / MINUTE_MS);
  let high = Math.ceil((utcMidnight + 12 * HOUR_MS) / MINUTE_MS);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (dateOf(wallClock(format, new Date(mid * MINUTE_MS))) >= date) high = mid;
    else low = mid + 1;
  }
  return new Date(low * MINUTE_MS);
}

/** The Monday that starts the local week (ISO weeks) containing the instant in `timeZone`. */
export function localWeekStart(instant: Instant, timeZone: string): CalendarDate {
  return isoWeekStart(localDateOf(instant, timeZone));
}

/** The first instant and the end (exclusive) of the local calendar day, for queries by timestamp. */
export function localDayBounds(date: CalendarDate, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(date, timeZone), end: startOfLocalDay(addDays(date, 1), timeZone) };
}

/** Every IANA zone this runtime knows, plus UTC (which Intl leaves out of its list): the choices offered in forms. */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? [...zones] : ["UTC", ...zones];
}
