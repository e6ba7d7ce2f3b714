import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DISCIPLINE_LABELS, type Intervention, describeTarget, formatCalendarDate, goalLabel, interventionName, planByGoal } from "@concord/domain";
import { formatWhen } from "~/components/care-plan/revision-diff";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

const versionParam = z.coerce.number().int().min(1).max(2_147_483_647);

function doseText(item: Intervention): string | null {
  const d = item.details;
  if (d.kind !== "medication") return null;
  const perDay = d.dosesPerDay === null ? "doses a day not recorded" : `${d.dosesPerDay} ${d.dosesPerDay === 1 ? "dose" : "doses"} a day`;
  return `${d.dose} ${d.unit}, ${perDay}`;
}

/** The whole plan as one earlier version left it, read-only. */
export default async function CarePlanAtVersionPage({ params }: { params: Promise<{ patientId: string; version: string }> }) {
  const { patientId, version: rawVersion } = await params;
  const version = versionParam.safeParse(rawVersion);
  if (!z.uuid().safeParse(patientId).success || !version.success) notFound();
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  const emergency = await emergencyAccessFor(caller, patient);
  let unreadable: string | null = null;
  let at: Awaited<ReturnType<typeof caller.carePlanHistory.atVersion>> | null = null;
  try {
    at = await orNotFound(caller.carePlanHistory.atVersion({ patientId, version: version.data }));
  } catch (error) {
    // A stored plan the schema refuses is reported in words, never shown in part.
    if (error instanceof TRPCError && error.message.startsWith("The stored care plan")) unreadable = error.message;
    else throw error;
  }
  const names = at?.names ?? {};
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={`${patient.diagnosis.label} (${patient.diagnosis.code})`}
        tabs={patientTabs(patientId, `/patients/${patientId}/plan`, { emergency: emergency !== null })}
        emergency={emergency}
      />
      <div className="inline" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Care plan as of version {version.data}</h2>
        <Link className="button secondary" href={`/patients/${patientId}/plan/history`}>
          Back to the history
        </Link>
      </div>
      {unreadable ? (
        <p className="alert error" role="alert">
          {unreadable}
        </p>
      ) : null}
      {at ? (
        <>
          <p className="alert warning" role="note">
            This is an earlier version, for reading only
            {at.currentVersion > at.version ? ` (the plan is now at version ${at.currentVersion})` : " (it is the current version)"}. Saved by{" "}
            {at.authorName} ({at.authorRole}), <time dateTime={at.createdAt}>{formatWhen(at.createdAt)}</time>: {at.summary}
          </p>
          {at.plan === null ? (
            <p className="card">
              This version was saved before Concord kept the whole plan with each change, so it cannot be shown. Its change is listed in
              the history.
            </p>
          ) : (
            <>
              <p>Review of the whole plan due {formatCalendarDate(at.plan.reviewDueAt)}.</p>
              {planByGoal(at.plan).length === 0 ? <p className="card">The plan had no goals or items at this version.</p> : null}
              {planByGoal(at.plan).map((g) => (
                <section key={g.goalId} className="card" aria-labelledby={`goal-${g.goalId}`}>
                  <h3 id={`goal-${g.goalId}`} style={{ marginTop: 0 }}>
                    {goalLabel(g.goalId)}
                  </h3>
                  {g.goal ? (
                    <ul>
                      {g.goal.targets.map((t) => (
                        <li key={describeTarget(t)}>{describeTarget(t)}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Not a goal in this version.</p>
                  )}
                  {g.items.length === 0 ? (
                    <p className="muted">No items served this goal.</p>
                  ) : (
                    <ul className="plain" aria-label={`Items for ${goalLabel(g.goalId)}`}>
                      {g.items.map(({ item }) => (
                        <li key={item.id}>
                          <strong>{interventionName(item)}</strong> <span className="badge">{item.status}</span>
                          <br />
                          <span className="muted">
                            {DISCIPLINE_LABELS[item.ownerDiscipline]}
                            {item.responsibleClinicianId ? ` · responsible: ${names[item.responsibleClinicianId] ?? "a former team member"}` : " · not yet assigned"}
                            {item.nextReviewDate ? ` · review ${formatCalendarDate(item.nextReviewDate)}` : ""}
                            {doseText(item) ? ` · ${doseText(item)}` : ""}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </>
          )}
        </>
      ) : null}
    </>
  );
}

