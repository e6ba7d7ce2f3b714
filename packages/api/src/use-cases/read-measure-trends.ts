import { type ChartSeries, type ClinicSettings, addDays, chartAxis, chartSeries, daysBetween, groupPlanChanges, invalid, planChangeMarkers, progressSummary } from "@concord/domain";
import { type Database, checkInSeries, inOrder, listMeasures, measureSeries, planRevisionDates } from "@concord/db";
import { patientToday } from "./patient-clock";

/** Recorded measures and questionnaires, newest first by key (optionally one kind). */
export function listPatientMeasures(db: Database, patientId: string, input: { kind?: string | undefined; cursor?: string | undefined; limit: number }) {
  return listMeasures(db, patientId, input);
}

/** Default window for the trend page; the caller may ask for any range up to ten years. */
export const DEFAULT_TREND_DAYS = 365;
const MAX_TREND_DAYS = 3660;
const MEASURE_SERIES = ["css", "phq9", "gad7", "psfs"] as const;

/**
 * Everything the trend charts need, in three queries whatever the range: check-in numbers (pain and
 * adherence), measure scores (CSS, PHQ-9, GAD-7, PSFS) and plan revisions (markers). Ranges longer
 * than the domain's daily limit come back as weekly means.
 */
export async function readMeasureTrends(
  db: Database,
  patientId: string,
  range: { from?: string | undefined; to?: string | undefined },
  settings: ClinicSettings,
  now: Date = new Date(),
) {
  // The window ends on the patient's own today unless the caller names an end.
  const to = range.to ?? (await patientToday(db, patientId, settings, now)).today;
  const from = range.from ?? addDays(to, -(DEFAULT_TREND_DAYS - 1));
  if (from > to) throw invalid("The chart range must start on or before its end.");
  if (daysBetween(from, to) > MAX_TREND_DAYS) throw invalid("Choose a range of ten years or less.");
  const window = { from, to };

  const [days, scores, revisions] = await inOrder([
    () => checkInSeries(db, patientId, from, to),
    () => measureSeries(db, patientId, [...MEASURE_SERIES], from, to),
    () => planRevisionDates(db, patientId, from, to),
  ] as const);

  const fromDays = (pick: (d: (typeof days)[number]) => number | null) => chartSeries(days.map((d) => ({ date: d.date, value: pick(d) })), window);
  const fromScores = (kind: string) =>
    chartSeries(
      scores.filter((s) => s.kind === kind).map((s) => ({ date: s.date, value: s.score === null ? null : Number(s.score) })),
      window,
    );
  const series: Record<string, ChartSeries> = {
    painNow: fromDays((d) => d.painNow),
    painAverage: fromDays((d) => d.painAverage),
    painWorst: fromDays((d) => d.painWorst),
    adherence: fromDays((d) => d.adherencePercent),
    css: fromScores("css"),
    phq9: fromScores("phq9"),
    gad7: fromScores("gad7"),
    psfs: fromScores("psfs"),
  };
  const markers = planChangeMarkers(
    revisions.map((r) => ({ date: r.date, label: r.version === 1 ? `Plan created: ${r.summary}` : r.summary })),
    window,
  );
  // The charts' shared time axis runs from the first to the last point drawn, not over the whole window.
  const axis = chartAxis(
    Object.values(series).flatMap((s) => s.points.map((p) => p.date)),
    window,
  );
  const planChanges = groupPlanChanges(
    revisions.map((r) => ({ date: r.date, version: r.version, label: r.version === 1 ? `Plan created: ${r.summary}` : r.summary })),
    axis,
  );
  // The patient's plain-language sentences compare the first and last of the 4 weeks ending on `to`
  // (from the daily check-ins of this window; a window shorter than that reads "not enough yet").
  const summary = progressSummary(days, to);
  return { from, to, axis, checkInDays: days.length, series, markers, planChanges, summary };
}
