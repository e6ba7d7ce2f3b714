import type { Metadata } from "next";
import Link from "next/link";
import { MEASURE_LABELS, formatCalendarDate } from "@concord/domain";
import { Button } from "@concord/ui/button";
import { Card, CardSection } from "@concord/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@concord/ui/table";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { CheckInDetails, RedFlagBadge } from "~/components/progress/check-in-details";
import { AlertCard } from "~/components/progress/alert-card";
import { RangeLinks, rangeDays } from "~/components/progress/range-links";
import { TrendsPanel } from "~/components/progress/trends-panel";
import { trendRange } from "~/components/progress/trend-range";
import { CardGrid } from "~/components/layout";
import { loadPatientRecord, patientPageTitle, patientSubtitle } from "../patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Progress");
}

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
  const { caller, patient } = await loadPatientRecord(patientId);
  const days = rangeDays((await searchParams).days);
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
        subtitle={patientSubtitle(patient)}
        tabs={patientTabs(patientId, base, { emergency: readOnly })}
        emergency={emergency}
      />
      {alerts ? (
        <section aria-labelledby="alerts-h" className="flex flex-col gap-4">
          <h2 id="alerts-h">Decision support ({open.length} open)</h2>
          <p className="text-muted-foreground">Each alert names the rule and the data that fired it. It suggests what to consider; the decision is the team’s.</p>
          {open.length === 0 ? (
            <Card>
              <p>No open alerts for {patient.name}.</p>
            </Card>
          ) : (
            open.map((a) => <AlertCard key={a.id} alert={a} readOnly={readOnly} />)
          )}
          {handled.length > 0 ? (
            <details className="grid gap-4 [&[open]>summary]:mb-4">
              <summary className="w-fit cursor-pointer font-semibold text-primary">Acknowledged alerts ({handled.length})</summary>
              <div className="flex flex-col gap-4">
                {handled.map((a) => (
                  <AlertCard key={a.id} alert={a} readOnly={readOnly} />
                ))}
              </div>
            </details>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="trends-h" className="flex flex-col gap-4">
        <h2 id="trends-h">Trends</h2>
        <RangeLinks base={base} current={days} />
        <Card>
          <TrendsPanel trends={trends} planHistoryBase={`/patients/${patientId}/plan/history`} />
        </Card>
      </section>
      <CardGrid className="lg:grid-cols-2">
        <CardSection aria-labelledby="measures-h">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="measures-h">Recent measures</h2>
            {isTeam && !readOnly ? (
              <Button asChild>
                <Link href={`${base}/measures`}>Record a measure</Link>
              </Button>
            ) : null}
          </div>
          {measures.items.length === 0 ? (
            <p className="text-muted-foreground">No measures recorded yet.</p>
          ) : (
            <Table aria-label="Recent measures">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Date</TableHead>
                  <TableHead scope="col">Measure</TableHead>
                  <TableHead scope="col">Result</TableHead>
                  <TableHead scope="col">By</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {measures.items.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell className="whitespace-nowrap">{formatCalendarDate(m.takenOn)}</TableCell>
                    <TableCell>{MEASURE_LABELS[m.kind] ?? m.kind}</TableCell>
                    <TableCell>{describeResult(m.kind, m.score, m.result)}</TableCell>
                    <TableCell>{m.recordedByName}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardSection>
        <CardSection aria-labelledby="checkins-h">
          <h2 id="checkins-h">Recent check-ins</h2>
          {checkIns.items.length === 0 ? (
            <p className="text-muted-foreground">No check-ins yet.</p>
          ) : (
            <Table aria-label="Recent check-ins">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Date</TableHead>
                  <TableHead scope="col">Pain now / avg / worst</TableHead>
                  <TableHead scope="col">Sleep, mood</TableHead>
                  <TableHead scope="col">Red flags</TableHead>
                  <TableHead scope="col">Details</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {checkIns.items.map((c) => (
                  <TableRow key={c.date} data-testid="check-in-row">
                    <TableCell className="whitespace-nowrap">
                      {formatCalendarDate(c.date)}
                      {c.version > 1 ? <span className="text-muted-foreground"> (edited {c.version - 1}×)</span> : null}
                    </TableCell>
                    <TableCell>
                      {c.painNow} / {c.painAverage} / {c.painWorst}
                    </TableCell>
                    <TableCell>
                      {c.sleepHours} h, mood {c.mood}/10
                    </TableCell>
                    <TableCell>
                      <RedFlagBadge flags={c.redFlags} asked={c.redFlagsAsked} />
                    </TableCell>
                    <TableCell>
                      <details>
                        <summary className="cursor-pointer font-semibold text-primary">{c.note ? "Note and answers" : "Answers"}</summary>
                        <div className="mt-2 min-w-72">
                          <CheckInDetails checkIn={c} />
                        </div>
                      </details>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardSection>
      </CardGrid>
    </>
  );
}
