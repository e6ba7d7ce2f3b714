import { Printer } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@concord/ui/card";
import { PageHeader } from "~/components/page-header";
import { PatientPlan } from "~/components/care-plan/patient-plan";
import { MarkPlanSeen, PlanCommentBox, PrintSummaryButton } from "~/components/care-plan/patient-plan-actions";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "My care plan" };

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
      <PageHeader title="My care plan" actions={view ? <PrintSummaryButton icon={<Printer aria-hidden="true" />} /> : null} />
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
        <Card>
          <p>Your care team has not written your care plan yet. It will appear here once they do.</p>
        </Card>
      )}
    </>
  );
}
