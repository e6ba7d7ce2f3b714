import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CardSection } from "@concord/ui/card";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { BudapestForm, CssForm, LicensedScoreForm, LimbTemperatureForm } from "~/components/progress/measure-forms";
import { PatientDay } from "~/components/progress/local-date";
import { FrequencyQuestionnaire, PsfsForm } from "~/components/progress/questionnaire-forms";
import { loadPatientRecord, patientPageTitle } from "../../patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Record a measure");
}

/** A questionnaire folded away until opened (the page is long). */
function Folded({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="rounded-lg border p-3 [&[open]>summary]:mb-3">
      <summary className="cursor-pointer font-semibold text-primary">{summary}</summary>
      {children}
    </details>
  );
}

export default async function RecordMeasuresPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const { patient } = await loadPatientRecord(patientId);
  // The team only: nobody records a measure under emergency access (read-only).
  if (patient.viewerDiscipline === null || patient.emergencyAccessUntil !== null) notFound();
  // Forms date a measure on the patient's own day (their zone) and refuse later ones.
  return (
    <PatientDay today={patient.today}>
      <PatientHeader name={patient.name} subtitle="Record a clinical measure" tabs={patientTabs(patientId, `/patients/${patientId}/progress`)} trail={["Record a measure"]} />
      <p><Link href={`/patients/${patientId}/progress`}>Back to progress</Link></p>
      <BudapestForm patientId={patientId} />
      <CssForm patientId={patientId} />
      <LimbTemperatureForm patientId={patientId} />
      <LicensedScoreForm patientId={patientId} />
      <CardSection aria-labelledby="q-h">
        <h2 id="q-h">Questionnaires completed with the patient</h2>
        <Folded summary="PHQ-9">
          <FrequencyQuestionnaire patientId={patientId} kind="phq9" />
        </Folded>
        <Folded summary="GAD-7">
          <FrequencyQuestionnaire patientId={patientId} kind="gad7" />
        </Folded>
        <Folded summary="Patient-Specific Functional Scale">
          <PsfsForm patientId={patientId} />
        </Folded>
      </CardSection>
    </PatientDay>
  );
}
