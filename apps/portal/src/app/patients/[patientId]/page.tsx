import type { Metadata } from "next";
import { DISCIPLINE_LABELS, describeTimeZone, formatCalendarDate, supportedTimeZones, telHref } from "@concord/domain";
import { CardSection } from "@concord/ui/card";
import { CareTeamList } from "~/components/care-team-list";
import { GoalsCard, MedicationsCard, NextReviewCard, OpenAlertsCard, RecentMessagesCard } from "~/components/dashboard/summary-cards";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { LatestCheckIn } from "~/components/progress/latest-check-in";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { Facts } from "~/components/layout";
import { PatientTimeZoneForm } from "~/components/time-zone-form";
import { loadPatientRecord, patientPageTitle, patientSubtitle } from "./patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Summary");
}

/**
 * The clinician's summary on one laptop screen: the latest check-in in the patient's words, open alerts,
 * medications, items by goal, the next review and recent messages in a grid of cards; contact details and
 * the care team beside them. A patient reaching this address sees their own details only.
 */
export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const { caller, patient } = await loadPatientRecord(patientId);
  const team = await caller.patients.careTeam({ patientId });
  // Under emergency access the page is read-only: no time-zone form (the server refuses the write too).
  const emergency = await emergencyAccessFor(caller, patient);
  const clinician = patient.viewerDiscipline !== null || emergency !== null;
  // Clinicians only (the team, or one here under emergency access): reading it marks the check-ins seen for this clinician.
  const latest = clinician ? await caller.checkIns.latestForReview({ patientId }) : null;
  const summary = clinician ? await caller.patients.summary({ patientId }) : null;
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={patientSubtitle(patient)}
        tabs={patientTabs(patientId, `/patients/${patientId}`, { emergency: emergency !== null })}
        emergency={emergency}
      />
      <div className="grid items-start gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="patient-summary">
        <div className="flex flex-col gap-4">
          {latest ? <LatestCheckIn latest={latest} patientId={patientId} /> : null}
          {summary ? <NextReviewCard summary={summary} /> : null}
        </div>
        {summary ? (
          <div className="flex flex-col gap-4">
            <OpenAlertsCard summary={summary} patientId={patientId} />
            <MedicationsCard summary={summary} patientId={patientId} />
            <GoalsCard summary={summary} />
          </div>
        ) : null}
        <div className="flex flex-col gap-4">
          {summary ? <RecentMessagesCard summary={summary} patientId={patientId} /> : null}
          <CardSection aria-labelledby="summary-h" className="gap-2">
            <h2 id="summary-h" className="text-lg">
              About {patient.name}
            </h2>
            <Facts className="text-sm">
              <dt>Date of birth</dt>
              <dd>{formatCalendarDate(patient.dateOfBirth)}</dd>
              <dt>Phone</dt>
              <dd>
                {patient.phone ? (
                  <a href={telHref(patient.phone)}>
                    Call {patient.name}: {patient.phone}
                  </a>
                ) : (
                  <span className="text-muted-foreground">None on record</span>
                )}
              </dd>
              <dt>Diagnosis</dt>
              <dd>
                {patient.diagnosis.label} ({patient.diagnosis.code})
              </dd>
              <dt>Affected limb</dt>
              <dd>{patient.diagnosis.limb ?? "—"}</dd>
              <dt>Onset</dt>
              <dd>
                {formatCalendarDate(patient.onsetDate)} ({patient.stage === "early" ? "under 6 months" : "over 6 months"})
              </dd>
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
            {patient.viewerDiscipline && !emergency ? (
              <details className="text-sm">
                <summary className="w-fit cursor-pointer font-semibold text-primary">Change the time zone</summary>
                <div className="mt-2">
                  <PatientTimeZoneForm
                    patientId={patientId}
                    patientName={patient.name}
                    current={patient.ownTimeZone}
                    clinicTimeZone={patient.clinicTimeZone}
                    zones={supportedTimeZones()}
                  />
                </div>
              </details>
            ) : null}
          </CardSection>
          <CardSection aria-labelledby="team-h" className="gap-2">
            <h2 id="team-h" className="text-lg">
              Care team
            </h2>
            <CareTeamList team={team} compact />
          </CardSection>
        </div>
      </div>
    </>
  );
}
