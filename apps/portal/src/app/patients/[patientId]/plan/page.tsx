import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CarePlanEditor } from "~/components/care-plan/care-plan-editor";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export default async function CarePlanPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  if (!z.uuid().safeParse(patientId).success) notFound();
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  const plan = await caller.carePlan.get({ patientId });
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={`${patient.diagnosis.label} (${patient.diagnosis.code}) · ${patient.stage === "early" ? "early CRPS" : "chronic CRPS"}`}
        tabs={patientTabs(patientId, `/patients/${patientId}/plan`)}
      />
      <div className="inline no-print" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Care plan</h2>
        <Link className="button secondary" href={`/patients/${patientId}/plan/history`}>History</Link>
      </div>
      <CarePlanEditor patientId={patientId} initial={plan} />
    </>
  );
}
