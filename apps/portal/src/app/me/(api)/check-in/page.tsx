import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckInForm } from "~/components/progress/check-in-form";
import { PatientDay } from "~/components/progress/local-date";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Today’s check-in" };

export default async function CheckInPage() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  // The patient's own day (their zone), decided by the server rather than the device's clock.
  const { today } = await (await getCaller(session)).me.get();
  return (
    <>
      <h1>Today’s check-in</h1>
      {/* One line on a phone: the core questions below must fit the first screen. */}
      <p className="text-muted-foreground">
        About a minute. <Link href="/me/progress">See your progress</Link>
      </p>
      <PatientDay today={today}><CheckInForm patientId={session.actor.patientId} /></PatientDay>
    </>
  );
}
