import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PsfsForm } from "~/components/progress/psfs-form";
import { PatientDay } from "~/components/progress/local-date";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Everyday activities (PSFS)" };

export default async function PsfsPage() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  // The patient's own day (their zone), decided by the server rather than the device's clock.
  const { today } = await (await getCaller(session)).me.get();
  return (
    <>
      <h1>Everyday activities (PSFS)</h1>
      <p>
        <Link href="/me/check-in">Back to today’s check-in</Link>
      </p>
      <PatientDay today={today}><PsfsForm patientId={session.actor.patientId} /></PatientDay>
    </>
  );
}
