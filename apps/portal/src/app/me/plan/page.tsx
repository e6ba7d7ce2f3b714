import { redirect } from "next/navigation";
import { PatientPlan } from "~/components/care-plan/patient-plan";
import { MarkPlanSeen, PlanCommentBox, PrintSummaryButton } from "~/components/care-plan/patient-plan-actions";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export default async function MyCarePlanPage() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  const patientId = session.actor.patientId;
  const caller = await getCaller(session);
  const patient = await caller.patients.get({ patientId });
  const { view } = await caller.carePlan.patientView({ patientId });
  const comments = view ? (await caller.carePlan.comments({ patientId, limit: 20 })).items : [];
  return (
    <>
      <div className="inline" style={{ justifyContent: "space-between", alignItems: "center" }}>
        <h1 style={{ margin: 0 }}>My care plan</h1>
        {view ? <PrintSummaryButton /> : null}
      </div>
      {view ? (
        <>
          <PatientPlan view={view} patientName={patient.name} comments={comments} />
          <PlanCommentBox
            patientId={patientId}
            items={[...new Map(view.goals.flatMap((g) => g.actions).map((t) => [t.interventionId, t.name]))].map(([id, name]) => ({ id, name }))}
          />
          <MarkPlanSeen patientId={patientId} version={view.version} />
        </>
      ) : (
        <p className="card">Your care team has not written your care plan yet. It will appear here once they do.</p>
      )}
    </>
  );
}
