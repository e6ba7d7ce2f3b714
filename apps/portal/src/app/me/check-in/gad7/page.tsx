import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FrequencyQuestionnaire } from "~/components/progress/frequency-questionnaire";
import { PatientDay } from "~/components/progress/local-date";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Worry questions (GAD-7)" };

export default async function QuestionnaireGAD7Page() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  // The patient's own day (their zone), decided by the server rather than the device's clock.
  const { today } = await (await getCaller(session)).me.get();
  return (
    <>
      <h1>Worry questions (GAD-7)</h1>
      <p>
        <Link href="/me/check-in">Back to today’s check-in</Link>
      </p>
      <PatientDay today={today}><FrequencyQuestionnaire patientId={session.actor.patientId} kind="gad7" /></PatientDay>
    </>
  );
}
