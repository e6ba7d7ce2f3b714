import { addDays, isIsoDate } from "../dates/index";
import { invalid } from "../errors";
import type { RawPoint } from "./trends";

/**
 * The patient's plain-language summary of their own trend: the first week of the last few weeks
 * against the last week. It describes what the numbers did and nothing more — no diagnosis, no advice.
 */

/** The summary looks back this many weeks, ending on the patient's today. */
export const PROGRESS_SUMMARY_WEEKS = 4;
/** A week's average needs at least this many check-ins to be compared at all. */
export const PROGRESS_SUMMARY_MIN_PER_WEEK = 2;

export interface SummaryMetric {
  /** Lower case, as it reads after "Your": "average pain". */
  label: string;
  points: readonly RawPoint[];
  /** A change smaller than this (in the metric's own units) reads "about the same". */
  sameWithin: number;
  /** Appended to each number: "" for 0–10 scales, "%" for adherence. */
  suffix?: string;
}

export const SUMMARY_TRENDS = ["down", "up", "same", "not_enough_data"] as const;
export type SummaryTrend = (typeof SUMMARY_TRENDS)[number];

export interface SummarySentence {
  label: string;
  trend: SummaryTrend;
  /** Rounded weekly averages; null when there was not enough data. */
  firstWeek: number | null;
  lastWeek: number | null;
  text: string;
}

const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;

/** The values dated within [from, to] (inclusive), missing values dropped. */
function valuesIn(points: readonly RawPoint[], from: string, to: string): number[] {
  return points.filter((p) => p.date >= from && p.date <= to && typeof p.value === "number" && Number.isFinite(p.value)).map((p) => p.value as number);
}

/** One sentence for one metric over the `weeks` weeks ending on `today`. */
export function summariseMetric(metric: SummaryMetric, today: string, weeks = PROGRESS_SUMMARY_WEEKS): SummarySentence {
  if (!isIsoDate(today)) throw invalid("The summary date must be YYYY-MM-DD.");
  if (!Number.isInteger(weeks) || weeks < 2) throw invalid("A trend needs at least two weeks.");
  const start = addDays(today, -(weeks * 7 - 1));
  const first = valuesIn(metric.points, start, addDays(start, 6));
  const last = valuesIn(metric.points, addDays(today, -6), today);
  const over = `over the last ${weeks} weeks`;
  if (first.length < PROGRESS_SUMMARY_MIN_PER_WEEK || last.length < PROGRESS_SUMMARY_MIN_PER_WEEK) {
    return { label: metric.label, trend: "not_enough_data", firstWeek: null, lastWeek: null, text: `Not enough check-ins yet to see a trend in your ${metric.label}.` };
  }
  const a = mean(first);
  const b = mean(last);
  const suffix = metric.suffix ?? "";
  const firstWeek = Math.round(a);
  const lastWeek = Math.round(b);
  if (Math.abs(b - a) < metric.sameWithin) {
    return { label: metric.label, trend: "same", firstWeek, lastWeek, text: `Your ${metric.label} stayed about the same ${over} (around ${lastWeek}${suffix}).` };
  }
  return {
    label: metric.label,
    trend: b < a ? "down" : "up",
    firstWeek,
    lastWeek,
    text: `Your ${metric.label} went from ${firstWeek}${suffix} to ${lastWeek}${suffix} ${over}.`,
  };
}

export interface CheckInDayValues {
  date: string;
  painAverage: number | null;
  painWorst: number | null;
  adherencePercent: number | null;
}

/** The sentences the patient's progress page shows: average pain, worst pain, and how much of the plan was done. */
export function progressSummary(days: readonly CheckInDayValues[], today: string, weeks = PROGRESS_SUMMARY_WEEKS): SummarySentence[] {
  const of = (pick: (d: CheckInDayValues) => number | null) => days.map((d) => ({ date: d.date, value: pick(d) }));
  return [
    summariseMetric({ label: "average pain", points: of((d) => d.painAverage), sameWithin: 1 }, today, weeks),
    summariseMetric({ label: "worst pain", points: of((d) => d.painWorst), sameWithin: 1 }, today, weeks),
    summariseMetric({ label: "share of plan activities done", points: of((d) => d.adherencePercent), sameWithin: 10, suffix: "%" }, today, weeks),
  ];
}
