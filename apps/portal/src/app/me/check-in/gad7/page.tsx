import Link from "next/link";
import { redirect } from "next/navigation";
import { FrequencyQuestionnaire } from "~/components/progress/questionnaire-forms";
import { requireSessionActor } from "~/server/session";

export default async function QuestionnaireGAD7Page() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  return (
    <>
      <h1>Worry questions (GAD-7)</h1>
      <p className="muted"><Link href="/me/check-in">Back to today’s check-in</Link></p>
      <FrequencyQuestionnaire patientId={session.actor.patientId} kind="gad7" />
    </>
  );
}
