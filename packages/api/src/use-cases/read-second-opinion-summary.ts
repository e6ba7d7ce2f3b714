import {
  type Actor,
  type ClinicSettings,
  DISCIPLINE_LABELS,
  type Intervention,
  MEASURE_LABELS,
  THERAPY_CATEGORY_LABELS,
  addDays,
  formatDose,
  goalLabel,
  interventionName,
  doseOn,
  summariseTrial,
} from "@concord/domain";
import { type Database, inOrder, listAlertsForPatient, readCarePlanDocument } from "@concord/db";
import type { PatientScope } from "../access";
import { readMeasureTrends, listPatientMeasures } from "./read-measure-trends";
import { readCareTeam, readPatient } from "./read-patient";

/** The outcome scores the summary reports, each with its latest value and a year of trend. */
export const SECOND_OPINION_SCORES = [
  { kind: "css", series: "css", label: "CRPS Severity Score", max: 17 },
  { kind: "phq9", series: "phq9", label: "PHQ-9 (depression)", max: 27 },
  { kind: "gad7", series: "gad7", label: "GAD-7 (anxiety)", max: 21 },
  { kind: "psfs", series: "psfs", label: "PSFS (function, higher is better)", max: 10 },
] as const;
const TREND_DAYS = 365;
const OPEN_ALERTS_SHOWN = 20;

function medicationRow(item: Intervention, today: string) {
  const d = item.details;
  if (d.kind !== "medication") return null;
  const summary = summariseTrial({ interventionId: item.id, medication: interventionName(item), prescribedDose: { value: doseOn(d, today), unit: d.unit }, entries: item.trialEntries });
  const entries = [...item.trialEntries].sort((a, b) => a.date.localeCompare(b.date));
  return {
    name: interventionName(item),
    status: item.status,
    startDate: item.startDate,
    currentDose: summary.currentDose ? formatDose(summary.currentDose.value, summary.currentDose.unit) : formatDose(d.dose, d.unit),
    dosesPerDay: d.dosesPerDay,
    route: d.route,
    stopReason: item.stopReason ?? null,
    doseChanges: entries.flatMap((e) => (e.type === "dose_change" ? [{ date: e.date, text: `${e.from === null ? "started at" : `${formatDose(e.from, e.unit)} →`} ${formatDose(e.to, e.unit)} (${e.reason})` }] : [])),
    responses: entries.flatMap((e) => (e.type === "response" ? [{ date: e.date, pain: e.pain, note: e.note }] : [])),
    sideEffects: entries.flatMap((e) => (e.type === "side_effect" ? [{ date: e.date, name: e.name, severity: e.severity }] : [])),
    bestResponse: summary.bestResponse ? { pain: summary.bestResponse.pain, date: summary.bestResponse.date, dose: summary.bestResponse.dose ? formatDose(summary.bestResponse.dose.value, summary.bestResponse.dose.unit) : null } : null,
  };
}

/**
 * Everything a second-opinion summary (the PDF) holds, read once and audited by the calling
 * procedure: who the patient is and their diagnosis (ICD-10-CM), the care team, medications tried
 * with doses, responses and side effects, other interventions with dates and outcome, the latest
 * outcome scores with a year of trend, and — for the care team only — open alerts. Items still
 * only proposed are left out: the summary is about what has been tried. A fixed number of queries.
 */
export async function readSecondOpinionSummary(db: Database, actor: Actor, scope: PatientScope, settings: ClinicSettings, now: Date = new Date()) {
  const patient = await readPatient(db, actor, scope, settings);
  const today = patient.today;
  const forPatient = actor.role === "patient";
  const [team, plan, trends, latest, alerts] = await inOrder([
    () => readCareTeam(db, scope.patientId),
    () => readCarePlanDocument(db, scope.patientId),
    () => readMeasureTrends(db, scope.patientId, { from: addDays(today, -(TREND_DAYS - 1)), to: today }, settings, now),
    // One query per score kind (a fixed four), newest first.
    () => inOrder(SECOND_OPINION_SCORES.map((s) => () => listPatientMeasures(db, scope.patientId, { kind: s.kind, limit: 1 }))),
    // Alerts are the team's decision support; the patient's own copy does not carry them.
    () => (forPatient ? Promise.resolve(null) : listAlertsForPatient(db, scope.patientId, { includeAcknowledged: false, limit: OPEN_ALERTS_SHOWN })),
  ] as const);

  const tried = (plan?.interventions ?? []).filter((i) => i.status !== "proposed");
  const pain = trends.series.painAverage;
  return {
    generatedOn: today,
    forPatient,
    patient: {
      name: patient.name,
      dateOfBirth: patient.dateOfBirth,
      onsetDate: patient.onsetDate,
      stage: patient.stage,
      diagnosis: {
        code: patient.diagnosis.code,
        label: patient.diagnosis.label,
        crpsType: patient.diagnosis.crpsType,
        limb: patient.diagnosis.limb,
      },
    },
    careTeam: team.filter((m) => m.active).map((m) => ({ name: m.name, discipline: DISCIPLINE_LABELS[m.discipline] })),
    medications: tried.flatMap((i) => {
      const row = medicationRow(i, today);
      return row ? [row] : [];
    }),
    interventions: tried
      .filter((i) => i.details.kind !== "medication")
      .map((i) => ({
        name: interventionName(i),
        category: THERAPY_CATEGORY_LABELS[i.category],
        status: i.status,
        startDate: i.startDate,
        goals: i.goalIds.map((g) => goalLabel(g)),
        outcome: i.stopReason ?? i.note ?? null,
      })),
    scores: SECOND_OPINION_SCORES.map((s, index) => {
      const last = latest[index]?.items[0];
      return {
        kind: s.kind,
        label: MEASURE_LABELS[s.kind] ?? s.label,
        max: s.max,
        latest: last ? { score: last.score, takenOn: last.takenOn } : null,
        trend: trends.series[s.series]?.points ?? [],
      };
    }),
    pain: { resolution: pain?.resolution ?? "weekly", points: pain?.points ?? [] },
    openAlerts: alerts ? alerts.items.map((a) => ({ severity: a.severity, title: a.title, consider: a.consider, raisedAt: a.createdAt.toISOString() })) : null,
  };
}
