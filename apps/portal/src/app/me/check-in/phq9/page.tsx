import Link from "next/link";
import { redirect } from "next/navigation";
import { FrequencyQuestionnaire } from "~/components/progress/questionnaire-forms";
import { requireSessionActor } from "~/server/session";

export default async function QuestionnairePHQ9Page() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  return (
    <>
      <h1>Mood questions (PHQ-9)</h1>
      <p className="muted"><Link href="/me/check-in">Back to today’s check-in</Link></p>
      <FrequencyQuestionnaire patientId={session.actor.patientId} kind="phq9" />
    </>
  );
}
