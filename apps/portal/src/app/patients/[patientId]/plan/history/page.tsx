import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";
import { RevisionDiff, formatWhen } from "~/components/care-plan/revision-diff";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { loadPatientRecord, patientPageTitle, patientSubtitle } from "../../patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Care plan history");
}

/** Who changed what, when: the plan's append-only revisions, newest first. */
export default async function CarePlanHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { patientId } = await params;
  const { before } = await searchParams;
  const { caller, patient } = await loadPatientRecord(patientId);
  const history = await caller.carePlan.history({ patientId, cursor: before?.slice(0, 200), limit: 20 });
  const emergency = await emergencyAccessFor(caller, patient);
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={patientSubtitle(patient, false)}
        tabs={patientTabs(patientId, `/patients/${patientId}/plan`, { emergency: emergency !== null })}
        emergency={emergency}
        trail={["History"]}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2>Care plan history</h2>
        <Button asChild variant="secondary">
          <Link href={`/patients/${patientId}/plan`}>Back to the plan</Link>
        </Button>
      </div>
      {history.items.length === 0 ? (
        <Card>
          <p>No changes have been made to this plan yet.</p>
        </Card>
      ) : (
        <Card asChild>
        <ol aria-label="Plan revisions, newest first" className="gap-0">
          {history.items.map((r) => (
            <li key={r.version} className="ml-1 grid gap-1 border-l-3 pb-4 pl-4 last:pb-0">
              <p>
                <strong>Version {r.version}</strong> · {r.authorName} <span className="text-muted-foreground">({r.authorRole})</span> ·{" "}
                <time dateTime={r.createdAt}>{formatWhen(r.createdAt)}</time>
              </p>
              <p>{r.summary}</p>
              <details>
                <summary className="w-fit cursor-pointer font-semibold text-primary">What changed</summary>
                <RevisionDiff diff={r.diff} />
              </details>
              <p>
                <Link href={`/patients/${patientId}/plan/history/${r.version}`}>
                  See the whole plan as of version {r.version}
                </Link>
              </p>
            </li>
          ))}
        </ol>
        </Card>
      )}
      {history.nextCursor ? (
        <p>
          <Button asChild variant="secondary">
            <Link href={`/patients/${patientId}/plan/history?${new URLSearchParams({ before: history.nextCursor })}`}>Older changes</Link>
          </Button>
        </p>
      ) : null}
    </>
  );
}
