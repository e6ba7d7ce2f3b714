import Link from "next/link";
import { redirect } from "next/navigation";
import { PsfsForm } from "~/components/progress/questionnaire-forms";
import { requireSessionActor } from "~/server/session";

export default async function PsfsPage() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  return (
    <>
      <h1>Everyday activities (PSFS)</h1>
      <p className="muted"><Link href="/me/check-in">Back to today’s check-in</Link></p>
      <PsfsForm patientId={session.actor.patientId} />
    </>
  );
}
