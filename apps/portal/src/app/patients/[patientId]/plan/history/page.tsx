import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RevisionDiff, formatWhen } from "~/components/care-plan/revision-diff";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

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
  if (!z.uuid().safeParse(patientId).success) notFound();
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  const history = await caller.carePlan.history({ patientId, cursor: before?.slice(0, 200), limit: 20 });
  const emergency = await emergencyAccessFor(caller, patient);
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={`${patient.diagnosis.label} (${patient.diagnosis.code})`}
        tabs={patientTabs(patientId, `/patients/${patientId}/plan`, { emergency: emergency !== null })}
        emergency={emergency}
      />
      <div className="inline" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Care plan history</h2>
        <Link className="button secondary" href={`/patients/${patientId}/plan`}>Back to the plan</Link>
      </div>
      {history.items.length === 0 ? (
        <p className="card">No changes have been made to this plan yet.</p>
      ) : (
        <ol className="timeline card" aria-label="Plan revisions, newest first">
          {history.items.map((r) => (
            <li key={r.version}>
              <p style={{ margin: 0 }}>
                <strong>Version {r.version}</strong> · {r.authorName} <span className="muted">({r.authorRole})</span> ·{" "}
                <time dateTime={r.createdAt}>{formatWhen(r.createdAt)}</time>
              </p>
              <p style={{ margin: ".2rem 0" }}>{r.summary}</p>
              <details>
                <summary>What changed</summary>
                <RevisionDiff diff={r.diff} />
              </details>
              <p style={{ margin: ".2rem 0 0" }}>
                <Link href={`/patients/${patientId}/plan/history/${r.version}`}>
                  See the whole plan as of version {r.version}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
      {history.nextCursor ? (
        <p>
          <Link className="button secondary" href={`/patients/${patientId}/plan/history?${new URLSearchParams({ before: history.nextCursor })}`}>
            Older changes
          </Link>
        </p>
      ) : null}
    </>
  );
}
