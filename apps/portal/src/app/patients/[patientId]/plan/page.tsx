import type { Metadata } from "next";
import Link from "next/link";
import { History } from "lucide-react";
import { interventionName } from "@concord/domain";
import { Button } from "@concord/ui/button";
import { CardSection } from "@concord/ui/card";
import { CarePlanEditor } from "~/components/care-plan/care-plan-editor";
import { PlanCommentBox } from "~/components/care-plan/patient-plan-actions";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { PlanCommentThread } from "~/components/patient-questions/plan-comment-thread";
import { QuestionActions } from "~/components/patient-questions/question-actions";
import { loadPatientRecord, patientPageTitle, patientSubtitle } from "../patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Care plan");
}

export default async function CarePlanPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const { caller, patient } = await loadPatientRecord(patientId);
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
        subtitle={patientSubtitle(patient)}
        tabs={patientTabs(patientId, `/patients/${patientId}/plan`, { emergency: readOnly })}
        emergency={emergency}
      />
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <h2>Care plan</h2>
        <Button asChild variant="secondary">
          <Link href={`/patients/${patientId}/plan/history`}>
            <History aria-hidden="true" />
            History
          </Link>
        </Button>
      </div>
      <CarePlanEditor patientId={patientId} initial={plan} readOnly={readOnly} />
      {plan.exists ? (
        <CardSection aria-labelledby="plan-comments-h">
          <h2 id="plan-comments-h">Comments from the team and the patient</h2>
          <PlanCommentThread
            comments={comments}
            viewer="team"
            itemNames={itemNames}
            readOnly={readOnly}
            questionActions={(commentId) => <QuestionActions patientId={patientId} commentId={commentId} asker={patient.name} />}
          />
          {readOnly ? null : (
            <PlanCommentBox
              patientId={patientId}
              label="Comment (visible to the team and the patient)"
              thanks="Comment added."
              items={[...itemNames].map(([id, name]) => ({ id, name }))}
            />
          )}
        </CardSection>
      ) : null}
    </>
  );
}
