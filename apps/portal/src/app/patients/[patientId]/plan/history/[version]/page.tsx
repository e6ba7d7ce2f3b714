import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DISCIPLINE_LABELS, type Intervention, describeTarget, formatCalendarDate, goalLabel, interventionName, planByGoal } from "@concord/domain";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Card, CardSection } from "@concord/ui/card";
import { formatWhen } from "~/components/care-plan/revision-diff";
import { RowList } from "~/components/layout";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { orNotFound } from "~/server/caller";
import { loadPatientRecord, patientSubtitle } from "../../../patient-record";

const versionParam = z.coerce.number().int().min(1).max(2_147_483_647);

function doseText(item: Intervention): string | null {
  const d = item.details;
  if (d.kind !== "medication") return null;
  const perDay = d.dosesPerDay === null ? "doses a day not recorded" : `${d.dosesPerDay} ${d.dosesPerDay === 1 ? "dose" : "doses"} a day`;
  return `${d.dose} ${d.unit}, ${perDay}`;
}

export async function generateMetadata({ params }: { params: Promise<{ patientId: string; version: string }> }): Promise<Metadata> {
  const { patientId, version } = await params;
  const { patient } = await loadPatientRecord(patientId);
  return { title: `${patient.name} · Care plan version ${versionParam.safeParse(version).data ?? ""}` };
}

/** The whole plan as one earlier version left it, read-only. */
export default async function CarePlanAtVersionPage({ params }: { params: Promise<{ patientId: string; version: string }> }) {
  const { patientId, version: rawVersion } = await params;
  const version = versionParam.safeParse(rawVersion);
  if (!z.uuid().safeParse(patientId).success || !version.success) notFound();
  const { caller, patient } = await loadPatientRecord(patientId);
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
        subtitle={patientSubtitle(patient, false)}
        tabs={patientTabs(patientId, `/patients/${patientId}/plan`, { emergency: emergency !== null })}
        emergency={emergency}
        trail={["History", `Version ${version.data}`]}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2>Care plan as of version {version.data}</h2>
        <Button asChild variant="secondary">
          <Link href={`/patients/${patientId}/plan/history`}>Back to the history</Link>
        </Button>
      </div>
      {unreadable ? (
        <Alert variant="danger" role="alert">
          {unreadable}
        </Alert>
      ) : null}
      {at ? (
        <>
          <Alert variant="warning" role="note">
            <p>
            This is an earlier version, for reading only
            {at.currentVersion > at.version ? ` (the plan is now at version ${at.currentVersion})` : " (it is the current version)"}. Saved by{" "}
            {at.authorName} ({at.authorRole}), <time dateTime={at.createdAt}>{formatWhen(at.createdAt)}</time>: {at.summary}
            </p>
          </Alert>
          {at.plan === null ? (
            <Card>
              <p>
                This version was saved before Concord kept the whole plan with each change, so it cannot be shown. Its change is listed in
                the history.
              </p>
            </Card>
          ) : (
            <>
              <p>Review of the whole plan due {formatCalendarDate(at.plan.reviewDueAt)}.</p>
              {planByGoal(at.plan).length === 0 ? (
                <Card>
                  <p>The plan had no goals or items at this version.</p>
                </Card>
              ) : null}
              {planByGoal(at.plan).map((g) => (
                <CardSection key={g.goalId} aria-labelledby={`goal-${g.goalId}`}>
                  <h3 id={`goal-${g.goalId}`} className="text-lg">
                    {goalLabel(g.goalId)}
                  </h3>
                  {g.goal ? (
                    <ul className="list-disc pl-5">
                      {g.goal.targets.map((t) => (
                        <li key={describeTarget(t)}>{describeTarget(t)}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-muted-foreground">Not a goal in this version.</p>
                  )}
                  {g.items.length === 0 ? (
                    <p className="text-muted-foreground">No items served this goal.</p>
                  ) : (
                    <RowList aria-label={`Items for ${goalLabel(g.goalId)}`}>
                      {g.items.map(({ item }) => (
                        <li key={item.id}>
                          <strong>{interventionName(item)}</strong> <Badge>{item.status}</Badge>
                          <br />
                          <span className="text-muted-foreground">
                            {DISCIPLINE_LABELS[item.ownerDiscipline]}
                            {item.responsibleClinicianId ? ` · responsible: ${names[item.responsibleClinicianId] ?? "a former team member"}` : " · not yet assigned"}
                            {item.nextReviewDate ? ` · review ${formatCalendarDate(item.nextReviewDate)}` : ""}
                            {doseText(item) ? ` · ${doseText(item)}` : ""}
                          </span>
                        </li>
                      ))}
                    </RowList>
                  )}
                </CardSection>
              ))}
            </>
          )}
        </>
      ) : null}
    </>
  );
}

