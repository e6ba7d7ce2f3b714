import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { BudapestForm, CssForm, LicensedScoreForm, LimbTemperatureForm } from "~/components/progress/measure-forms";
import { PatientDay } from "~/components/progress/local-date";
import { FrequencyQuestionnaire, PsfsForm } from "~/components/progress/questionnaire-forms";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export default async function RecordMeasuresPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  if (!z.uuid().safeParse(patientId).success) notFound();
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  // The team only: nobody records a measure under emergency access (read-only).
  if (patient.viewerDiscipline === null || patient.emergencyAccessUntil !== null) notFound();
  // Forms date a measure on the patient's own day (their zone) and refuse later ones.
  return (
    <PatientDay today={patient.today}>
      <PatientHeader name={patient.name} subtitle="Record a clinical measure" tabs={patientTabs(patientId, `/patients/${patientId}/progress`)} />
      <p><Link href={`/patients/${patientId}/progress`}>Back to progress</Link></p>
      <BudapestForm patientId={patientId} />
      <CssForm patientId={patientId} />
      <LimbTemperatureForm patientId={patientId} />
      <LicensedScoreForm patientId={patientId} />
      <section className="card" aria-labelledby="q-h">
        <h2 id="q-h" style={{ marginTop: 0 }}>Questionnaires completed with the patient</h2>
        <details><summary>PHQ-9</summary><FrequencyQuestionnaire patientId={patientId} kind="phq9" /></details>
        <details><summary>GAD-7</summary><FrequencyQuestionnaire patientId={patientId} kind="gad7" /></details>
        <details><summary>Patient-Specific Functional Scale</summary><PsfsForm patientId={patientId} /></details>
      </section>
    </PatientDay>
  );
}
