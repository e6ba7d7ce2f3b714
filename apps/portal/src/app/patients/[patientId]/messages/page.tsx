import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isClinicianRole } from "@concord/domain";
import { Conversations } from "~/components/messaging/conversations";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { orNotFound } from "~/server/caller";
import { loadPatientRecord, patientPageTitle, patientSubtitle } from "../patient-record";

export function generateMetadata({ params }: { params: Promise<{ patientId: string }> }): Promise<Metadata> {
  return patientPageTitle(params, "Messages");
}

/** The open thread is `?thread=<id>`, read by the client (Conversations), so a link opens it. */
export default async function PatientMessagesPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const { session, caller, patient } = await loadPatientRecord(patientId);
  // Messaging is not part of emergency access: the page does not exist for such a viewer.
  if (patient.emergencyAccessUntil !== null) notFound();
  const threads = await orNotFound(caller.messaging.threads({ patientId, limit: 1 }));
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={`${patientSubtitle(patient, false)} · messages`}
        tabs={patientTabs(patientId, `/patients/${patientId}/messages`)}
      />
      <Conversations
        patientId={patientId}
        viewerId={session.actor.userId}
        canSeeTeam={isClinicianRole(session.actor.role) && threads.spaces.includes("team")}
      />
    </>
  );
}
