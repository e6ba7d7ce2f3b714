import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckInForm } from "~/components/progress/check-in-form";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Today’s check-in" };

export default async function CheckInPage() {
  const session = await requireSessionActor();
  const patientId = session.actor.patientId;
  if (session.actor.role !== "patient" || !patientId) redirect("/");
  const caller = await getCaller(session);
  // The patient's own day (their zone), decided by the server rather than the device's clock, and its form.
  const { today } = await caller.me.get();
  const form = await caller.checkIns.form({ patientId, date: today });
  return (
    <>
      <h1>Today’s check-in</h1>
      {/* One line on a phone: the core questions below must fit the first screen. */}
      <p className="text-muted-foreground">
        About a minute. <Link href="/me/progress">See your progress</Link>
      </p>
      <CheckInForm patientId={patientId} form={form} />
    </>
  );
}
