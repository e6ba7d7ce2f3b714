import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CardSection } from "@concord/ui/card";
import { can, supportedTimeZones, describeTimeZones } from "@concord/domain";
import { InviteForm } from "~/app/admin/admin-forms";
import { env } from "~/env";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Register a patient" };

/** A pain physician registers a new patient, joins their care team, and Concord emails the patient an invitation. */
export default async function RegisterPatientPage() {
  const session = await requireSessionActor();
  if (!can(session.actor, "patient.register")) redirect("/");
  return (
    <>
      <h1>Register a patient</h1>
      <p className="text-muted-foreground">
        You join the patient&apos;s care team as their pain physician. The patient receives an email to set their own password; it names no diagnosis
        and no clinician.
      </p>
      <CardSection aria-label="Register a patient" className="max-w-2xl">
        <InviteForm
          timeZones={supportedTimeZones()}
          zoneLabels={describeTimeZones([...supportedTimeZones(), env().clinicSettings.timeZone])}
          clinicTimeZone={env().clinicSettings.timeZone} patientsOnly />
      </CardSection>
    </>
  );
}
