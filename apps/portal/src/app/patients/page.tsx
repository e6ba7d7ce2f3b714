import Link from "next/link";
import { redirect } from "next/navigation";
import { DISCIPLINE_LABELS, can, isClinicianRole } from "@concord/domain";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

/** "1 urgent, 2 to review" in words (never colour alone). Plain text: the row's one link is the patient's name. */
function OpenAlerts({ urgent, review }: { urgent: number; review: number }) {
  if (urgent === 0 && review === 0) return <span className="muted">None</span>;
  return <>{[urgent > 0 ? `${urgent} urgent` : null, review > 0 ? `${review} to review` : null].filter(Boolean).join(", ")}</>;
}

export default async function MyPatientsPage({ searchParams }: { searchParams: Promise<{ q?: string; after?: string }> }) {
  const session = await requireSessionActor();
  if (!isClinicianRole(session.actor.role)) redirect("/");
  const { q, after } = await searchParams;
  const search = q?.trim().slice(0, 100) || undefined;
  const caller = await getCaller(session);
  const page = await caller.patients.list({ search, cursor: after, limit: 25 });
  // One batched query for the patients on this page, not one per row.
  const overdue = new Set((await caller.carePlan.pastReview({ patientIds: page.items.map((p) => p.id), limit: 100 })).items.map((p) => p.patientId));
  return (
    <>
      <h1>My patients</h1>
      <p className="muted">Patients with an open urgent alert are listed first.</p>
      {can(session.actor, "patient.register") ? (
        <p>
          <Link href="/patients/register">Register a patient</Link>
        </p>
      ) : null}
      <search>
        <form className="inline card" action="/patients">
          <div style={{ flex: 1 }}>
            <label htmlFor="q">Search by name</label>
            <input id="q" name="q" defaultValue={search ?? ""} maxLength={100} />
          </div>
          <button type="submit">Search</button>
          {search ? <Link className="button secondary" href="/patients">Clear</Link> : null}
        </form>
      </search>
      {page.items.length === 0 ? (
        <p className="card">{search ? `No patients on your care teams match “${search}”.` : "You are not on any care team yet."}</p>
      ) : (
        <table aria-label="Patients on your care teams">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Diagnosis</th>
              <th scope="col">Stage</th>
              <th scope="col">Your role</th>
              <th scope="col">Open alerts</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.id} data-urgent={p.openUrgentAlerts > 0 ? "true" : undefined}>
                <td>
                  <Link href={`/patients/${p.id}`}>{p.name}</Link>
                  {p.openUrgentAlerts > 0 ? <> <span className="badge danger">Urgent alert</span></> : null}
                  {overdue.has(p.id) ? <> <span className="badge danger">Plan review overdue</span></> : null}
                </td>
                <td>{p.diagnosis.label} <span className="muted">({p.diagnosis.code})</span></td>
                <td><span className={`badge ${p.stage === "early" ? "warn" : ""}`}>{p.stage === "early" ? "Early (< 6 months)" : "Chronic"}</span></td>
                <td>{DISCIPLINE_LABELS[p.discipline]}</td>
                <td>
                  <OpenAlerts urgent={p.openUrgentAlerts} review={p.openReviewAlerts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.nextCursor ? (
        <p>
          <Link className="button secondary" href={`/patients?${new URLSearchParams({ ...(search ? { q: search } : {}), after: page.nextCursor })}`}>
            Next page
          </Link>
        </p>
      ) : null}
    </>
  );
}
