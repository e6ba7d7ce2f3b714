import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckInForm } from "~/components/progress/check-in-form";
import { requireSessionActor } from "~/server/session";

export default async function CheckInPage() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  return (
    <>
      <h1>Today’s check-in</h1>
      <p className="muted">About a minute. Tap the answers that fit today. <Link href="/me/progress">See your progress</Link></p>
      <CheckInForm patientId={session.actor.patientId} />
    </>
  );
}
