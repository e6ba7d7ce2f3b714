import { invalid } from "../errors";
import { daysBetween, isIsoDate, isoWeekLabel, isoWeekStart, toDayNumber } from "../dates/index";

/** Pure helpers that shape progress data for charts. Dates are YYYY-MM-DD calendar days. */

export interface SeriesPoint {
  date: string;
  value: number;
}

/** A point as it comes from storage; null or non-finite values are dropped. */
export interface RawPoint {
  date: string;
  value: number | null | undefined;
}

export interface DateRange {
  /** Inclusive. */
  from: string;
  /** Inclusive. */
  to: string;
}

function assertRange({ from, to }: DateRange): void {
  if (!isIsoDate(from) || !isIsoDate(to)) throw invalid("Chart dates must be YYYY-MM-DD.");
  if (from > to) throw invalid("The chart range must start on or before its end.");
}

/**
 * Points within [from, to], sorted by date, one per date (the last one given wins), with missing
 * values dropped. A malformed date throws INVALID.
 */
export function toSeries(points: readonly RawPoint[], range: DateRange): SeriesPoint[] {
  assertRange(range);
  const byDate = new Map<string, number>();
  for (const p of points) {
    if (!isIsoDate(p.date)) throw invalid(`Chart dates must be YYYY-MM-DD: ${p.date}.`);
    if (p.date < range.from || p.date > range.to) continue;
    if (typeof p.value !== "number" || !Number.isFinite(p.value)) continue;
    byDate.set(p.date, p.value);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, value]) => ({ date, value }));
}

/**
 * For each point, the mean of the points dated within the `windowDays` calendar days ending on it
 * (inclusive). Gaps shrink the sample; they are not filled. Input must be sorted, one point a
 * day (as toSeries returns); otherwise INVALID.
 */
export function rollingMean(series: readonly SeriesPoint[], windowDays: number): SeriesPoint[] {
  if (!Number.isInteger(windowDays) || windowDays < 1) throw invalid("The rolling window must be a whole number of days, at least 1.");
  for (let i = 1; i < series.length; i++) {
    if (series[i - 1]!.date >= series[i]!.date) throw invalid("The series must be sorted by date with one point a day (use toSeries).");
  }
  const out: SeriesPoint[] = [];
  let start = 0;
  for (let i = 0; i < series.length; i++) {
    const p = series[i]!;
    const day = toDayNumber(p.date);
    while (toDayNumber(series[start]!.date) <= day - windowDays) start++;
    // Summing the window afresh (rather than a running total) keeps results free of drift.
    const window = series.slice(start, i + 1);
    out.push({ date: p.date, value: window.reduce((a, w) => a + w.value, 0) / window.length });
  }
  return out;
}

export interface WeeklyPoint extends SeriesPoint {
  /** The Monday that starts the ISO week; also used as `date`. */
  weekStart: string;
  /** e.g. "2024-W05". */
  isoWeek: string;
  /** Number of daily points averaged. */
  count: number;
}

/** Mean per ISO week (Monday to Sunday), dated on the week's Monday; weeks without data are omitted. */
export function weeklyMeans(series: readonly SeriesPoint[]): WeeklyPoint[] {
  const weeks = new Map<string, { sum: number; count: number; isoWeek: string }>();
  for (const p of series) {
    const monday = isoWeekStart(p.date);
    const w = weeks.get(monday) ?? { sum: 0, count: 0, isoWeek: isoWeekLabel(p.date) };
    w.sum += p.value;
    w.count++;
    weeks.set(monday, w);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([monday, w]) => ({ date: monday, weekStart: monday, isoWeek: w.isoWeek, value: w.sum / w.count, count: w.count }));
}

/** Ranges longer than this many days are shown as weekly means. */
export const MAX_DAILY_CHART_DAYS = 120;

export const CHART_RESOLUTIONS = ["daily", "weekly"] as const;
export type ChartResolution = (typeof CHART_RESOLUTIONS)[number];

export interface ChartSeries {
  resolution: ChartResolution;
  points: SeriesPoint[];
}

/**
 * Daily points for ranges up to MAX_DAILY_CHART_DAYS days, weekly means beyond that (two years of
 * daily data becomes about 105 points). Weekly points are dated on the ISO week's Monday, which for
 * the first week may fall a few days before `from`.
 */
export function chartSeries(points: readonly RawPoint[], range: DateRange, maxDailyDays = MAX_DAILY_CHART_DAYS): ChartSeries {
  const series = toSeries(points, range);
  if (daysBetween(range.from, range.to) + 1 <= maxDailyDays) return { resolution: "daily", points: series };
  return { resolution: "weekly", points: weeklyMeans(series).map(({ date, value }) => ({ date, value })) };
}

export interface PlanRevision {
  /** The calendar day of the change (the caller converts timestamps to the patient's local day). */
  date: string;
  label: string;
}

export interface PlanChangeMarker {
  date: string;
  /** All changes that day, in the order given. */
  labels: string[];
  /** The labels joined for a tooltip. */
  label: string;
}

/** One marker per day with plan changes, sorted by date; optionally limited to a range. */
export function planChangeMarkers(revisions: readonly PlanRevision[], range?: DateRange): PlanChangeMarker[] {
  if (range) assertRange(range);
  const byDate = new Map<string, string[]>();
  for (const r of revisions) {
    if (!isIsoDate(r.date)) throw invalid(`Plan change dates must be YYYY-MM-DD: ${r.date}.`);
    if (range && (r.date < range.from || r.date > range.to)) continue;
    const label = r.label.trim();
    if (label === "") continue;
    byDate.set(r.date, [...(byDate.get(r.date) ?? []), label]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, labels]) => ({ date, labels, label: labels.join("; ") }));
}
