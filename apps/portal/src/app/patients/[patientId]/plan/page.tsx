import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { interventionName } from "@concord/domain";
import { CarePlanEditor } from "~/components/care-plan/care-plan-editor";
import { PlanCommentBox } from "~/components/care-plan/patient-plan-actions";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { PlanCommentThread } from "~/components/patient-questions/plan-comment-thread";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export default async function CarePlanPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  if (!z.uuid().safeParse(patientId).success) notFound();
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  const plan = await caller.carePlan.get({ patientId });
  // Under emergency access the plan is read-only: no edit forms, no comment box, no answering questions.
  const emergency = await emergencyAccessFor(caller, patient);
  const readOnly = emergency !== null;
  const comments = plan.exists ? (await caller.carePlan.comments({ patientId, limit: 20 })).items : [];
  const itemNames = new Map(plan.plan.interventions.map((i) => [i.id, interventionName(i)]));
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={`${patient.diagnosis.label} (${patient.diagnosis.code}) · ${patient.stage === "early" ? "early CRPS" : "chronic CRPS"}`}
        tabs={patientTabs(patientId, `/patients/${patientId}/plan`, { emergency: readOnly })}
        emergency={emergency}
      />
      <div className="inline no-print" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Care plan</h2>
        <Link className="button secondary" href={`/patients/${patientId}/plan/history`}>History</Link>
      </div>
      <CarePlanEditor patientId={patientId} initial={plan} readOnly={readOnly} />
      {plan.exists ? (
        <section className="card" aria-labelledby="plan-comments-h">
          <h2 id="plan-comments-h" style={{ marginTop: 0 }}>Comments from the team and the patient</h2>
          <PlanCommentThread comments={comments} viewer="team" patientId={patientId} patientName={patient.name} itemNames={itemNames} readOnly={readOnly} />
          {readOnly ? null : (
            <PlanCommentBox
              patientId={patientId}
              label="Comment (visible to the team and the patient)"
              thanks="Comment added."
              items={[...itemNames].map(([id, name]) => ({ id, name }))}
            />
          )}
        </section>
      ) : null}
    </>
  );
}
