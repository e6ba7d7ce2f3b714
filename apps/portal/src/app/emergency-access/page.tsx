import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EMERGENCY_ACCESS_MINUTES, isClinicianRole } from "@concord/domain";
import { Badge } from "@concord/ui/badge";
import { CardSection } from "@concord/ui/card";
import { RowList } from "~/components/layout";
import { EndAccessButton } from "~/components/emergency-access/end-access-button";
import { OpenEmergencyAccessForm } from "~/components/emergency-access/open-form";
import { When } from "~/components/viewer-clock";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Emergency access" };

/** "Break the glass": a clinician not on a patient's team opens their record in an emergency. Clinicians only. */
export default async function EmergencyAccessPage() {
  const session = await requireSessionActor();
  if (!isClinicianRole(session.actor.role)) redirect("/");
  const caller = await getCaller(session);
  const accesses = await caller.emergencyAccess.mine();
  const now = new Date();
  const open = accesses.filter((a) => a.expiresAt > now);
  const past = accesses.filter((a) => a.expiresAt <= now);
  return (
    <>
      <h1>Emergency access</h1>
      <CardSection aria-labelledby="ea-about-h" className="gap-3">
        <h2 id="ea-about-h">When to use this</h2>
        <p>
          Use this only in an emergency, for a patient whose care team you are not on (for your own patients, use My patients). When you open a
          record this way:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>You can read the record but not change anything, and messaging is not available.</li>
          <li>It stays open for {EMERGENCY_ACCESS_MINUTES} minutes, then closes by itself. You can end it sooner.</li>
          <li>The reason you give is kept with the access and shown to the patient in “Who has looked at my record”.</li>
          <li>The patient's care team and the administrators are told at once.</li>
          <li>A compliance officer reviews every emergency access afterwards.</li>
        </ul>
      </CardSection>
      <CardSection aria-labelledby="ea-open-h">
        <h2 id="ea-open-h">Open a record in an emergency</h2>
        <OpenEmergencyAccessForm />
      </CardSection>
      <CardSection aria-labelledby="ea-mine-h" className="gap-3">
        <h2 id="ea-mine-h">Your emergency accesses</h2>
        {accesses.length === 0 ? <p className="text-muted-foreground">You have not opened any record in an emergency.</p> : null}
        {open.length > 0 ? (
          <>
            <h3>Open now</h3>
            <RowList aria-label="Open emergency accesses">
              {open.map((a) => (
                <li key={a.id} data-testid="emergency-access-open" className="grid gap-2">
                  <p>
                    <Link href={`/patients/${a.patientId}`}>
                      <strong>{a.patientName}</strong>
                    </Link>{" "}
                    · opened <When at={a.openedAt} /> · ends at <When at={a.expiresAt} />
                  </p>
                  <p className="text-muted-foreground wrap-anywhere">Reason given: {a.reason}</p>
                  <EndAccessButton id={a.id} patientName={a.patientName} />
                </li>
              ))}
            </RowList>
          </>
        ) : null}
        {past.length > 0 ? (
          <>
            <h3>Ended</h3>
            <RowList aria-label="Past emergency accesses">
              {past.map((a) => (
                <li key={a.id} data-testid="emergency-access-past" className="grid gap-1">
                  <p>
                    <strong>{a.patientName}</strong> · opened <When at={a.openedAt} /> · ended <When at={a.expiresAt} /> ·{" "}
                    {a.reviewedAt ? (
                      <Badge variant="success">
                        Reviewed <When at={a.reviewedAt} />
                      </Badge>
                    ) : (
                      <Badge variant="warning">Waiting for review</Badge>
                    )}
                  </p>
                  <p className="text-muted-foreground wrap-anywhere">Reason given: {a.reason}</p>
                </li>
              ))}
            </RowList>
          </>
        ) : null}
      </CardSection>
    </>
  );
}
