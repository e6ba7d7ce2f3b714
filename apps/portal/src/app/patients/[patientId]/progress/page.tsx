import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MEASURE_LABELS, formatCalendarDate } from "@concord/domain";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { CheckInDetails, RedFlagBadge } from "~/components/progress/check-in-details";
import { AlertCard } from "~/components/progress/alert-card";
import { RangeLinks, rangeDays } from "~/components/progress/range-links";
import { TrendsPanel } from "~/components/progress/trends-panel";
import { trendRange } from "~/components/progress/trend-range";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

function describeResult(kind: string, score: number | null, result: Record<string, unknown>) {
  if (kind === "budapest") {
    const e = result.evaluation as { symptomCategories: number; signCategories: number; clinicalCriteriaMet: boolean; researchCriteriaMet: boolean } | undefined;
    return e ? `Symptoms ${e.symptomCategories}/4, signs ${e.signCategories}/4 · clinical ${e.clinicalCriteriaMet ? "met" : "not met"}, research ${e.researchCriteriaMet ? "met" : "not met"} (checklist aid)` : "";
  }
  if (kind === "css") {
    // Scores saved before 2026-12 call the flag clinicallyMeaningful; it meant the same threshold.
    const c = result.change as { change: number | null; beyondMeasurementError?: boolean; clinicallyMeaningful?: boolean } | undefined;
    const change = c?.change === null || c?.change === undefined ? "first score" : `${c.change > 0 ? "+" : ""}${c.change} since last${(c.beyondMeasurementError ?? c.clinicallyMeaningful) ? " — ⚠ beyond measurement error" : ""}`;
    return `${score} / 17 (${change})`;
  }
  if (kind === "phq9" || kind === "gad7") return `${score} — ${String(result.bandLabel ?? "")}${kind === "phq9" && Number(result.item9) > 0 ? ` · ⚠ item 9 answered ${String(result.item9)}` : ""}`;
  if (kind === "psfs") return `${score} / 10 (mean of ${String(result.activityCount ?? "")} activities)`;
  if (kind === "limb_temperature") return `${score} °C`;
  return String(score ?? "");
}

export default async function PatientProgressPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ days?: string }> }) {
  const { patientId } = await params;
  if (!z.uuid().safeParse(patientId).success) notFound();
  const days = rangeDays((await searchParams).days);
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  const isTeam = patient.viewerDiscipline !== null;
  // Under emergency access the alerts are shown read-only (nobody outside the team acknowledges them), and no measure is recorded.
  const emergency = await emergencyAccessFor(caller, patient);
  const [trends, checkIns, measures, alerts] = await Promise.all([
    caller.measures.trends({ patientId, ...trendRange(days, patient.today) }),
    caller.checkIns.list({ patientId, limit: 14 }),
    caller.measures.list({ patientId, limit: 15 }),
    isTeam || emergency ? caller.alerts.list({ patientId, limit: 20, includeAcknowledged: true }) : Promise.resolve(null),
  ]);
  const readOnly = emergency !== null;
  const base = `/patients/${patientId}/progress`;
  const open = alerts?.items.filter((a) => !a.acknowledgedAt) ?? [];
  const handled = alerts?.items.filter((a) => a.acknowledgedAt) ?? [];
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={`${patient.diagnosis.label} (${patient.diagnosis.code}) · ${patient.stage === "early" ? "early CRPS" : "chronic CRPS"}`}
        tabs={patientTabs(patientId, base, { emergency: readOnly })}
        emergency={emergency}
      />
      {alerts ? (
        <section aria-labelledby="alerts-h">
          <h2 id="alerts-h">Decision support ({open.length} open)</h2>
          <p className="muted">Each alert names the rule and the data that fired it. It suggests what to consider; the decision is the team’s.</p>
          {open.length === 0 ? <p className="card">No open alerts for {patient.name}.</p> : open.map((a) => <AlertCard key={a.id} alert={a} readOnly={readOnly} />)}
          {handled.length > 0 ? (
            <details>
              <summary>Acknowledged alerts ({handled.length})</summary>
              {handled.map((a) => <AlertCard key={a.id} alert={a} readOnly={readOnly} />)}
            </details>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="trends-h">
        <h2 id="trends-h">Trends</h2>
        <RangeLinks base={base} current={days} />
        <div className="card"><TrendsPanel trends={trends} /></div>
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="measures-h">
          <h2 id="measures-h" style={{ marginTop: 0 }}>Recent measures</h2>
          {isTeam && !readOnly ? <p><Link className="button" href={`${base}/measures`}>Record a measure</Link></p> : null}
          {measures.items.length === 0 ? (
            <p className="muted">No measures recorded yet.</p>
          ) : (
            <table aria-label="Recent measures">
              <thead><tr><th scope="col">Date</th><th scope="col">Measure</th><th scope="col">Result</th><th scope="col">By</th></tr></thead>
              <tbody>
                {measures.items.map((m) => (
                  <tr key={m.id}>
                    <td>{formatCalendarDate(m.takenOn)}</td>
                    <td>{MEASURE_LABELS[m.kind] ?? m.kind}</td>
                    <td>{describeResult(m.kind, m.score, m.result)}</td>
                    <td>{m.recordedByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="checkins-h">
          <h2 id="checkins-h" style={{ marginTop: 0 }}>Recent check-ins</h2>
          {checkIns.items.length === 0 ? (
            <p className="muted">No check-ins yet.</p>
          ) : (
            <table aria-label="Recent check-ins">
              <thead><tr><th scope="col">Date</th><th scope="col">Pain now / avg / worst</th><th scope="col">Sleep, mood</th><th scope="col">Red flags</th><th scope="col">Details</th></tr></thead>
              <tbody>
                {checkIns.items.map((c) => (
                  <tr key={c.date} data-testid="check-in-row">
                    <td>{formatCalendarDate(c.date)}{c.version > 1 ? <span className="muted"> (edited {c.version - 1}×)</span> : null}</td>
                    <td>{c.painNow} / {c.painAverage} / {c.painWorst}</td>
                    <td>{c.sleepHours} h, mood {c.mood}/10</td>
                    <td><RedFlagBadge flags={c.redFlags} asked={c.redFlagsAsked} /></td>
                    <td>
                      <details>
                        <summary>{c.note ? "Note and answers" : "Answers"}</summary>
                        <CheckInDetails checkIn={c} />
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
