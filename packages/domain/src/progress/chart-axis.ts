import { addDays, isIsoDate } from "../dates/index";
import { invalid } from "../errors";
import type { DateRange } from "./trends";

/**
 * The time axis of the trend charts: from the first to the last data point inside the chosen
 * window, so three weeks of check-ins fill the chart instead of a fifth of a 90-day axis. One point
 * (or none) gets a short axis around it (or the whole window) so it is not drawn on an edge.
 */
export const SINGLE_POINT_PADDING_DAYS = 3;

export function chartAxis(dates: Iterable<string>, window: DateRange): DateRange {
  if (!isIsoDate(window.from) || !isIsoDate(window.to) || window.from > window.to) throw invalid("The chart range must start on or before its end.");
  let first: string | null = null;
  let last: string | null = null;
  for (const d of dates) {
    if (!isIsoDate(d)) throw invalid(`Chart dates must be YYYY-MM-DD: ${d}.`);
    // Weekly means are dated on their Monday, which may fall a few days before the window: clamp.
    const day = d < window.from ? window.from : d > window.to ? window.to : d;
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  }
  if (first === null || last === null) return { ...window };
  if (first === last) return { from: addDays(first, -SINGLE_POINT_PADDING_DAYS), to: addDays(last, SINGLE_POINT_PADDING_DAYS) };
  return { from: first, to: last };
}

export interface PlanRevisionRef {
  date: string;
  version: number;
  label: string;
}

export interface PlanChangeGroup {
  date: string;
  /** Every revision of that day, oldest first, each openable on its own (plan history, by version). */
  changes: Array<{ version: number; label: string }>;
}

/**
 * One marker per day with plan changes — a day of fourteen edits is one marker that opens a list
 * of fourteen revisions, not one paragraph. Only days inside `range` (the chart's axis) are kept.
 */
export function groupPlanChanges(revisions: readonly PlanRevisionRef[], range: DateRange): PlanChangeGroup[] {
  const byDate = new Map<string, PlanChangeGroup["changes"]>();
  for (const r of revisions) {
    if (!isIsoDate(r.date)) throw invalid(`Plan change dates must be YYYY-MM-DD: ${r.date}.`);
    if (r.date < range.from || r.date > range.to) continue;
    const label = r.label.trim();
    byDate.set(r.date, [...(byDate.get(r.date) ?? []), { version: r.version, label: label === "" ? `Version ${r.version}` : label }]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, changes]) => ({ date, changes: [...changes].sort((x, y) => x.version - y.version) }));
}
