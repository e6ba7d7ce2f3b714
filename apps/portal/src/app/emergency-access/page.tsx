import Link from "next/link";
import { redirect } from "next/navigation";
import { EMERGENCY_ACCESS_MINUTES, isClinicianRole } from "@concord/domain";
import { EndAccessButton } from "~/components/emergency-access/end-access-button";
import { OpenEmergencyAccessForm } from "~/components/emergency-access/open-form";
import { When } from "~/components/viewer-clock";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

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
      <section className="card" aria-labelledby="ea-about-h">
        <h2 id="ea-about-h" style={{ marginTop: 0 }}>
          When to use this
        </h2>
        <p>
          Use this only in an emergency, for a patient whose care team you are not on (for your own patients, use My patients). When you open a
          record this way:
        </p>
        <ul>
          <li>You can read the record but not change anything, and messaging is not available.</li>
          <li>It stays open for {EMERGENCY_ACCESS_MINUTES} minutes, then closes by itself. You can end it sooner.</li>
          <li>The reason you give is kept with the access and shown to the patient in “Who has looked at my record”.</li>
          <li>The patient's care team and the administrators are told at once.</li>
          <li>A compliance officer reviews every emergency access afterwards.</li>
        </ul>
      </section>
      <section className="card" aria-labelledby="ea-open-h">
        <h2 id="ea-open-h" style={{ marginTop: 0 }}>
          Open a record in an emergency
        </h2>
        <OpenEmergencyAccessForm />
      </section>
      <section className="card" aria-labelledby="ea-mine-h">
        <h2 id="ea-mine-h" style={{ marginTop: 0 }}>
          Your emergency accesses
        </h2>
        {accesses.length === 0 ? <p className="muted">You have not opened any record in an emergency.</p> : null}
        {open.length > 0 ? (
          <>
            <h3>Open now</h3>
            <ul className="plain" aria-label="Open emergency accesses">
              {open.map((a) => (
                <li key={a.id} data-testid="emergency-access-open">
                  <p style={{ margin: 0 }}>
                    <Link href={`/patients/${a.patientId}`}>
                      <strong>{a.patientName}</strong>
                    </Link>{" "}
                    · opened <When at={a.openedAt} /> · ends at <When at={a.expiresAt} />
                  </p>
                  <p className="muted" style={{ margin: ".25rem 0 .5rem", overflowWrap: "anywhere" }}>
                    Reason given: {a.reason}
                  </p>
                  <EndAccessButton id={a.id} patientName={a.patientName} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {past.length > 0 ? (
          <>
            <h3>Ended</h3>
            <ul className="plain" aria-label="Past emergency accesses">
              {past.map((a) => (
                <li key={a.id} data-testid="emergency-access-past">
                  <p style={{ margin: 0 }}>
                    <strong>{a.patientName}</strong> · opened <When at={a.openedAt} /> · ended <When at={a.expiresAt} /> ·{" "}
                    {a.reviewedAt ? (
                      <span className="badge ok">
                        Reviewed <When at={a.reviewedAt} />
                      </span>
                    ) : (
                      <span className="badge warn">Waiting for review</span>
                    )}
                  </p>
                  <p className="muted" style={{ margin: ".25rem 0 0", overflowWrap: "anywhere" }}>
                    Reason given: {a.reason}
                  </p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
