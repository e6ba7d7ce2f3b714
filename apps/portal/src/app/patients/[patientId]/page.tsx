import type { Metadata } from "next";
import { DISCIPLINE_LABELS, describeTimeZone, formatCalendarDate, supportedTimeZones, telHref } from "@concord/domain";
import { CardSection } from "@concord/ui/card";
import { CareTeamList } from "~/components/care-team-list";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { LatestCheckIn } from "~/components/progress/latest-check-in";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { CardGrid, Facts } from "~/components/layout";
import { PatientTimeZoneForm } from "~/components/time-zone-form";
import { loadPatientRecord, patientPageTitle, patientSubtitle } from "./patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Summary");
}

export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const { caller, patient } = await loadPatientRecord(patientId);
  const team = await caller.patients.careTeam({ patientId });
  // Under emergency access the page is read-only: no time-zone form (the server refuses the write too).
  const emergency = await emergencyAccessFor(caller, patient);
  // Clinicians only (the team, or one here under emergency access): reading it marks the check-ins seen for this clinician.
  const latest = patient.viewerDiscipline || emergency ? await caller.checkIns.latestForReview({ patientId }) : null;
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={patientSubtitle(patient)}
        tabs={patientTabs(patientId, `/patients/${patientId}`, { emergency: emergency !== null })}
        emergency={emergency}
      />
      <CardGrid>
        <CardSection aria-labelledby="summary-h">
          <h2 id="summary-h">Summary</h2>
          <Facts>
            <dt>Date of birth</dt>
            <dd>{formatCalendarDate(patient.dateOfBirth)}</dd>
            <dt>Phone</dt>
            <dd>{patient.phone ? <a href={telHref(patient.phone)}>Call {patient.name}: {patient.phone}</a> : <span className="text-muted-foreground">None on record</span>}</dd>
            <dt>Diagnosis</dt>
            <dd>{patient.diagnosis.label} ({patient.diagnosis.code})</dd>
            <dt>Affected limb</dt>
            <dd>{patient.diagnosis.limb ?? "—"}</dd>
            <dt>Onset</dt>
            <dd>{formatCalendarDate(patient.onsetDate)} ({patient.stage === "early" ? "under 6 months" : "over 6 months"})</dd>
            <dt>Time zone</dt>
            <dd>
              {describeTimeZone(patient.timeZone)}
              {patient.ownTimeZone ? "" : " (clinic default)"} · their today: {formatCalendarDate(patient.today)}
            </dd>
            {patient.viewerDiscipline ? (
              <>
                <dt>Your role</dt>
                <dd>{DISCIPLINE_LABELS[patient.viewerDiscipline]}</dd>
              </>
            ) : null}
          </Facts>
          <p><a href={`/patients/${patientId}/second-opinion.pdf`} download>Download the second-opinion summary (PDF)</a></p>
        </CardSection>
        {latest ? <LatestCheckIn latest={latest} patientId={patientId} /> : null}
        {patient.viewerDiscipline && !emergency ? (
          <CardSection aria-labelledby="zone-h">
            <h2 id="zone-h">Time zone</h2>
            <PatientTimeZoneForm
              patientId={patientId}
              patientName={patient.name}
              current={patient.ownTimeZone}
              clinicTimeZone={patient.clinicTimeZone}
              zones={supportedTimeZones()}
            />
          </CardSection>
        ) : null}
        <CardSection aria-labelledby="team-h">
          <h2 id="team-h">Care team</h2>
          <CareTeamList team={team} />
        </CardSection>
      </CardGrid>
    </>
  );
}
