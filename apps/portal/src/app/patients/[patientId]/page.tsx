import type { Metadata } from "next";
import { describeTimeZone, describeTimeZones, formatCalendarDate, supportedTimeZones, telHref } from "@concord/domain";
import { CardSection } from "@concord/ui/card";
import { CareTeamList } from "~/components/care-team-list";
import { GoalsCard, MedicationsCard, NextReviewCard, OpenAlertsCard, RecentMessagesCard, summaryCard } from "~/components/dashboard/summary-cards";
import { emergencyAccessFor } from "~/components/emergency-access/lookup";
import { LatestCheckIn } from "~/components/progress/latest-check-in";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { PatientTimeZoneForm } from "~/components/time-zone-form";
import { loadPatientRecord, patientPageTitle, patientSubtitle } from "./patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Summary");
}

/**
 * The clinician's summary on one laptop screen: the latest check-in in the patient's words, open alerts,
 * medications, items by goal, the next review and recent messages in a grid of cards; contact details and
 * the care team beside them (the diagnosis, with its limb, is the header's line). A patient reaching this address sees their own details only.
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
      {/* Contact and dates on one line (the diagnosis is the header's): the cards below get the screen. */}
      <section aria-labelledby="summary-h" className="flex flex-col gap-1 text-sm">
        <h2 id="summary-h" className="sr-only">
          About {patient.name}
        </h2>
        <ul className="flex flex-wrap gap-x-5 gap-y-1" data-testid="patient-facts">
          <li>
            {patient.phone ? (
              <a href={telHref(patient.phone)}>
                Call {patient.name}: {patient.phone}
              </a>
            ) : (
              <span className="text-muted-foreground">No phone on record</span>
            )}
          </li>
          <li>
            <span className="text-muted-foreground">Born</span> {formatCalendarDate(patient.dateOfBirth)}
          </li>
          <li>
            <span className="text-muted-foreground">Onset</span> {formatCalendarDate(patient.onsetDate)} ({patient.stage === "early" ? "under 6 months" : "over 6 months"})
          </li>
          <li>
            <span className="text-muted-foreground">Time zone</span> {describeTimeZone(patient.timeZone)}
            {patient.ownTimeZone ? "" : " (clinic default)"} · their today: {formatCalendarDate(patient.today)}
          </li>
          <li>
            <a href={`/patients/${patientId}/second-opinion.pdf`} download>
              Download the second-opinion summary (PDF)
            </a>
          </li>
          {patient.viewerDiscipline && !emergency ? (
            <li>
              <details>
                <summary className="w-fit cursor-pointer font-semibold text-primary">Change the time zone</summary>
                <div className="mt-2 max-w-md">
                  <PatientTimeZoneForm
                    patientId={patientId}
                    patientName={patient.name}
                    current={patient.ownTimeZone}
                    clinicTimeZone={patient.clinicTimeZone}
                    zones={supportedTimeZones()}
                    labels={describeTimeZones([...supportedTimeZones(), patient.clinicTimeZone, ...(patient.ownTimeZone ? [patient.ownTimeZone] : [])])}
                  />
                </div>
              </details>
            </li>
          ) : null}
        </ul>
      </section>
      <div className="grid items-start gap-4 break-words md:grid-cols-2 xl:grid-cols-3 [&>*]:min-w-0" data-testid="patient-summary">
        <div className="flex flex-col gap-4">
          {latest ? <LatestCheckIn latest={latest} patientId={patientId} /> : null}
          {summary ? <NextReviewCard summary={summary} /> : null}
        </div>
        {summary ? (
          <div className="flex flex-col gap-4">
            <OpenAlertsCard summary={summary} patientId={patientId} />
            <MedicationsCard summary={summary} patientId={patientId} />
          </div>
        ) : null}
        <div className="flex flex-col gap-4">
          {summary ? <RecentMessagesCard summary={summary} patientId={patientId} /> : null}
          <CardSection aria-labelledby="team-h" className={summaryCard}>
            <h2 id="team-h" className="text-lg">
              Care team
            </h2>
            <div className="text-sm">
              <CareTeamList team={team} compact />
            </div>
          </CardSection>
        </div>
        {summary ? <GoalsCard summary={summary} className="md:col-span-2 xl:col-span-3" /> : null}
      </div>
    </>
  );
}
