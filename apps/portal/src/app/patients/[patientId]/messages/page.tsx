import { z } from "zod";
import { notFound } from "next/navigation";
import { isClinicianRole } from "@concord/domain";
import { Conversations } from "~/components/messaging/conversations";
import { PatientHeader, patientTabs } from "~/components/patient-header";
import { getCaller, orNotFound } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export default async function PatientMessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ thread?: string }>;
}) {
  const { patientId } = await params;
  const { thread } = await searchParams;
  if (!z.uuid().safeParse(patientId).success) notFound();
  const session = await requireSessionActor();
  const caller = await getCaller(session);
  const patient = await orNotFound(caller.patients.get({ patientId }));
  // Messaging is not part of emergency access: the page does not exist for such a viewer.
  if (patient.emergencyAccessUntil !== null) notFound();
  const threads = await orNotFound(caller.messaging.threads({ patientId, limit: 1 }));
  return (
    <>
      <PatientHeader
        name={patient.name}
        subtitle={`${patient.diagnosis.label} (${patient.diagnosis.code}) · messages`}
        tabs={patientTabs(patientId, `/patients/${patientId}/messages`)}
      />
      <Conversations
        patientId={patientId}
        viewerId={session.actor.userId}
        canSeeTeam={isClinicianRole(session.actor.role) && threads.spaces.includes("team")}
        initialThreadId={thread && z.uuid().safeParse(thread).success ? thread : null}
      />
    </>
  );
}
